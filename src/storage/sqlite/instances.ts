import type { ContentKind, ContentVersions } from "../../knowledge/content-versions.js";
import type { UpdateLog } from "../instances.js";
import type { SqliteDb } from "./database.js";

export class SqliteUpdateLog implements UpdateLog {
  private readonly insert;
  private readonly remove;
  private readonly pruneStmt;

  constructor(db: SqliteDb) {
    this.insert = db.prepare("INSERT INTO handled_updates (update_id, handled_at) VALUES (?, ?) ON CONFLICT (update_id) DO NOTHING");
    this.remove = db.prepare("DELETE FROM handled_updates WHERE update_id = ?");
    this.pruneStmt = db.prepare("DELETE FROM handled_updates WHERE handled_at < ?");
  }

  async begin(updateId: number, now: number): Promise<boolean> {
    return this.insert.run(updateId, now).changes === 1;
  }
  async forget(updateId: number): Promise<void> {
    this.remove.run(updateId);
  }
  async prune(before: number): Promise<number> {
    return this.pruneStmt.run(before).changes;
  }
}

/** Raises a content kind's version; call inside the transaction that changes the content. */
export function bumpContentVersion(db: SqliteDb, kind: ContentKind): void {
  db.prepare(
    "INSERT INTO content_versions (name, version) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET version = version + 1",
  ).run(kind);
}

export class SqliteContentVersions implements ContentVersions {
  constructor(private readonly db: SqliteDb) {}

  async get(): Promise<Record<ContentKind, number>> {
    const versions: Record<ContentKind, number> = { issues: 0, stations: 0 };
    const rows = this.db.prepare<[], { name: string; version: number }>("SELECT name, version FROM content_versions").all();
    for (const row of rows) if (row.name in versions) versions[row.name as ContentKind] = row.version;
    return versions;
  }
}
