/**
 * Generates data/stations/sample-stations.geojson: a SAMPLE set of outdoor-worker stations so the bot
 * can be tried before the real list is imported. NOT REAL STATIONS: one per Zhejiang county-level
 * division and a second one in every city district, placed within ~2 km of the gazetteer centre with a
 * deterministic pseudo-random offset, inside the division's outline (data/places/bounds.json); amenities and hours are varied the same way. Every record has
 * `sample: true` and a name starting with 示例.
 *
 * Run: npx tsx scripts/build-sample-stations.ts   (reads data/places/places.json)
 */
import fs from "node:fs";
import path from "node:path";
import { loadBounds } from "../src/knowledge/places/bounds.js";
import { loadGazetteer } from "../src/knowledge/places/gazetteer.js";
import type { AmenityId } from "../src/knowledge/stations/amenities.js";
import { prng } from "./prng.js";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const OUT = path.join(ROOT, "data", "stations", "sample-stations.geojson");

const HOURS = ["24/7", "Mo-Su 08:00-20:00", "Mo-Fr 08:00-18:00; PH off", "Mo-Su 07:00-21:00", "Mo-Sa 09:00-17:00", "Mo-Su 10:00-02:00"];
/** Amenity and the share of sample stations that have it. */
const OPTIONAL: Array<[AmenityId, number]> = [
  ["microwave", 0.7],
  ["toilet", 0.6],
  ["phone_charging", 0.8],
  ["ebike_charging", 0.35],
  ["air_conditioning", 0.6],
  ["fridge", 0.3],
  ["first_aid", 0.6],
  ["rain_gear", 0.4],
  ["tools", 0.3],
  ["wifi", 0.5],
  ["books", 0.4],
  ["mother_baby_room", 0.1],
];

async function main(): Promise<void> {
  const gazetteer = await loadGazetteer(path.join(ROOT, "data"));
  const bounds = await loadBounds(path.join(ROOT, "data"));
  const zhejiang = gazetteer.resolve("浙江省");
  if (!zhejiang) throw new Error("浙江省 missing from the gazetteer");
  const counties = gazetteer.within(zhejiang).filter((p) => p.level === "county");
  const features = [];
  for (const county of counties) {
    const perCounty = county.name.endsWith("区") ? 2 : 1;
    const random = prng(Number(county.id));
    for (let n = 1; n <= perCounty; n++) {
      // Up to ~0.018 degrees (~2 km) from the centre, in the county it names: an offset that lands over the
      // border (a small city district, a coast) is drawn again, and after 20 tries the centre itself is used.
      let lat = county.lat;
      let lon = county.lon;
      for (let attempt = 0; attempt < 20; attempt++) {
        const point = { lat: Number((county.lat + (random() - 0.5) * 0.036).toFixed(6)), lon: Number((county.lon + (random() - 0.5) * 0.036).toFixed(6)) };
        const at = bounds.divisionsAt(point);
        if (at.length === 1 && at[0] === county.id) {
          ({ lat, lon } = point);
          break;
        }
      }
      const amenities: AmenityId[] = ["rest_area", "drinking_water"];
      for (const [id, share] of OPTIONAL) if (random() < share) amenities.push(id);
      const number = String(n).padStart(2, "0");
      features.push({
        type: "Feature",
        geometry: { type: "Point", coordinates: [lon, lat] },
        properties: {
          id: `sample-${county.id}-${number}`,
          name: `示例驿站·${county.shortName}${number}`,
          operator: "示例数据（非真实站点）",
          address: `${county.city}${county.name}（示例位置，非真实地址）`,
          province: county.province,
          city: county.city,
          county: county.name,
          amenities,
          opening_hours: HOURS[Math.floor(random() * HOURS.length)],
          notes: "示例数据：仅供试用，不是真实驿站。Sample data for trying the bot; not a real station.",
          source: "niangjia sample set (scripts/build-sample-stations.ts)",
          sample: true,
        },
      });
    }
  }
  const doc = {
    type: "FeatureCollection",
    // Not part of GeoJSON; a reminder for anyone opening the file.
    description: "SAMPLE stations for trying the bot. Not real. Coordinates WGS-84 near county centres from data/places.",
    features,
  };
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, `${JSON.stringify(doc, null, 1)}\n`);
  process.stderr.write(`wrote ${OUT}: ${features.length} sample stations in ${counties.length} counties\n`);
}

await main();
