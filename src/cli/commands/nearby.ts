/**
 * `nearby --lat LAT --lon LON [--need NEED] [--open-now] [--limit N] [--json]`: the nearest stations to
 * a WGS-84 point, open ones first, as the bot shows them.
 */
import { decimalDegrees } from "../../knowledge/stations/import.js";
import { parseConfig } from "../../config.js";
import { AMENITIES, NEEDS, needName, parseNeed, type Need } from "../../knowledge/stations/amenities.js";
import { inChina } from "../../knowledge/stations/coordinates.js";
import { detailLine, displayName, needLabel } from "../../knowledge/stations/format.js";
import type { StationResult } from "../../knowledge/stations/types.js";
import { translate } from "../../i18n.js";
import { withCliApp } from "../app.js";
import { localeOption, UsageError, writeLine, type CliCommand, type CliIo } from "../command.js";
import type { Locale } from "../../locale.js";

const HELP = `Usage: npm run --silent cli -- nearby --lat LAT --lon LON [--need NEED] [--open-now] [--limit N] [--json]

Lists the outdoor-worker stations nearest to a point (WGS-84, as a phone's GPS or Telegram gives it),
straight-line distance, open ones first (hours evaluated in TIME_ZONE, default Asia/Shanghai), then
stations with unknown hours, then closed ones. Sample stations are marked 【示例数据】/"sample": true.
When the database has no station at all, the shipped SAMPLE set (data/stations) is loaded first.

  --lat LAT        latitude, decimal degrees (e.g. 30.27)
  --lon LON        longitude, decimal degrees (e.g. 120.15)
  --need NEED      only stations that meet this need; repeat for several (all must be met).
                   Needs: ${NEEDS.map((n) => `${n.id} (${needName(n, "zh-CN")})`).join(", ")}.
                   An amenity works too: ${Object.keys(AMENITIES).join(", ")}
                   (or its Chinese label, e.g. 微波炉热饭, 母婴室).
  --open-now       only stations open right now
  --limit N        at most N stations (default 5, 1-50)
  --locale L       zh-CN (default: DEFAULT_LOCALE) or en, for the text output
  --json           print one JSON object:
                   {"stations":[{"id","name","distance_m","open_now","amenities","address","sample"}]}
                   distance_m: metres (integer); open_now: true, false or null (hours unknown);
                   amenities: amenity ids; name without the sample marker (see "sample").
  -h, --help       this help

Environment: DATABASE_URL, DATA_DIR, TIME_ZONE, LOG_LEVEL (see README "Configuration").
Exit codes: 0 listed (possibly none), 1 the data could not be loaded, 2 wrong options.

Examples:
  npm run --silent cli -- nearby --lat 30.42 --lon 120.30 --need heat_food --open-now
  npm run --silent cli -- nearby --lat 30.27 --lon 120.15 --need 充电 --limit 3 --json`;

interface NearbyArgs {
  lat: number;
  lon: number;
  needs: Need[];
  openNow: boolean;
  limit: number;
  json: boolean;
  locale?: Locale;
}

function value(argv: string[], i: number, name: string): [string, number] {
  const a = argv[i];
  if (a.includes("=")) return [a.slice(a.indexOf("=") + 1), i];
  const v = argv[i + 1];
  if (v === undefined) throw new UsageError(`${name} needs a value`);
  return [v, i + 1];
}

export function parseNearbyArgs(argv: string[]): NearbyArgs {
  let lat: number | undefined;
  let lon: number | undefined;
  const args: Omit<NearbyArgs, "lat" | "lon"> = { needs: [], openNow: false, limit: 5, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.split("=")[0];
    let v: string;
    switch (name) {
      case "--lat":
      case "--lon": {
        [v, i] = value(argv, i, name);
        const n = decimalDegrees(v);
        const max = name === "--lat" ? 90 : 180;
        if (v.trim() === "" || !Number.isFinite(n) || Math.abs(n) > max) throw new UsageError(`${name} expects decimal degrees (-${max} to ${max}), got "${v}"`);
        if (name === "--lat") lat = n;
        else lon = n;
        break;
      }
      case "--need": {
        [v, i] = value(argv, i, name);
        const need = parseNeed(v);
        if (!need) throw new UsageError(`unknown need "${v}"; known: ${NEEDS.map((n) => n.id).join(", ")} or an amenity id`);
        args.needs.push(need);
        break;
      }
      case "--limit": {
        [v, i] = value(argv, i, name);
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 50) throw new UsageError(`--limit expects a whole number from 1 to 50, got "${v}"`);
        args.limit = n;
        break;
      }
      case "--locale":
        [v, i] = value(argv, i, name);
        args.locale = localeOption(v);
        break;
      case "--open-now":
        args.openNow = true;
        break;
      case "--json":
        args.json = true;
        break;
      default:
        throw new UsageError(`unknown argument ${a}`);
    }
  }
  if (lat === undefined || lon === undefined) throw new UsageError("--lat and --lon are required");
  return { ...args, lat, lon };
}

export function nearbyJson(results: readonly StationResult[]): string {
  return JSON.stringify({
    stations: results.map((r) => ({
      id: r.station.id,
      name: r.station.name,
      distance_m: r.distanceM,
      open_now: r.openNow,
      amenities: r.station.amenities,
      address: r.station.address,
      sample: r.station.sample,
    })),
  });
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseNearbyArgs(argv);
  const config = parseConfig(io.env);
  const locale: Locale = args.locale ?? config.DEFAULT_LOCALE;
  if (!inChina(args.lat, args.lon)) writeLine(io.stderr, `nearby: note: ${args.lat}, ${args.lon} is outside China; stations are in China`);
  return withCliApp(config, io, async (app) => {
    const finder = await (await app.stations()).finder();
    const results = finder.nearest({ lat: args.lat, lon: args.lon }, { needs: args.needs, openNow: args.openNow, limit: args.limit });
    if (args.json) {
      writeLine(io.stdout, nearbyJson(results));
      return 0;
    }
    const need = needLabel(args.needs, locale);
    if (results.length === 0) {
      writeLine(io.stdout, translate(locale, finder.size === 0 ? "stations-empty" : need ? "stations-none-near-need" : "stations-none-near", { need }));
      return 0;
    }
    if (results.some((r) => r.station.sample)) writeLine(io.stdout, translate(locale, "stations-sample-notice"));
    writeLine(io.stdout, translate(locale, need ? "stations-results-header-need" : "stations-results-header", { need }));
    results.forEach((r, i) => {
      writeLine(io.stdout, `${i + 1}. ${displayName(r.station, locale)}  [${r.station.id}]`);
      if (r.station.address) writeLine(io.stdout, `   ${r.station.address}`);
      writeLine(io.stdout, `   ${detailLine(r, locale)}`);
    });
    return 0;
  });
}

export const nearbyCommand: CliCommand = {
  name: "nearby",
  summary: "nearest outdoor-worker stations to a point, open ones first, filtered by need",
  help: HELP,
  run,
};
