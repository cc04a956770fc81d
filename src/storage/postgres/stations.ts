import type { Station } from "../../knowledge/stations/types.js";
import type { StationRepository, StationWriteOptions, StationWriteResult } from "../../knowledge/stations/repository.js";
import { STATION_COLUMNS, stationFromRow, stationParams, type StationRow } from "../sqlite/stations.js";
import type { Sql } from "./database.js";
import { bumpContentVersion } from "./instances.js";

const COLUMNS = STATION_COLUMNS;

export class PgStationRepository implements StationRepository {
  constructor(private readonly sql: Sql) {}

  async count(filter: { sample?: boolean } = {}): Promise<number> {
    const rows =
      filter.sample === undefined
        ? await this.sql.query<{ n: number }>("SELECT COUNT(*) AS n FROM stations")
        : await this.sql.query<{ n: number }>("SELECT COUNT(*) AS n FROM stations WHERE sample = $1", [filter.sample ? 1 : 0]);
    return rows[0]!.n;
  }

  async list(): Promise<Station[]> {
    return (await this.sql.query<StationRow>("SELECT * FROM stations ORDER BY id")).map(stationFromRow);
  }

  async get(id: string): Promise<Station | undefined> {
    const [row] = await this.sql.query<StationRow>("SELECT * FROM stations WHERE id = $1", [id]);
    return row ? stationFromRow(row) : undefined;
  }

  async upsertMany(stations: readonly Station[], options: StationWriteOptions = {}): Promise<StationWriteResult> {
    const placeholders = COLUMNS.map((_, i) => `$${i + 1}`).join(", ");
    const now = `$${COLUMNS.length + 1}`;
    const insertSql = `INSERT INTO stations (${COLUMNS.join(", ")}, created_at, updated_at) VALUES (${placeholders}, ${now}, ${now})`;
    const updateSql = `UPDATE stations SET ${COLUMNS.map((c, i) => `${c} = $${i + 1}`)
      .filter((_, i) => COLUMNS[i] !== "id")
      .join(", ")}, updated_at = ${now} WHERE id = $${COLUMNS.indexOf("id") + 1}`;
    return this.sql.tx(async (sql) => {
      const nowIso = new Date().toISOString();
      const result: StationWriteResult = { inserted: 0, updated: 0, unchanged: 0, removedSample: 0, removed: 0 };
      // One importer at a time: two imports at once would both count the same station as new.
      await sql.query("LOCK TABLE stations IN SHARE ROW EXCLUSIVE MODE");
      if (options.removeSample) result.removedSample = await sql.run("DELETE FROM stations WHERE sample = 1");
      if (options.removeMissing) {
        const listed = stations.map((s) => s.id);
        result.removed = await sql.run("DELETE FROM stations WHERE sample = 0 AND NOT (id = ANY($1))", [listed]);
      }
      const existing = new Map(
        (await sql.query<StationRow>("SELECT * FROM stations WHERE id = ANY($1)", [stations.map((s) => s.id)])).map((row) => [row.id, row]),
      );
      for (const station of stations) {
        const params = stationParams(station) as Record<string, unknown>;
        const values = [...COLUMNS.map((c) => params[c]), nowIso];
        const row = existing.get(station.id) as unknown as Record<string, unknown> | undefined;
        if (!row) {
          await sql.run(insertSql, values);
          existing.set(station.id, params as unknown as StationRow);
          result.inserted++;
        } else if (COLUMNS.some((c) => row[c] !== params[c])) {
          await sql.run(updateSql, values);
          existing.set(station.id, params as unknown as StationRow);
          result.updated++;
        } else result.unchanged++;
      }
      if (result.inserted + result.updated + result.removed + result.removedSample > 0) await bumpContentVersion(sql, "stations");
      return result;
    });
  }

  async removeSample(): Promise<number> {
    return this.sql.tx(async (sql) => {
      const removed = await sql.run("DELETE FROM stations WHERE sample = 1");
      if (removed > 0) await bumpContentVersion(sql, "stations");
      return removed;
    });
  }
}
