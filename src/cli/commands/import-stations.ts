/**
 * `import-stations FILE [--crs gcj02|bd09|wgs84] [--dry-run] [--skip-invalid] [--keep-sample] [--replace-all] [--json]`:
 * loads an operator's station list (CSV or GeoJSON) into the database. Every row is validated; with any
 * bad row nothing changes unless --skip-invalid. Re-importing updates stations by id (one transaction);
 * --replace-all also removes the real stations the list no longer has (closed stations).
 */
import fs from "node:fs/promises";
import { parseConfig } from "../../config.js";
import { translate } from "../../i18n.js";
import { AMENITY_IDS } from "../../knowledge/stations/amenities.js";
import { CRS_VALUES, parseCrs, type Crs } from "../../knowledge/stations/coordinates.js";
import { FIELD_ALIASES, formatFromFileName, parseStationFile, StationFileError, type RowError, type StationFormat } from "../../knowledge/stations/import.js";
import { applyImport, matchExisting, planImport, shouldRemoveSample } from "../../knowledge/stations/service.js";
import { withCliApp } from "../app.js";
import { localeOption, UsageError, writeLine, type CliCommand, type CliIo } from "../command.js";
import type { Locale } from "../../locale.js";

const columns = (Object.entries(FIELD_ALIASES) as Array<[string, string[]]>)
  .map(([, names]) => `    ${names[0].padEnd(14)} ${names.slice(1).join(", ")}`)
  .join("\n");

const HELP = `Usage: npm run --silent cli -- import-stations FILE [--crs wgs84|gcj02|bd09] [--format csv|geojson]
                                             [--dry-run [--verbose]] [--skip-invalid] [--keep-sample] [--replace-all] [--json]

Imports the union's list of outdoor-worker stations (CSV or GeoJSON) into the database.
Every row is checked: a missing name, missing or non-numeric coordinates, coordinates outside China,
an unknown service, opening hours not in OpenStreetMap syntax or a bad date is reported with its row
number and reason. If any row is bad, NOTHING changes (unless --skip-invalid). Stations are matched by
id: importing the list again updates them (no duplicates). All changes happen in one transaction.
A real list replaces the shipped SAMPLE stations (they are removed in the same transaction).
Stations missing from the file are kept, unless --replace-all says the file is the whole list.

  FILE             .csv (UTF-8 or GB18030/GBK as saved by Excel) or .geojson/.json
                   (a FeatureCollection of Point features; properties named like the CSV columns).
  --crs CRS        coordinate system of the file: wgs84 (GPS, default), gcj02 (AMap/Gaode, Tencent),
                   bd09 (Baidu). Converted to WGS-84, which Telegram uses.
  --format F       csv or geojson (default: from the file extension)
  --dry-run        only show what would change: "+ id name" new, "~ id name (fields)" changed,
                   "- id name (...)" removed (sample stations, and with --replace-all the stations
                   not in the file); counts of unchanged ones. The sample stations a real list
                   replaces are summed up in one line ("would remove the 127 sample stations")
  --verbose        with --dry-run: list each sample station that would be removed
  --skip-invalid   import the valid rows and skip the bad ones (they are still listed)
  --keep-sample    keep the sample stations (they stay marked as sample)
  --replace-all    the file is the complete list: real stations in the database whose id is not in
                   the file (closed stations) are removed, in the same transaction. Check with
                   --dry-run first. Not allowed with --skip-invalid (a skipped row's station would be
                   removed), and refused for a file without any station.
  --json           print one JSON object: {"file","dry_run","replace_all","rows","valid","invalid",
                   "imported","inserted","updated","unchanged","removed_sample","removed","removed_ids",
                   "matched":[{"id","row_id","name","distance_m"}],"ignored_columns","errors":[{"row","line","field","code","value","message"}]}
                   (removed/removed_ids: real stations removed by --replace-all, or that would be)
  --locale L       zh-CN (default: DEFAULT_LOCALE) or en for messages
  -h, --help       this help

Columns (header names, case-insensitive; Chinese names accepted). Required: name, lat, lon.
${columns}
  amenities: several separated by ; , 、 or | — ids or Chinese labels:
    ${AMENITY_IDS.join(", ")}
    (休息座椅, 饮用水, 微波炉热饭, 厕所, 手机充电, 电动车充换电, 空调, 冰箱, 医药箱, 雨具, 维修工具, 无线网络, 图书, 母婴室)
  opening_hours: OpenStreetMap syntax, e.g. "24/7", "Mo-Fr 08:00-18:00; PH off", "Mo-Su 20:00-06:00";
    "24小时" and "全天" are read as 24/7.
  id: optional; without it the id is derived from name + position (to ~100 m) only.
  last_verified: YYYY-MM-DD. sample: true/false (default false).

Environment: DATABASE_URL, DATA_DIR, DEFAULT_LOCALE (see README "Configuration").
Exit codes: 0 imported (or dry run without errors), 1 bad rows (nothing changed) or unreadable file,
2 wrong options.

Examples:
  npm run --silent cli -- import-stations stations.csv --crs gcj02 --dry-run
  npm run --silent cli -- import-stations stations.geojson --skip-invalid --json
  npm run --silent cli -- import-stations stations.csv --crs gcj02 --replace-all --dry-run`;

interface ImportArgs {
  file: string;
  crs: Crs;
  crsGiven: boolean;
  format?: StationFormat;
  dryRun: boolean;
  verbose: boolean;
  skipInvalid: boolean;
  keepSample: boolean;
  replaceAll: boolean;
  json: boolean;
  locale?: Locale;
}

export function parseImportArgs(argv: string[]): ImportArgs {
  const files: string[] = [];
  const args: Omit<ImportArgs, "file"> = {
    crs: "wgs84",
    crsGiven: false,
    dryRun: false,
    verbose: false,
    skipInvalid: false,
    keepSample: false,
    replaceAll: false,
    json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.split("=")[0];
    const takeValue = (): string => {
      if (a.includes("=")) return a.slice(a.indexOf("=") + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (name === "--crs") {
      const v = takeValue();
      const crs = parseCrs(v);
      if (!crs) throw new UsageError(`--crs expects one of ${CRS_VALUES.join(", ")}, got "${v}"`);
      args.crs = crs;
      args.crsGiven = true;
    } else if (name === "--format") {
      const v = takeValue();
      if (v !== "csv" && v !== "geojson") throw new UsageError(`--format expects csv or geojson, got "${v}"`);
      args.format = v;
    } else if (name === "--locale") {
      args.locale = localeOption(takeValue());
    } else if (a === "--dry-run") args.dryRun = true;
    else if (a === "--verbose") args.verbose = true;
    else if (a === "--skip-invalid") args.skipInvalid = true;
    else if (a === "--keep-sample") args.keepSample = true;
    else if (a === "--replace-all") args.replaceAll = true;
    else if (a === "--json") args.json = true;
    else if (a.startsWith("--")) throw new UsageError(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length !== 1) throw new UsageError(files.length === 0 ? "FILE is required" : "give exactly one FILE");
  if (args.replaceAll && args.skipInvalid) {
    throw new UsageError("--replace-all cannot be combined with --skip-invalid: the station of a skipped row would be removed; fix the rows first");
  }
  return { ...args, file: files[0] };
}

export function rowErrorMessage(error: RowError, locale: Locale): string {
  // The library's detail is English: a Chinese message with a corrected value does not need it.
  const detail = error.detail && !(locale !== "en" && error.suggestion) ? ` — ${error.detail}` : "";
  const reason = translate(locale, `stations-reason-${error.code}`, {
    field: error.field ?? "",
    value: error.value ?? "",
    detail,
    suggestion: error.suggestion ? translate(locale, "stations-hours-suggestion", { value: error.suggestion }) : "",
  });
  const line = error.line !== null ? translate(locale, "stations-row-line", { line: error.line }) : "";
  return translate(locale, "stations-row", { row: error.row, line, reason });
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseImportArgs(argv);
  const config = parseConfig(io.env);
  const locale: Locale = args.locale ?? config.DEFAULT_LOCALE;
  const format = args.format ?? formatFromFileName(args.file);
  if (!format) throw new UsageError(`cannot tell the format of ${args.file}: use a .csv/.geojson name or --format`);

  let bytes: Buffer;
  try {
    bytes = await fs.readFile(args.file);
  } catch (error) {
    writeLine(io.stderr, `import-stations: cannot read ${args.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return 1;
  }
  let parsed;
  try {
    parsed = parseStationFile(bytes, format, { crs: args.crs });
  } catch (error) {
    if (error instanceof StationFileError) {
      writeLine(io.stderr, `import-stations: ${args.file}: ${error.message}`);
      return 1;
    }
    throw error;
  }

  const { stations, errors } = parsed;
  const invalidRows = new Set(errors.map((e) => e.row)).size;
  const report = (line: string) => writeLine(args.json ? io.stderr : io.stdout, line);
  if (!args.json) {
    report(translate(locale, "stations-import-read", { file: args.file, rows: parsed.totalRows, valid: stations.length, invalid: invalidRows }));
    if (!args.crsGiven) report(translate(locale, "stations-import-crs-note"));
    if (parsed.ignoredColumns.length > 0) report(translate(locale, "stations-import-ignored-columns", { columns: parsed.ignoredColumns.join(", ") }));
    for (const e of errors) report(rowErrorMessage(e, locale));
  }
  const blocked = errors.length > 0 && !args.skipInvalid;

  return withCliApp(config, io, async (app) => {
    const store = await app.store();
    const { stations: toImport, matched } = await matchExisting(store.stations, stations.map((s) => s.station));
    const matchedById = new Map(matched.map((m) => [m.id, m]));
    const matchNote = (id: string) => {
      const m = matchedById.get(id);
      return m ? translate(locale, "stations-import-matched", { distance: m.distanceM, rowId: m.rowId }) : "";
    };
    const storeSample = await store.stations.count({ sample: true });
    const removeSample = shouldRemoveSample(toImport, storeSample > 0, args.keepSample);
    const options = { removeSample, removeMissing: args.replaceAll };
    const plan = await planImport(store.stations, toImport, options);
    if (args.replaceAll && toImport.length === 0) {
      // An empty or all-bad export must not wipe the network.
      writeLine(io.stderr, translate(locale, "stations-import-replace-all-empty", { file: args.file, count: plan.remove.length }));
      return 1;
    }
    const counts = {
      inserted: plan.insert.length,
      updated: plan.update.length,
      unchanged: plan.unchanged.length,
      removed: plan.removeSample.length,
      retired: plan.remove.length,
    };
    let imported = false;
    if (!blocked && !args.dryRun) {
      const result = await applyImport(store.stations, toImport, options);
      Object.assign(counts, {
        inserted: result.inserted,
        updated: result.updated,
        unchanged: result.unchanged,
        removed: result.removedSample,
        retired: result.removed,
      });
      imported = true;
    }

    if (args.json) {
      writeLine(
        io.stdout,
        JSON.stringify({
          file: args.file,
          dry_run: args.dryRun,
          replace_all: args.replaceAll,
          rows: parsed.totalRows,
          valid: stations.length,
          invalid: invalidRows,
          imported,
          inserted: counts.inserted,
          updated: counts.updated,
          unchanged: counts.unchanged,
          removed_sample: counts.removed,
          removed: counts.retired,
          removed_ids: plan.remove.map((s) => s.id),
          matched: matched.map((m) => ({ id: m.id, row_id: m.rowId, name: m.name, distance_m: m.distanceM })),
          ignored_columns: parsed.ignoredColumns,
          errors: errors.map((e) => ({ row: e.row, line: e.line, field: e.field, code: e.code, value: e.value, message: rowErrorMessage(e, locale) })),
        }),
      );
    } else {
      if (args.dryRun) {
        report(translate(locale, "stations-import-dry-run"));
        for (const s of plan.insert) report(`  + ${s.id}  ${s.name}`);
        for (const u of plan.update) report(`  ~ ${u.station.id}  ${u.station.name}  (${u.changed.join(", ")})${matchNote(u.station.id)}`);
        for (const s of plan.unchanged) if (matchedById.has(s.id)) report(`  = ${s.id}  ${s.name}${matchNote(s.id)}`);
        // The sample set goes as a whole: one line says so, unless each of its stations is asked for.
        if (args.verbose) for (const s of plan.removeSample) report(`  - ${s.id}  ${s.name}  (${translate(locale, "stations-import-removed-sample")})`);
        else if (plan.removeSample.length > 0) report(translate(locale, "stations-import-remove-sample-summary", { count: plan.removeSample.length }));
        for (const s of plan.remove) report(`  - ${s.id}  ${s.name}  (${translate(locale, "stations-import-removed-not-in-file")})`);
      }
      if (blocked) report(translate(locale, "stations-import-aborted", { count: invalidRows }));
      else {
        if (errors.length > 0) report(translate(locale, "stations-import-skipped", { count: invalidRows }));
        report(translate(locale, imported ? "stations-import-done" : "stations-import-plan", counts));
        if (args.replaceAll) {
          report(translate(locale, imported ? "stations-import-retired" : "stations-import-retire-plan", { count: counts.retired }));
        } else if (plan.notInList.length > 0) {
          report(translate(locale, "stations-import-not-in-file", { count: plan.notInList.length }));
        }
        if (imported && !removeSample && storeSample > 0 && toImport.some((s) => !s.sample)) {
          report(translate(locale, "stations-import-sample-kept", { count: storeSample }));
        }
      }
    }
    return blocked ? 1 : 0;
  });
}

export const importStationsCommand: CliCommand = {
  name: "import-stations",
  summary: "import the station list (CSV/GeoJSON; --crs gcj02|bd09|wgs84, --dry-run, --skip-invalid)",
  help: HELP,
  run,
};
