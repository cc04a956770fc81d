import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadGazetteer, type PlaceIndex } from "../../../src/knowledge/places/gazetteer.js";
import { needById } from "../../../src/knowledge/stations/amenities.js";
import { StationFinder } from "../../../src/knowledge/stations/finder.js";
import { station } from "./helpers.js";

const DATA_DIR = path.resolve(__dirname, "../../../data");
/** Wednesday 2025-10-15 12:00 and 23:00 in Shanghai. */
const NOON = new Date("2025-10-15T12:00:00+08:00");
const NIGHT = new Date("2025-10-15T23:00:00+08:00");
const heat = needById("heat_food")!;
const charge = needById("charge")!;

// Points along a line north of (30.00, 120.00): 0.01 degree of latitude is ~1.11 km.
const stations = [
  station({ id: "near-day", lat: 30.001, lon: 120, openingHours: "Mo-Su 08:00-18:00", amenities: ["microwave"] }),
  station({ id: "mid-247", lat: 30.01, lon: 120, openingHours: "24/7", amenities: ["phone_charging"] }),
  station({ id: "far-247", lat: 30.05, lon: 120, openingHours: "24/7", amenities: ["microwave", "ebike_charging"] }),
  station({ id: "unknown-hours", lat: 30.02, lon: 120, openingHours: null, amenities: ["microwave"] }),
  station({ id: "very-far", lat: 31, lon: 121, openingHours: "24/7", amenities: ["microwave"] }),
];

describe("StationFinder.nearest", () => {
  const finder = new StationFinder(stations);
  const origin = { lat: 30, lon: 120 };

  it("orders by great-circle distance when all are open", () => {
    const results = finder.nearest(origin, { at: NOON, limit: 5 });
    expect(results.map((r) => r.station.id).slice(0, 2)).toEqual(["near-day", "mid-247"]);
    expect(results[0].distanceM).toBeGreaterThan(100);
    expect(results[0].distanceM).toBeLessThan(120);
    expect(results[1].distanceM).toBeCloseTo(1112, -1);
    const distances = results.filter((r) => r.openNow === true).map((r) => r.distanceM);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it("puts nearby open stations first, then unknown hours, then farther ones, closed ones last", () => {
    const results = finder.nearest(origin, { at: NIGHT, limit: 5 });
    expect(results.map((r) => [r.station.id, r.openNow])).toEqual([
      ["mid-247", true], // 1.1 km, open
      ["unknown-hours", null], // 2.2 km, hours unknown
      ["far-247", true], // 5.6 km: beyond the 5 km open-first radius
      ["very-far", true], // 140 km
      ["near-day", false], // 0.1 km but closed at 23:00
    ]);
  });

  it("filters by need (any amenity that meets it) and by open now", () => {
    expect(finder.nearest(origin, { needs: [heat], at: NOON, limit: 3 }).map((r) => r.station.id)).toEqual([
      "near-day",
      "unknown-hours",
      "far-247",
    ]);
    expect(finder.nearest(origin, { needs: [heat], openNow: true, at: NIGHT, limit: 3 }).map((r) => r.station.id)).toEqual([
      "far-247",
      "very-far",
    ]);
    // 充电: a phone charger or an e-bike battery station both count.
    expect(finder.nearest(origin, { needs: [charge], at: NOON, limit: 5 }).map((r) => r.station.id)).toEqual(["mid-247", "far-247"]);
    // Both needs at once.
    expect(finder.nearest(origin, { needs: [heat, charge], at: NOON }).map((r) => r.station.id)).toEqual(["far-247"]);
  });

  it("respects the limit and a maximum distance", () => {
    expect(finder.nearest(origin, { at: NOON, limit: 1 })).toHaveLength(1);
    expect(finder.nearest(origin, { at: NOON, maxDistanceM: 3000 }).map((r) => r.station.id)).toEqual([
      "near-day",
      "mid-247",
      "unknown-hours",
    ]);
  });

  it("returns nothing when there are no stations", () => {
    expect(new StationFinder([]).nearest(origin)).toEqual([]);
  });
});

describe("StationFinder.inPlace", () => {
  let gazetteer: PlaceIndex;
  beforeAll(async () => {
    gazetteer = await loadGazetteer(DATA_DIR);
  });

  it("lists the stations of a county nearest to its centre, matching by full or short name", () => {
    const yuhang = gazetteer.resolve("余杭")!;
    const finder = new StationFinder([
      station({ id: "in-far", lat: yuhang.lat + 0.05, lon: yuhang.lon, county: "余杭区" }),
      station({ id: "in-near", lat: yuhang.lat + 0.001, lon: yuhang.lon, county: "余杭" }),
      station({ id: "other-county", lat: yuhang.lat, lon: yuhang.lon + 0.0005, county: "临平区" }),
    ]);
    const result = finder.inPlace(yuhang, { at: NOON });
    expect(result.inside.map((r) => r.station.id)).toEqual(["in-near", "in-far"]);
    expect(result.totalInside).toBe(2);
    expect(result.nearestOutside).toEqual([]);
  });

  it("takes a city's stations by the city field", () => {
    const hangzhou = gazetteer.resolve("杭州")!;
    const finder = new StationFinder([
      station({ id: "hz", lat: hangzhou.lat, lon: hangzhou.lon, city: "杭州市", county: "上城区" }),
      station({ id: "jx", lat: 30.75, lon: 120.75, city: "嘉兴市", county: "南湖区" }),
    ]);
    expect(finder.inPlace(hangzhou, { at: NOON }).inside.map((r) => r.station.id)).toEqual(["hz"]);
  });

  it("says none are known there and gives the nearest ones outside", () => {
    const haiyan = gazetteer.resolve("海盐")!;
    const finder = new StationFinder([
      station({ id: "far", lat: haiyan.lat + 0.3, lon: haiyan.lon, county: "嘉善县" }),
      station({ id: "near", lat: haiyan.lat + 0.1, lon: haiyan.lon, county: "平湖市" }),
    ]);
    const result = finder.inPlace(haiyan, { at: NOON });
    expect(result.inside).toEqual([]);
    expect(result.totalInside).toBe(0);
    expect(result.nearestOutside.map((r) => r.station.id)).toEqual(["near", "far"]);
  });

  it("keeps namesake districts apart by city", () => {
    const nanjingGulou = gazetteer.findInText("南京鼓楼区")[1].place;
    const finder = new StationFinder([
      station({ id: "nj", lat: nanjingGulou.lat, lon: nanjingGulou.lon, city: "南京市", county: "鼓楼区" }),
      station({ id: "xz", lat: 34.27, lon: 117.19, city: "徐州市", county: "鼓楼区" }),
    ]);
    expect(finder.inPlace(nanjingGulou, { at: NOON }).inside.map((r) => r.station.id)).toEqual(["nj"]);
  });
});
