import type { KeyValueRepository } from "../kv.js";
import type { SqliteDb } from "./database.js";

export class SqliteKeyValueRepository implements KeyValueRepository {
  private readonly getStmt;
  private readonly setStmt;
  private readonly deleteStmt;
  private readonly deletePrefixStmt;
  private readonly deleteStaleStmt;

  constructor(db: SqliteDb) {
    this.getStmt = db.prepare<[string], { value: string }>("SELECT value FROM kv WHERE key = ?");
    this.setStmt = db.prepare(
      "INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    );
    this.deleteStmt = db.prepare("DELETE FROM kv WHERE key = ?");
    // substr() instead of LIKE so that '_' and '%' in keys are not wildcards.
    this.deletePrefixStmt = db.prepare("DELETE FROM kv WHERE substr(key, 1, length(@prefix)) = @prefix");
    this.deleteStaleStmt = db.prepare("DELETE FROM kv WHERE instr(key, @infix) > 0 AND updated_at < @before");
  }

  async get(key: string): Promise<string | undefined> {
    return this.getStmt.get(key)?.value;
  }
  async set(key: string, value: string): Promise<void> {
    this.setStmt.run(key, value, new Date().toISOString());
  }
  async delete(key: string): Promise<void> {
    this.deleteStmt.run(key);
  }
  async has(key: string): Promise<boolean> {
    return this.getStmt.get(key) !== undefined;
  }
  async deleteStale(infix: string, before: Date): Promise<number> {
    return this.deleteStaleStmt.run({ infix, before: before.toISOString() }).changes;
  }
  async deleteByPrefix(prefix: string): Promise<number> {
    return this.deletePrefixStmt.run({ prefix }).changes;
  }
}
