import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

export type SqliteDb = Database.Database;

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export interface SqliteOptions {
  /**
   * How long one statement blocks waiting for another process's write lock (SQLite's busy timeout).
   * The wait is synchronous: the bot keeps it short and retries asynchronously (src/storage/busy.ts) so
   * one waiting write does not freeze every member's chat; one-shot CLI commands can wait longer.
   */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed) a SQLite database and applies pending migrations.
 * Migrations are the files `migrations/NNN_name.sql`, applied in name order, each in its own transaction.
 */
export function openSqlite(file: string, options: SqliteOptions = {}): SqliteDb {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  // Set first: switching to WAL and migrating need the lock too.
  db.pragma(`busy_timeout = ${Math.max(0, Math.round(options.busyTimeoutMs ?? 5000))}`);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  // Erased answers (/forget, expired conversations) are overwritten on disk, not just unlinked.
  db.pragma("secure_delete = ON");
  migrate(db);
  return db;
}

export function migrate(db: SqliteDb, dir: string = MIGRATIONS_DIR): string[] {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
  const applied = new Set(
    db.prepare("SELECT name FROM schema_migrations").all().map((row) => (row as { name: string }).name),
  );
  const pending = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".sql") && !applied.has(name))
    .sort();
  for (const name of pending) {
    const sql = fs.readFileSync(path.join(dir, name), "utf8");
    db.transaction(() => {
      db.exec(sql);
      db.prepare("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)").run(name, new Date().toISOString());
    }).immediate();
  }
  return pending;
}

/**
 * Writes the WAL back into the database file and truncates it to 0 bytes. Erased data (/forget, expired
 * conversations) is overwritten in the main file (secure_delete) but its old pages stay readable in the
 * -wal file until it is reused; this makes the erasure reach the disk now. Returns false when another
 * connection's reader or writer kept the checkpoint from completing (it is retried by the caller).
 */
export function checkpointAndTruncate(db: SqliteDb): boolean {
  if (db.memory) return true;
  const [result] = db.pragma("wal_checkpoint(TRUNCATE)") as Array<{ busy: number; log: number; checkpointed: number }>;
  return result === undefined || result.busy === 0;
}
