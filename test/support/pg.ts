/**
 * A fresh PostgreSQL database per test file on the server the global setup found
 * (test/support/pg-global-setup.ts), dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

export const pgSkipReason: string = inject("pgSkipReason");
export const pgAvailable = inject("pgAdminUrl") !== "";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("pgAdminUrl") });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!pgAvailable) throw new Error(`PostgreSQL is not available: ${pgSkipReason}`);
  const name = `niangjia_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(inject("pgAdminUrl"));
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      admin(async (client) => {
        await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
        await client.query(`DROP DATABASE IF EXISTS ${name}`);
      }),
  };
}

/** Logs once per file why PostgreSQL tests are skipped (vitest shows skipped tests without a reason). */
export function reportPgSkip(): void {
  if (!pgAvailable) process.stderr.write(`PostgreSQL tests skipped: ${pgSkipReason}\n`);
}

/** Empties every table but the migration record (between tests sharing one database). */
export async function emptyDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (
      await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'")
    ).rows.map((r) => r.tablename);
    if (tables.length > 0) await client.query(`TRUNCATE ${tables.join(", ")} RESTART IDENTITY CASCADE`);
  } finally {
    await client.end();
  }
}
