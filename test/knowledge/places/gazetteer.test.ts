import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { distanceMetres, loadGazetteer, PlaceIndex } from "../../../src/knowledge/places/gazetteer.js";

const DATA_DIR = path.resolve(__dirname, "../../../data");

let gazetteer: PlaceIndex;
beforeAll(async () => {
  gazetteer = await loadGazetteer(DATA_DIR);
});

describe("shipped gazetteer data", () => {
  it("covers Zhejiang's 11 cities and 90 county-level divisions, and the Jiangsu places the seeds name", () => {
    const zhejiang = gazetteer.resolve("浙江省")!;
    const inside = gazetteer.within(zhejiang);
    expect(inside.filter((p) => p.level === "city")).toHaveLength(11);
    expect(inside.filter((p) => p.level === "county")).toHaveLength(90);
    for (const name of ["淮安市", "南通市", "扬州市", "泰州市", "仪征市", "江苏省"]) {
      expect(gazetteer.resolve(name)?.name).toBe(name);
    }
  });

  it("places every Zhejiang centre inside Zhejiang's bounding box (WGS-84)", () => {
    for (const place of gazetteer.within(gazetteer.resolve("浙江")!)) {
      expect(place.lat, place.name).toBeGreaterThan(27);
      expect(place.lat, place.name).toBeLessThan(31.5);
      expect(place.lon, place.name).toBeGreaterThan(118);
      expect(place.lon, place.name).toBeLessThan(123);
    }
  });

  it("puts a county's centre near its city's centre", () => {
    const yuhang = gazetteer.resolve("余杭区")!;
    const hangzhou = gazetteer.resolve("杭州市")!;
    expect(distanceMetres(yuhang, hangzhou)).toBeLessThan(40_000);
    const haiyan = gazetteer.resolve("海盐")!;
    expect(distanceMetres(haiyan, gazetteer.resolve("嘉兴")!)).toBeLessThan(50_000);
  });
});

describe("resolve", () => {
  it("accepts short names, full names, city-prefixed names and English names", () => {
    expect(gazetteer.resolve("余杭")?.id).toBe("330110");
    expect(gazetteer.resolve("余杭区")?.id).toBe("330110");
    expect(gazetteer.resolve("杭州市余杭区")?.id).toBe("330110");
    expect(gazetteer.resolve("Hangzhou")?.id).toBe("330100");
    expect(gazetteer.resolve("hangzhou")?.id).toBe("330100");
    expect(gazetteer.resolve("Yuhang")?.id).toBe("330110");
  });

  it("prefers the city when a city and one of its counties share a short name", () => {
    expect(gazetteer.resolve("淮安")?.name).toBe("淮安市");
    expect(gazetteer.resolve("淮安区")?.name).toBe("淮安区");
  });

  it("knows former names of renamed divisions", () => {
    expect(gazetteer.resolve("临安市")?.name).toBe("临安区");
    expect(gazetteer.resolve("玉环县")?.name).toBe("玉环市");
  });

  it("returns undefined for names it does not know", () => {
    expect(gazetteer.resolve("火星市")).toBeUndefined();
    expect(gazetteer.resolve("")).toBeUndefined();
  });
});

describe("findInText", () => {
  const names = (text: string) => gazetteer.findInText(text).map((m) => `${m.matched}=${m.place.name}`);

  it("finds county and city names in colloquial questions", () => {
    expect(names("余杭哪里能热饭充电?")).toEqual(["余杭=余杭区"]);
    expect(names("我在淮安,看病自己花了四千多,工会能兜底吗?")).toEqual(["淮安=淮安市"]);
    expect(names("海盐有驿站吗")).toEqual(["海盐=海盐县"]);
    expect(names("where can I charge my phone in Hangzhou")).toEqual(["Hangzhou=杭州市"]);
  });

  it("takes the longest name and drops overlapping shorter ones", () => {
    const matches = gazetteer.findInText("杭州市余杭区的驿站");
    expect(matches.map((m) => [m.matched, m.start, m.end])).toEqual([
      ["杭州市", 0, 3],
      ["余杭区", 3, 6],
    ]);
  });

  it("does not take everyday words for places", () => {
    expect(names("我在天台上休息")).toEqual([]);
    expect(names("路桥施工")).toEqual([]);
    expect(names("钱塘江边有驿站吗")).toEqual([]);
    expect(names("天台县有驿站吗")).toEqual(["天台县=天台县"]);
  });

  it("settles a namesake district by the city named with it", () => {
    const nanjing = gazetteer.findInText("南京鼓楼区");
    expect(nanjing[1].place.city).toBe("南京市");
    const xuzhou = gazetteer.findInText("徐州鼓楼区");
    expect(xuzhou[1].place.city).toBe("徐州市");
  });
});

describe("places outside Zhejiang and Jiangsu", () => {
  const names = (text: string) => gazetteer.findInText(text).map((m) => `${m.matched}=${m.place.name}`);

  it("finds a municipality and a prefecture-level city in a question, at the right level", () => {
    const [shanghai] = gazetteer.findInText("上海有没有专门给外卖小哥歇脚的驿站？");
    expect(shanghai.matched).toBe("上海");
    expect(shanghai.place).toMatchObject({ name: "上海市", level: "province", id: "310000" });
    const [guangzhou] = gazetteer.findInText("我在广州跑外卖，哪里能歇脚充电？");
    expect(guangzhou.matched).toBe("广州");
    expect(guangzhou.place).toMatchObject({ name: "广州市", level: "city", province: "广东省" });
  });

  it("lists the four municipalities and every prefecture of a province", () => {
    for (const [name, id] of [["北京", "110000"], ["天津", "120000"], ["上海", "310000"], ["重庆", "500000"]]) {
      expect(gazetteer.resolve(name)).toMatchObject({ id, level: "province" });
    }
    const guangdong = gazetteer.within(gazetteer.resolve("广东")!);
    expect(guangdong.filter((p) => p.level === "city")).toHaveLength(21);
    expect(guangdong.filter((p) => p.level === "county")).toHaveLength(0);
    expect(gazetteer.resolve("Chengdu")?.name).toBe("成都市");
    expect(gazetteer.resolve("Chongqing")?.name).toBe("重庆市");
    expect(gazetteer.resolve("Urumqi")?.name).toBe("乌鲁木齐市");
  });

  it("puts centres where the places are (WGS-84)", () => {
    expect(distanceMetres(gazetteer.resolve("上海")!, { lat: 31.23, lon: 121.47 })).toBeLessThan(5_000);
    expect(distanceMetres(gazetteer.resolve("深圳")!, { lat: 22.54, lon: 114.06 })).toBeLessThan(10_000);
    expect(distanceMetres(gazetteer.resolve("重庆")!, { lat: 29.56, lon: 106.55 })).toBeLessThan(10_000);
  });

  it("does not take everyday words for cities elsewhere", () => {
    expect(names("祝大家幸福安康，国家长治久安")).toEqual([]);
    expect(names("工会拿出真金白银支持新乡村建设")).toEqual([]);
    expect(names("药品未开封可以退吗")).toEqual([]);
    expect(names("湖州长兴县小浦镇中山村的共富工坊")).toEqual(["湖州=湖州市", "长兴县=长兴县"]);
    expect(names("新华社北京11月6日电")).toEqual([]);
    // With the suffix they are places.
    expect(names("中山市有驿站吗")).toEqual(["中山市=中山市"]);
  });

  it("leaves ambiguous pinyin to the Zhejiang and Jiangsu place", () => {
    expect(gazetteer.resolve("Fuyang")?.name).toBe("富阳区");
    expect(gazetteer.resolve("Suzhou")?.name).toBe("苏州市");
    expect(gazetteer.resolve("宿州")?.name).toBe("宿州市");
  });
});

describe("within", () => {
  it("returns the place and every place inside it", () => {
    const hangzhou = gazetteer.resolve("杭州")!;
    const inside = gazetteer.within(hangzhou);
    expect(inside[0]).toBe(hangzhou);
    expect(inside.map((p) => p.name)).toContain("余杭区");
    expect(inside.map((p) => p.name)).not.toContain("海盐县");
    expect(gazetteer.within(gazetteer.resolve("余杭区")!)).toHaveLength(1);
  });
});

describe("PlaceIndex on its own data", () => {
  it("ignores one-character short names in text", () => {
    const index = new PlaceIndex([
      { id: "1", name: "丰县", shortName: "丰", aliases: [], level: "county", province: "p", city: "c", county: "丰县", parentId: null, lat: 0, lon: 0 },
    ]);
    expect(index.findInText("丰收")).toEqual([]);
    expect(index.findInText("丰县")).toHaveLength(1);
  });
});

describe("distanceMetres", () => {
  it("computes great-circle distances", () => {
    // One degree of latitude is ~111.2 km on the mean-radius sphere.
    expect(distanceMetres({ lat: 30, lon: 120 }, { lat: 31, lon: 120 })).toBeCloseTo(111_195, -1);
    expect(distanceMetres({ lat: 30, lon: 120 }, { lat: 30, lon: 120 })).toBe(0);
  });
});

describe("placeNameIn", () => {
  it("names a place in English with its Chinese name in brackets, and in Chinese as it is", async () => {
    const { placeNameIn } = await import("../../../src/knowledge/places/names.js");
    const label = (name: string, locale: "en" | "zh-CN" = "en") => placeNameIn(gazetteer.resolve(name)!, locale);
    expect(label("余杭区")).toBe("Yuhang District (余杭区)");
    expect(label("临平区")).toBe("Linping District (临平区)"); // newer than the pinyin source
    expect(label("杭州市西湖区")).toBe("Xihu District (西湖区)"); // the source's 西湖区 is Nanchang's
    expect(label("海盐县")).toBe("Haiyan County (海盐县)");
    expect(label("慈溪市")).toBe("Cixi (慈溪市)");
    expect(label("杭州市")).toBe("Hangzhou (杭州市)");
    expect(label("南京市鼓楼区")).toBe("鼓楼区"); // two Jiangsu 鼓楼区: no English name
    expect(label("余杭区", "zh-CN")).toBe("余杭区");
  });
});
