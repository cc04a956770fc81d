import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/** Advisory lock namespaces (first key of the two-key form), so the store's locks never collide. */
export const LOCK_SPACE = { migrations: 1_851_877_001, named: 1_851_877_002, senderLease: 1_851_877_003 } as const;

/**
 * What the repositories run SQL through: the pool (each statement on its own), or one client inside a
 * transaction. `tx` opens a transaction, or a savepoint when already inside one.
 */
export interface Sql {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a statement and returns the number of rows it changed. */
  run(text: string, params?: readonly unknown[]): Promise<number>;
  tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
}

/**
 * Telegram ids and epoch milliseconds are BIGINT; node-postgres returns them as strings by default.
 * Every value stored here is below 2^53, so numbers are exact. SUM() of integers is NUMERIC: same.
 */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

export function createPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection (server restart) must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  return pool;
}

class ClientSql implements Sql {
  private depth = 0;
  constructor(readonly client: pg.PoolClient) {}

  async query<R>(text: string, params: readonly unknown[] = []): Promise<R[]> {
    return (await this.client.query(text, params as unknown[])).rows as R[];
  }
  async run(text: string, params: readonly unknown[] = []): Promise<number> {
    return (await this.client.query(text, params as unknown[])).rowCount ?? 0;
  }
  async tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    const name = `sp${++this.depth}`;
    await this.client.query(`SAVEPOINT ${name}`);
    try {
      const result = await fn(this);
      await this.client.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await this.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      throw error;
    } finally {
      this.depth--;
    }
  }
}

export class PoolSql implements Sql {
  constructor(readonly pool: pg.Pool) {}

  async query<R>(text: string, params: readonly unknown[] = []): Promise<R[]> {
    return (await this.pool.query(text, params as unknown[])).rows as R[];
  }
  async run(text: string, params: readonly unknown[] = []): Promise<number> {
    return (await this.pool.query(text, params as unknown[])).rowCount ?? 0;
  }
  async tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      try {
        const result = await fn(new ClientSql(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      }
    } finally {
      client.release(broken);
    }
  }
}

/**
 * Applies pending migrations (`migrations/NNN_name.sql`, in name order, each in its own transaction),
 * recorded in schema_migrations like SQLite's. An advisory lock makes instances starting together
 * migrate one after the other.
 */
export async function migratePostgres(pool: pg.Pool, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1, 0)", [LOCK_SPACE.migrations]);
    try {
      await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
      const applied = new Set((await client.query<{ name: string }>("SELECT name FROM schema_migrations")).rows.map((r) => r.name));
      const pending = fs
        .readdirSync(dir)
        .filter((name) => name.endsWith(".sql") && !applied.has(name))
        .sort();
      for (const name of pending) {
        const sql = fs.readFileSync(path.join(dir, name), "utf8");
        await client.query("BEGIN");
        try {
          await client.query(sql);
          await client.query("INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)", [name, new Date().toISOString()]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw new Error(`migration ${name} failed: ${(error as Error).message}`);
        }
      }
      return pending;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1, 0)", [LOCK_SPACE.migrations]);
    }
  } finally {
    client.release();
  }
}
