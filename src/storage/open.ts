import path from "node:path";
import type { Store } from "./store.js";
import { SqliteStore } from "./sqlite/store.js";

/**
 * Opens the store named by DATABASE_URL:
 *   sqlite:./var/niangjia.db   a SQLite file (created with its folder if missing)
 *   sqlite::memory:            a throw-away in-memory database (tests)
 *   ./some/file.db             a bare path is a SQLite file too
 */
export async function openStore(databaseUrl: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error(
      "DATABASE_URL: PostgreSQL is not bundled in this version; implement the Store interface in src/storage/store.ts or use sqlite:PATH",
    );
  }
  const file = databaseUrl.replace(/^sqlite:(\/\/)?/, "");
  if (file === "") throw new Error("DATABASE_URL: expected sqlite:PATH, e.g. sqlite:./var/niangjia.db");
  return SqliteStore.open(file === ":memory:" ? file : path.resolve(file));
}
