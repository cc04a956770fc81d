import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Bounds, loadBounds } from "../../../src/knowledge/places/bounds.js";
import { loadGazetteer, type PlaceIndex } from "../../../src/knowledge/places/gazetteer.js";
import type { Place } from "../../../src/knowledge/places/types.js";

const DATA_DIR = path.resolve(__dirname, "../../../data");

let gazetteer: PlaceIndex;
let bounds: Bounds;
let counties: Place[];
beforeAll(async () => {
  gazetteer = await loadGazetteer(DATA_DIR);
  bounds = await loadBounds(DATA_DIR);
  counties = ["浙江省", "江苏省"].flatMap((p) => gazetteer.within(gazetteer.resolve(p)!).filter((x) => x.level === "county"));
});

describe("county-level centres against today's divisions", () => {
  it("has an outline for each of the 185 county-level divisions of Zhejiang and Jiangsu", () => {
    expect(counties).toHaveLength(185);
    expect(counties.filter((c) => !bounds.file.divisions[c.id]).map((c) => c.name)).toEqual([]);
  });

  it("puts every county-level centre inside its own division and inside no other", () => {
    const wrong = counties
      .map((c) => ({ c, at: bounds.divisionsAt(c) }))
      .filter(({ c, at }) => at.length !== 1 || at[0] !== c.id)
      .map(({ c, at }) => `${c.name} (${c.lat}, ${c.lon}) lies in ${at.map((code) => bounds.file.divisions[code]!.name).join("+") || "none"}`);
    expect(wrong).toEqual([]);
  });

  it("puts every county-level centre inside its prefecture, and every prefecture's centre inside itself", () => {
    expect(counties.filter((c) => !bounds.inCity(c.parentId!, c)).map((c) => c.name)).toEqual([]);
    const cities = ["浙江省", "江苏省"].flatMap((p) => gazetteer.within(gazetteer.resolve(p)!).filter((x) => x.level === "city"));
    expect(cities).toHaveLength(24);
    expect(cities.filter((c) => !bounds.inCity(c.id, c)).map((c) => c.name)).toEqual([]);
  });

  it("tells Hangzhou's neighbouring districts apart after the 2021 re-drawing", () => {
    const names = ["余杭区", "临平区", "钱塘区", "上城区", "拱墅区", "西湖区", "滨江区", "萧山区"];
    const districts = names.map((n) => gazetteer.resolve(`杭州市${n}`)!);
    for (const own of districts) {
      for (const other of districts) {
        expect(bounds.inDivision(other.id, own), `${own.name}'s centre in ${other.name}`).toBe(other === own);
      }
    }
    // The centre the map data had for 余杭区 (the seat before the split) is in today's 临平区.
    const oldYuhang = { lat: 30.421438, lon: 120.294904 };
    expect(bounds.divisionsAt(oldYuhang).map((code) => bounds.file.divisions[code]!.name)).toEqual(["临平区"]);
  });

  it("says where each corrected centre comes from: the government seat", () => {
    const corrected = counties.filter((c) => c.note);
    expect(corrected.map((c) => c.name).sort()).toEqual(["上城区", "临平区", "余杭区", "钱塘区", "龙港市"].sort());
    for (const c of corrected) expect(c.note, c.name).toMatch(/^centre: government seat, \S+号 \(/);
    expect(gazetteer.resolve("余杭区")!.note).toContain("仓前街道文一西路1500号");
  });
});

describe("the shipped sample stations", () => {
  it("each lies in the county-level division it names", async () => {
    const { readSampleStations } = await import("../../../src/knowledge/stations/service.js");
    const sample = await readSampleStations(DATA_DIR);
    expect(sample.length).toBeGreaterThan(100);
    const wrong = sample
      .map((s) => ({ s, at: bounds.divisionsAt(s).map((code) => bounds.file.divisions[code]!.name) }))
      .filter(({ s, at }) => at.length !== 1 || at[0] !== s.county)
      .map(({ s, at }) => `${s.name} (${s.county}) lies in ${at.join("+") || "none"}`);
    expect(wrong).toEqual([]);
  });
});
