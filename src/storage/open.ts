import path from "node:path";
import { ConfigError } from "../config.js";
import type { BusyRetryPolicy } from "./busy.js";
import type { Store } from "./store.js";
import { SqliteStore } from "./sqlite/store.js";

export interface OpenStoreOptions {
  /** How long one statement blocks the process waiting for another's write lock (default 5 s). */
  busyTimeoutMs?: number;
  /** After that, how long a write keeps retrying asynchronously before failing (default 60 s). */
  busyRetry?: BusyRetryPolicy;
}

/**
 * For a long-running process serving members (the bot): a statement blocks the event loop at most 50 ms
 * for a lock, then the write waits asynchronously (everyone else is still served) for up to 15 s.
 */
export const SERVING_STORE_OPTIONS: OpenStoreOptions = { busyTimeoutMs: 50, busyRetry: { deadlineMs: 15_000 } };

/**
 * Opens the store named by DATABASE_URL:
 *   sqlite:./var/niangjia.db                  a SQLite file (created with its folder if missing)
 *   sqlite::memory:                           a throw-away in-memory database (tests)
 *   ./some/file.db                            a bare path is a SQLite file too
 *   postgres://user:password@host:5432/db     PostgreSQL (also postgresql://; ?sslmode=require etc. as libpq)
 */
export async function openStore(databaseUrl: string, options: OpenStoreOptions = {}): Promise<Store> {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(databaseUrl)?.[1]?.toLowerCase();
  if (scheme && scheme !== "sqlite" && !/^postgres(ql)?$/.test(scheme)) {
    throw new ConfigError(
      `DATABASE_URL: unsupported scheme "${scheme}://"; expected sqlite:PATH (e.g. sqlite:./var/niangjia.db) or postgres://user@host:5432/database`,
    );
  }
  if (scheme && /^postgres(ql)?$/.test(scheme)) {
    const { PostgresStore } = await import("./postgres/store.js");
    try {
      return await PostgresStore.open(databaseUrl);
    } catch (error) {
      throw new ConfigError(`DATABASE_URL: cannot open the PostgreSQL database at ${redactPassword(databaseUrl)}: ${(error as Error).message}`);
    }
  }
  const file = databaseUrl.replace(/^sqlite:(\/\/)?/, "");
  if (file === "") throw new ConfigError("DATABASE_URL: expected sqlite:PATH, e.g. sqlite:./var/niangjia.db");
  const resolved = file === ":memory:" ? file : path.resolve(file);
  try {
    return SqliteStore.open(resolved, {
      busyTimeoutMs: options.busyTimeoutMs ?? 5_000,
      busyRetry: options.busyRetry ?? { deadlineMs: 60_000 },
    });
  } catch (error) {
    throw new ConfigError(`DATABASE_URL: cannot open the SQLite database at ${resolved}: ${(error as Error).message}`);
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
