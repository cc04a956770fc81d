import type { ContentKind, ContentVersions } from "../../knowledge/content-versions.js";
import type { UpdateLog } from "../instances.js";
import type { Sql } from "./database.js";

export class PgUpdateLog implements UpdateLog {
  constructor(private readonly sql: Sql) {}

  async begin(updateId: number, now: number): Promise<boolean> {
    const inserted = await this.sql.run(
      "INSERT INTO handled_updates (update_id, handled_at) VALUES ($1, $2) ON CONFLICT (update_id) DO NOTHING",
      [updateId, now],
    );
    return inserted === 1;
  }
  async forget(updateId: number): Promise<void> {
    await this.sql.run("DELETE FROM handled_updates WHERE update_id = $1", [updateId]);
  }
  async prune(before: number): Promise<number> {
    return this.sql.run("DELETE FROM handled_updates WHERE handled_at < $1", [before]);
  }
}

/** Raises a content kind's version; call inside the transaction that changes the content. */
export async function bumpContentVersion(sql: Sql, kind: ContentKind): Promise<void> {
  await sql.run(
    `INSERT INTO content_versions (name, version) VALUES ($1, 1)
     ON CONFLICT (name) DO UPDATE SET version = content_versions.version + 1`,
    [kind],
  );
}

export class PgContentVersions implements ContentVersions {
  constructor(private readonly sql: Sql) {}

  async get(): Promise<Record<ContentKind, number>> {
    const versions: Record<ContentKind, number> = { issues: 0, stations: 0 };
    for (const row of await this.sql.query<{ name: string; version: number }>("SELECT name, version FROM content_versions")) {
      if (row.name in versions) versions[row.name as ContentKind] = row.version;
    }
    return versions;
  }
}
