/**
 * Stations in the store: importing a list (plan for --dry-run, then apply in one transaction), loading
 * the shipped sample set into an empty store, and building the finder the bot and the CLI use.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Logger } from "../../logger.js";
import type { StationRepository, StationWriteResult } from "./repository.js";
import type { ContentVersions } from "../content-versions.js";
import { distanceMetres } from "../places/gazetteer.js";
import { StationFinder } from "./finder.js";
import { parseStationGeoJson } from "./import.js";
import type { Station } from "./types.js";

export const SAMPLE_STATIONS_FILE = path.join("stations", "sample-stations.geojson");

export interface ImportPlan {
  insert: Station[];
  update: Array<{ station: Station; changed: Array<keyof Station> }>;
  unchanged: Station[];
  /** Sample stations that will be removed (a real list replaces the sample set). */
  removeSample: Station[];
  /** Real stations the list no longer has, removed when the list replaces the whole network (--replace-all). */
  remove: Station[];
  /** Real stations the list does not have (removed with removeMissing, else kept as they are). */
  notInList: Station[];
}

export interface ImportOptions {
  removeSample: boolean;
  /** The list is the whole network: real stations not in it are removed (closed stations retire). */
  removeMissing?: boolean;
}

const COMPARED: Array<keyof Station> = [
  "name", "operator", "address", "province", "city", "county", "street", "lat", "lon", "amenities",
  "openingHours", "phone", "notes", "source", "lastVerified", "sample",
];

function changedFields(before: Station, after: Station): Array<keyof Station> {
  return COMPARED.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/**
 * Whether an import removes the sample set: by default when the list holds real (non-sample) stations
 * and the store holds sample ones, so sample and real stations are never mixed silently.
 */
export function shouldRemoveSample(stations: readonly Station[], storeHasSample: boolean, keepSample: boolean): boolean {
  return !keepSample && storeHasSample && stations.some((s) => !s.sample);
}

/** A row that is an existing station under another id: same name, within MATCH_DISTANCE_M. */
export interface ImportMatch {
  /** The existing station's id, which the row now carries. */
  id: string;
  /** The id the row had (derived, or from its id column). */
  rowId: string;
  name: string;
  distanceM: number;
}

/** Two records of the same name this close are one station (a moved pin, a re-geocoded address). */
export const MATCH_DISTANCE_M = 50;

/**
 * Rows whose id is not in the store but that name an existing real station within 50 m take that
 * station's id, so they update it instead of adding a duplicate (e.g. an id derived before the list had
 * an id column, or from an older derivation).
 */
export async function matchExisting(repo: StationRepository, stations: readonly Station[]): Promise<{ stations: Station[]; matched: ImportMatch[] }> {
  const existing = (await repo.list()).filter((s) => !s.sample);
  const ids = new Set(existing.map((s) => s.id));
  const listed = new Set(stations.map((s) => s.id));
  const taken = new Set<string>();
  const matched: ImportMatch[] = [];
  const name = (s: Station) => s.name.normalize("NFKC").replace(/\s+/g, "");
  const out = stations.map((station) => {
    if (ids.has(station.id)) return station;
    let best: { s: Station; d: number } | undefined;
    for (const s of existing) {
      if (listed.has(s.id) || taken.has(s.id) || name(s) !== name(station)) continue;
      const d = distanceMetres(s, station);
      if (d <= MATCH_DISTANCE_M && (!best || d < best.d)) best = { s, d };
    }
    if (!best) return station;
    taken.add(best.s.id);
    matched.push({ id: best.s.id, rowId: station.id, name: station.name, distanceM: Math.round(best.d) });
    return { ...station, id: best.s.id };
  });
  return { stations: out, matched };
}

/** What an import would change, without writing (the --dry-run output). */
export async function planImport(repo: StationRepository, stations: readonly Station[], options: ImportOptions): Promise<ImportPlan> {
  const existing = new Map((await repo.list()).map((s) => [s.id, s]));
  const plan: ImportPlan = { insert: [], update: [], unchanged: [], removeSample: [], remove: [], notInList: [] };
  if (options.removeSample) {
    for (const s of existing.values()) if (s.sample) plan.removeSample.push(s);
    for (const s of plan.removeSample) existing.delete(s.id);
  }
  const listed = new Set(stations.map((s) => s.id));
  for (const s of existing.values()) if (!s.sample && !listed.has(s.id)) plan.notInList.push(s);
  if (options.removeMissing) {
    plan.remove = plan.notInList;
    for (const s of plan.remove) existing.delete(s.id);
  }
  for (const station of stations) {
    const before = existing.get(station.id);
    if (!before) plan.insert.push(station);
    else {
      const changed = changedFields(before, station);
      if (changed.length > 0) plan.update.push({ station, changed });
      else plan.unchanged.push(station);
    }
  }
  return plan;
}

export async function applyImport(repo: StationRepository, stations: readonly Station[], options: ImportOptions): Promise<StationWriteResult> {
  return repo.upsertMany(stations, { removeSample: options.removeSample, removeMissing: options.removeMissing ?? false });
}

/** Reads the shipped sample set; every record is forced to sample = true. */
export async function readSampleStations(dataDir: string): Promise<Station[]> {
  const file = path.join(dataDir, SAMPLE_STATIONS_FILE);
  const parsed = parseStationGeoJson(await fs.readFile(file, "utf8"), { crs: "wgs84", defaultSource: file });
  if (parsed.errors.length > 0) {
    throw new Error(`${file}: ${parsed.errors.length} invalid rows (first: row ${parsed.errors[0].row} ${parsed.errors[0].code})`);
  }
  return parsed.stations.map((s) => ({ ...s.station, sample: true }));
}

/**
 * Loads the sample set when the store has no station at all (first start, tests, demos). A store that
 * holds any station (real or sample) is left alone.
 */
export async function ensureSampleStations(repo: StationRepository, dataDir: string, logger?: Logger): Promise<number> {
  if ((await repo.count()) > 0) return 0;
  let sample: Station[];
  try {
    sample = await readSampleStations(dataDir);
  } catch (error) {
    logger?.warn({ err: error }, "sample stations not loaded");
    return 0;
  }
  const result = await repo.upsertMany(sample);
  logger?.info({ count: result.inserted }, "no stations in the store: loaded the SAMPLE station set (not real stations)");
  return result.inserted;
}

export interface LoadStationsOptions {
  repo: StationRepository;
  dataDir: string;
  timeZone?: string;
  logger?: Logger;
  /** Default true: load the sample set into an empty store. */
  loadSampleWhenEmpty?: boolean;
}

/** The finder over the stored stations (loading the sample set first when the store is empty). */
export async function loadStationFinder(options: LoadStationsOptions): Promise<StationFinder> {
  if (options.loadSampleWhenEmpty !== false) await ensureSampleStations(options.repo, options.dataDir, options.logger);
  return new StationFinder(await options.repo.list(), options.timeZone);
}

/**
 * The stations of a store as a finder, reloaded when older than `maxAgeMs` (default 5 minutes), or
 * sooner when `version` (the store's stations content version) moved: it is checked at most every
 * `versionCheckMs` (default 2 s), so an import made by another process or instance is found within seconds.
 */
export class StationDirectory {
  private current: { finder: StationFinder; loadedAt: number; version: number | undefined } | undefined;
  private loading: Promise<StationFinder> | undefined;
  private checkedAt = 0;

  constructor(
    private readonly options: LoadStationsOptions & {
      maxAgeMs?: number;
      clock?: () => number;
      version?: () => Promise<number>;
      versionCheckMs?: number;
    },
  ) {}

  async finder(): Promise<StationFinder> {
    const now = (this.options.clock ?? Date.now)();
    if (this.current && now - this.current.loadedAt < (this.options.maxAgeMs ?? 5 * 60_000)) {
      if (!this.options.version || now - this.checkedAt < (this.options.versionCheckMs ?? 2000)) return this.current.finder;
      this.checkedAt = now;
      if ((await this.options.version()) === this.current.version) return this.current.finder;
    }
    this.loading ??= this.load(now).finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async load(now: number): Promise<StationFinder> {
    // The version is read before the stations: a change in between is seen at the next check.
    const version = await this.options.version?.();
    this.checkedAt = now;
    const finder = await loadStationFinder(this.options);
    this.current = { finder, loadedAt: now, version };
    return finder;
  }

  /** Forget the loaded stations (after an import in this process). */
  invalidate(): void {
    this.current = undefined;
  }
}

/** The stations of a store as a directory that follows imports by any process (the stations content version). */
export function stationDirectoryOf(
  store: { stations: StationRepository; content: ContentVersions },
  options: { dataDir: string; timeZone?: string; logger?: Logger },
): StationDirectory {
  return new StationDirectory({ repo: store.stations, ...options, version: async () => (await store.content.get()).stations });
}
