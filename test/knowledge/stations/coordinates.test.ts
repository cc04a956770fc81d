import { describe, expect, it } from "vitest";
import { convert, inChina, parseCrs, toWgs84 } from "../../../src/knowledge/stations/coordinates.js";
import { distanceMetres } from "../../../src/knowledge/places/gazetteer.js";

// Reference pairs from gcoord's own README (node_modules/gcoord/README.md, "transform" examples):
//   WGS-84 [116.403988, 39.914266]  ->  BD-09 [116.41661560068297, 39.92196580126834]
//   GCJ-02 [123, 45]                ->  WGS-84 [122.99395597, 44.99804071]
describe("coordinate conversion", () => {
  it("turns GCJ-02 into WGS-84 (gcoord README pair)", () => {
    const p = toWgs84(123, 45, "gcj02");
    expect(p.lon).toBeCloseTo(122.99395597, 6);
    expect(p.lat).toBeCloseTo(44.99804071, 6);
  });

  it("turns BD-09 back into WGS-84 within a metre (inverse of the README pair)", () => {
    const p = toWgs84(116.41661560068297, 39.92196580126834, "bd09");
    expect(distanceMetres(p, { lat: 39.914266, lon: 116.403988 })).toBeLessThan(1);
    const forward = convert(116.403988, 39.914266, "wgs84", "bd09");
    expect(forward.lon).toBeCloseTo(116.41661560068297, 8);
    expect(forward.lat).toBeCloseTo(39.92196580126834, 8);
  });

  it("moves Chinese map coordinates by several hundred metres, as the offset should be", () => {
    const gcj = convert(120.15, 30.27, "wgs84", "gcj02");
    const shift = distanceMetres({ lat: 30.27, lon: 120.15 }, gcj);
    expect(shift).toBeGreaterThan(200);
    expect(shift).toBeLessThan(1000);
  });

  it("leaves WGS-84 alone", () => {
    expect(toWgs84(120.1, 30.2, "wgs84")).toEqual({ lon: 120.1, lat: 30.2 });
  });

  it("knows the usual names of the systems", () => {
    expect(parseCrs("GCJ-02")).toBe("gcj02");
    expect(parseCrs("amap")).toBe("gcj02");
    expect(parseCrs("baidu")).toBe("bd09");
    expect(parseCrs("WGS84")).toBe("wgs84");
    expect(parseCrs("utm")).toBeUndefined();
  });

  it("tells points in China from points elsewhere", () => {
    expect(inChina(30.27, 120.15)).toBe(true);
    expect(inChina(48.85, 2.35)).toBe(false);
  });
});
