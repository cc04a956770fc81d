import type { AmenityId } from "../../knowledge/stations/amenities.js";
import type { Station } from "../../knowledge/stations/types.js";
import type { StationRepository, StationWriteOptions, StationWriteResult } from "../../knowledge/stations/repository.js";
import type { SqliteDb } from "./database.js";
import { bumpContentVersion } from "./instances.js";

export interface StationRow {
  id: string;
  name: string;
  operator: string | null;
  address: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  street: string | null;
  lat: number;
  lon: number;
  amenities: string;
  opening_hours: string | null;
  phone: string | null;
  notes: string | null;
  source: string | null;
  last_verified: string | null;
  sample: number;
}

export function stationFromRow(row: StationRow): Station {
  return {
    id: row.id,
    name: row.name,
    operator: row.operator,
    address: row.address,
    province: row.province,
    city: row.city,
    county: row.county,
    street: row.street,
    lat: row.lat,
    lon: row.lon,
    amenities: JSON.parse(row.amenities) as AmenityId[],
    openingHours: row.opening_hours,
    phone: row.phone,
    notes: row.notes,
    source: row.source,
    lastVerified: row.last_verified,
    sample: row.sample === 1,
  };
}

export function stationParams(s: Station) {
  return {
    id: s.id,
    name: s.name,
    operator: s.operator,
    address: s.address,
    province: s.province,
    city: s.city,
    county: s.county,
    street: s.street,
    lat: s.lat,
    lon: s.lon,
    amenities: JSON.stringify(s.amenities),
    opening_hours: s.openingHours,
    phone: s.phone,
    notes: s.notes,
    source: s.source,
    last_verified: s.lastVerified,
    sample: s.sample ? 1 : 0,
  };
}

export const STATION_COLUMNS = Object.keys(stationParams({} as Station));
const COLUMNS = STATION_COLUMNS;

export class SqliteStationRepository implements StationRepository {
  constructor(readonly db: SqliteDb) {}

  async count(filter: { sample?: boolean } = {}): Promise<number> {
    const row =
      filter.sample === undefined
        ? this.db.prepare("SELECT COUNT(*) AS n FROM stations").get()
        : this.db.prepare("SELECT COUNT(*) AS n FROM stations WHERE sample = ?").get(filter.sample ? 1 : 0);
    return (row as { n: number }).n;
  }

  async list(): Promise<Station[]> {
    return (this.db.prepare("SELECT * FROM stations ORDER BY id").all() as StationRow[]).map(stationFromRow);
  }

  async get(id: string): Promise<Station | undefined> {
    const row = this.db.prepare("SELECT * FROM stations WHERE id = ?").get(id) as StationRow | undefined;
    return row ? stationFromRow(row) : undefined;
  }

  async upsertMany(stations: readonly Station[], options: StationWriteOptions = {}): Promise<StationWriteResult> {
    const select = this.db.prepare("SELECT * FROM stations WHERE id = ?");
    const insert = this.db.prepare(
      `INSERT INTO stations (${COLUMNS.join(", ")}, created_at, updated_at)
       VALUES (${COLUMNS.map((c) => `@${c}`).join(", ")}, @now, @now)`,
    );
    const update = this.db.prepare(
      `UPDATE stations SET ${COLUMNS.filter((c) => c !== "id").map((c) => `${c} = @${c}`).join(", ")}, updated_at = @now WHERE id = @id`,
    );
    const removeSample = this.db.prepare("DELETE FROM stations WHERE sample = 1");
    const realIds = this.db.prepare<[], { id: string }>("SELECT id FROM stations WHERE sample = 0");
    const remove = this.db.prepare("DELETE FROM stations WHERE id = ?");
    const run = this.db.transaction((): StationWriteResult => {
      const now = new Date().toISOString();
      const result: StationWriteResult = { inserted: 0, updated: 0, unchanged: 0, removedSample: 0, removed: 0 };
      if (options.removeSample) result.removedSample = removeSample.run().changes;
      if (options.removeMissing) {
        const listed = new Set(stations.map((s) => s.id));
        for (const { id } of realIds.all()) if (!listed.has(id)) result.removed += remove.run(id).changes;
      }
      for (const station of stations) {
        const params = { ...stationParams(station), now };
        const existing = select.get(station.id) as StationRow | undefined;
        if (!existing) {
          insert.run(params);
          result.inserted++;
        } else if (COLUMNS.some((c) => (existing as unknown as Record<string, unknown>)[c] !== (params as Record<string, unknown>)[c])) {
          update.run(params);
          result.updated++;
        } else result.unchanged++;
      }
      if (result.inserted + result.updated + result.removed + result.removedSample > 0) bumpContentVersion(this.db, "stations");
      return result;
    });
    return run.immediate();
  }

  async removeSample(): Promise<number> {
    return this.db.transaction(() => {
      const removed = this.db.prepare("DELETE FROM stations WHERE sample = 1").run().changes;
      if (removed > 0) bumpContentVersion(this.db, "stations");
      return removed;
    }).immediate();
  }
}
