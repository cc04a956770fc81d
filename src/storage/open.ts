import path from "node:path";
import type { Store } from "./store.js";
import { SqliteStore } from "./sqlite/store.js";

/**
 * Opens the store named by DATABASE_URL:
 *   sqlite:./var/niangjia.db                  a SQLite file (created with its folder if missing)
 *   sqlite::memory:                           a throw-away in-memory database (tests)
 *   ./some/file.db                            a bare path is a SQLite file too
 *   postgres://user:password@host:5432/db     PostgreSQL (also postgresql://; ?sslmode=require etc. as libpq)
 */
export async function openStore(databaseUrl: string): Promise<Store> {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(databaseUrl)?.[1]?.toLowerCase();
  if (scheme && scheme !== "sqlite" && !/^postgres(ql)?$/.test(scheme)) {
    throw new Error(
      `DATABASE_URL: unsupported scheme "${scheme}://"; expected sqlite:PATH (e.g. sqlite:./var/niangjia.db) or postgres://user@host:5432/database`,
    );
  }
  if (scheme && /^postgres(ql)?$/.test(scheme)) {
    const { PostgresStore } = await import("./postgres/store.js");
    try {
      return await PostgresStore.open(databaseUrl);
    } catch (error) {
      throw new Error(`DATABASE_URL: cannot open the PostgreSQL database at ${redactPassword(databaseUrl)}: ${(error as Error).message}`);
    }
  }
  const file = databaseUrl.replace(/^sqlite:(\/\/)?/, "");
  if (file === "") throw new Error("DATABASE_URL: expected sqlite:PATH, e.g. sqlite:./var/niangjia.db");
  const resolved = file === ":memory:" ? file : path.resolve(file);
  try {
    return SqliteStore.open(resolved);
  } catch (error) {
    throw new Error(`DATABASE_URL: cannot open the SQLite database at ${resolved}: ${(error as Error).message}`);
  }
}

/** Opens the store, runs `use` with it and closes it again, whatever `use` does (one-shot CLI commands). */
export async function withStore<T>(databaseUrl: string, use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(databaseUrl);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** The URL with its password replaced, for messages and logs. */
export function redactPassword(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]+:)[^@]*@/i, "$1***@");
}
