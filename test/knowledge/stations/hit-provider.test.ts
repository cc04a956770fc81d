import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnalyzedQuery } from "../../../src/knowledge/knowledge.js";
import { loadGazetteer, type PlaceIndex } from "../../../src/knowledge/places/gazetteer.js";
import { StationFinder } from "../../../src/knowledge/stations/finder.js";
import { createStationHitProvider, isStationQuestion } from "../../../src/knowledge/stations/hit-provider.js";
import { station } from "./helpers.js";

const DATA_DIR = path.resolve(__dirname, "../../../data");
const NOON = new Date("2025-10-15T12:00:00+08:00");

let gazetteer: PlaceIndex;
beforeAll(async () => {
  gazetteer = await loadGazetteer(DATA_DIR);
});

/** What the search's analyzer hands providers; only raw, places and english matter here. */
function query(raw: string): AnalyzedQuery {
  return { raw, terms: [], places: gazetteer.findInText(raw), english: !/[\u4e00-\u9fff]/u.test(raw) };
}

function provider(stations = defaultStations()) {
  return createStationHitProvider({ finder: new StationFinder(stations), now: () => NOON });
}

function defaultStations() {
  const yuhang = gazetteer.resolve("余杭区")!;
  const hangzhou = gazetteer.resolve("杭州市")!;
  return [
    station({ id: "yh-heat", name: "余杭热饭驿站", lat: yuhang.lat + 0.002, lon: yuhang.lon, city: "杭州市", county: "余杭区", amenities: ["microwave", "toilet"] }),
    station({ id: "yh-plain", name: "余杭普通驿站", lat: yuhang.lat + 0.001, lon: yuhang.lon, city: "杭州市", county: "余杭区", amenities: ["rest_area"] }),
    station({ id: "hz-charge", name: "Hangzhou charging", lat: hangzhou.lat, lon: hangzhou.lon, city: "杭州市", county: "上城区", amenities: ["phone_charging"], sample: true, address: "示例地址" }),
  ];
}

describe("station questions", () => {
  it("recognises station questions and leaves others alone", () => {
    expect(isStationQuestion("余杭哪里能热饭?")).toBe(true);
    expect(isStationQuestion("海盐有驿站吗")).toBe(true);
    expect(isStationQuestion("where can I charge my phone in Hangzhou")).toBe(true);
    expect(isStationQuestion("没工作了想充电学习，有免费培训吗?")).toBe(false);
    expect(isStationQuestion("我在淮安,看病自己花了四千多,工会能兜底吗?")).toBe(false);
    // News about stations (numbers, targets) is not a request for a station list.
    expect(isStationQuestion("浙江工会一共建了多少个服务站点？")).toBe(false);
    expect(isStationQuestion("What coverage target did Jiangsu set for social work service stations?")).toBe(false);
  });
});

describe("station hit provider", () => {
  it("answers 余杭哪里能热饭 with the stations in 余杭 that can heat food", async () => {
    const hits = await provider().search(query("余杭哪里能热饭?"), 5);
    expect(hits.map((h) => h.id)).toEqual(["yh-heat"]);
    expect(hits[0]).toMatchObject({ kind: "station", title: "余杭热饭驿站" });
    expect(hits[0].snippet).toContain("微波炉热饭");
    expect(hits[0].snippet).toContain("营业中");
  });

  it("answers English questions in English and marks sample stations", async () => {
    const hits = await provider().search(query("where can I charge my phone in Hangzhou"), 5);
    expect(hits.map((h) => h.id)).toEqual(["hz-charge"]);
    expect(hits[0].sample).toBe(true);
    expect(hits[0].title).toMatch(/^\[SAMPLE DATA\]/);
    expect(hits[0].snippet).toContain("phone charging");
  });

  it("says when a place has none and lists the nearest outside", async () => {
    const hits = await provider().search(query("海盐有驿站吗"), 2);
    expect(hits.length).toBeGreaterThan(0);
    // The answer (lead) says so and names the nearest outside with distance and direction; the hit is the station itself.
    expect(hits[0].lead).toMatch(/^海盐县暂无已知的驿站。离海盐县最近的在海盐县以外：.+（.+，在海盐县中心[东南西北]+面约[\d.]+公里，/);
    expect(hits[0].snippet).not.toContain("暂无");
    expect(hits.every((h) => !h.id.startsWith("hy"))).toBe(true);
  });

  it("returns nothing without a place or for other questions", async () => {
    expect(await provider().search(query("哪里能热饭?"), 5)).toEqual([]);
    expect(await provider().search(query("余杭的困难职工补助怎么申请"), 5)).toEqual([]);
  });
});

describe("station hit provider and wide places", () => {
  it("gives no station list for a whole province (nearest to a province's centre helps nobody)", async () => {
    expect(await provider().search(query("浙江哪里有驿站?"), 5)).toEqual([]);
    expect((await provider().search(query("杭州哪里有驿站?"), 5)).length).toBeGreaterThan(0);
  });
});

describe("station hit provider far from any station", () => {
  it("offers no station hundreds of kilometres away", async () => {
    expect(await provider().search(query("广州哪里有驿站可以热饭?"), 5)).toEqual([]);
  });
});

describe("charging questions", () => {
  function chargingStations() {
    const yuhang = gazetteer.resolve("余杭区")!;
    const at = (id: string, dLat: number, amenities: Parameters<typeof station>[0]["amenities"]) =>
      station({ id, lat: yuhang.lat + dLat, lon: yuhang.lon, city: "杭州市", county: "余杭区", amenities });
    return [
      at("phone-only", 0.001, ["phone_charging", "rest_area"]),
      at("ebike-only", 0.003, ["ebike_charging"]),
      at("both", 0.005, ["phone_charging", "ebike_charging"]),
    ];
  }
  const ids = async (q: string) => (await provider(chargingStations()).search(query(q), 5)).map((h) => h.id);

  it("answers e-bike charging and battery swap questions with e-bike stations only", async () => {
    expect(await ids("余杭哪里可以给电动车充电")).toEqual(["ebike-only", "both"]);
    expect(await ids("电动车没电了,余杭哪有换电的")).toEqual(["ebike-only", "both"]);
  });

  it("answers phone charging questions with phone-charging stations only", async () => {
    expect(await ids("手机没电了,余杭哪里能充电")).toEqual(["phone-only", "both"]);
    expect(await ids("余杭哪里能借充电宝")).toEqual(["phone-only", "both"]);
  });

  it("takes either kind of charging for a plain 充电, and both kinds when both are asked for", async () => {
    expect(await ids("余杭哪里能充电")).toEqual(["phone-only", "ebike-only", "both"]);
    expect(await ids("手机和电动车都没电了,余杭哪里能充电")).toEqual(["both"]);
  });
});
