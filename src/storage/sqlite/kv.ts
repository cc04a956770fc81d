import type { KeyValueRepository } from "../kv.js";
import { checkpointAndTruncate, type SqliteDb } from "./database.js";

export class SqliteKeyValueRepository implements KeyValueRepository {
  private readonly getStmt;
  private readonly setStmt;
  private readonly deleteStmt;
  private readonly deletePrefixStmt;
  private readonly deleteStaleStmt;
  /** Rows were deleted but the WAL still holds them (a checkpoint was blocked). */
  private checkpointOwed = false;

  constructor(private readonly db: SqliteDb) {
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
    const removed = this.deleteStaleStmt.run({ infix, before: before.toISOString() }).changes;
    // Expired conversation state can hold sensitive answers: gone from the -wal file too, not just the table.
    if (removed > 0) this.checkpointOwed = true;
    // Blocked: throws busy, and the retry (or the next sweep) checkpoints again though nothing is left to delete.
    if (this.checkpointOwed) await this.checkpoint();
    return removed;
  }
  /**
   * Writes the WAL into the database file and truncates it, so deleted values are no longer on disk
   * (secure_delete zeroes them in the main file). Throws a busy error when another process kept it from
   * completing, so the caller (wrapped in the busy retry) tries again.
   */
  async checkpoint(): Promise<void> {
    this.checkpointOwed = true;
    if (checkpointAndTruncate(this.db)) this.checkpointOwed = false;
    else {
      throw Object.assign(new Error("the WAL checkpoint was blocked by another connection"), { code: "SQLITE_BUSY" });
    }
  }
  async deleteByPrefix(prefix: string): Promise<number> {
    return this.deletePrefixStmt.run({ prefix }).changes;
  }
}
