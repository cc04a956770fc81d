/**
 * Coordinate systems. Chinese map providers publish GCJ-02 (AMap, Tencent) or BD-09 (Baidu);
 * Telegram and GPS use WGS-84. The offset is several hundred metres, so imports convert.
 */
import gcoordModule from "gcoord";

type Gcoord = (typeof import("gcoord"))["default"];
// CommonJS package: under NodeNext typing the default import is the module object; at run time it is the API.
const gcoord: Gcoord = (gcoordModule as unknown as { default?: Gcoord }).default ?? (gcoordModule as unknown as Gcoord);

export type Crs = "wgs84" | "gcj02" | "bd09";
export const CRS_VALUES: readonly Crs[] = ["wgs84", "gcj02", "bd09"];

const GCOORD_CRS = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

export function parseCrs(value: string): Crs | undefined {
  const key = value.trim().toLowerCase().replace(/[-_]/g, "");
  if (key === "wgs84" || key === "gps" || key === "epsg4326") return "wgs84";
  if (key === "gcj02" || key === "amap" || key === "gaode") return "gcj02";
  if (key === "bd09" || key === "bd09ll" || key === "baidu") return "bd09";
  return undefined;
}

/** Converts [lon, lat] between any two of the systems, unrounded. */
export function convert(lon: number, lat: number, from: Crs, to: Crs): { lon: number; lat: number } {
  if (from === to) return { lon, lat };
  const [x, y] = gcoord.transform([lon, lat], GCOORD_CRS[from], GCOORD_CRS[to]) as [number, number];
  return { lon: x, lat: y };
}

/** Converts a point to WGS-84, rounded to 6 decimals (~0.1 m). */
export function toWgs84(lon: number, lat: number, from: Crs): { lon: number; lat: number } {
  if (from === "wgs84") return { lon, lat };
  const [x, y] = gcoord.transform([lon, lat], GCOORD_CRS[from], gcoord.WGS84) as [number, number];
  return { lon: Number(x.toFixed(6)), lat: Number(y.toFixed(6)) };
}

/** Mainland China's bounding box (Hainan to Heilongjiang, Xinjiang to the east coast). */
export const CHINA_BOUNDS = { minLat: 18, maxLat: 54, minLon: 73, maxLon: 135.1 } as const;

export function inChina(lat: number, lon: number): boolean {
  return lat >= CHINA_BOUNDS.minLat && lat <= CHINA_BOUNDS.maxLat && lon >= CHINA_BOUNDS.minLon && lon <= CHINA_BOUNDS.maxLon;
}
