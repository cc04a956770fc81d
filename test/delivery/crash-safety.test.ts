/**
 * Crash safety: a sender process (src/delivery/main.ts, the production entry point) is killed with SIGKILL
 * in the middle of a 2,000-subscriber broadcast, restarted, and every subscriber must end with exactly
 * one digest as counted by the fake Bot API server.
 *
 * The "arbitrary moment" is drawn from a seed that is printed with the test (and in its failure message);
 * CRASH_SEED=<seed> replays exactly that kill point. The tests wait for child processes, not for the wall
 * clock: their generous timeouts only bound a hung run on a loaded machine.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/storage/open.js";
import type { Store } from "../../src/storage/store.js";
import { FAKE_TOKEN, FakeBotApiServer } from "../support/fake-bot-api.js";
import { prng } from "../../scripts/prng.js";
import { publishSample } from "./helpers.js";

const SUBSCRIBERS = 2000;
const ROOT = path.resolve(import.meta.dirname, "../..");
/** Two sender processes (tsx start-up included) and 2,000 subscribers: minutes on a busy 2-core machine. */
const PROCESS_TEST_TIMEOUT_MS = 180_000;

/** The kill point of one run: after how many accepted messages, then how many ms later. */
function killPoint(seed: number): { afterAccepted: number; delayMs: number } {
  const random = prng(seed);
  return { afterAccepted: 600 + Math.floor(random() * 800), delayMs: random() * 5 };
}

function startSender(server: FakeBotApiServer, dbUrl: string, concurrency: number): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "src/delivery/main.ts", "--until-empty"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      BOT_TOKEN: FAKE_TOKEN,
      TELEGRAM_API_ROOT: server.apiRoot,
      DIGEST_RATE_PER_SEC: "500",
      DIGEST_CONCURRENCY: String(concurrency),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal, stderr })));
}

function digestsPerChat(server: FakeBotApiServer): Map<number, number> {
  const counts = new Map<number, number>();
  for (const m of server.outgoing) if (m.method === "sendMessage") counts.set(Number(m.chatId), (counts.get(Number(m.chatId)) ?? 0) + 1);
  return counts;
}

async function prepare(): Promise<{ dbUrl: string; store: Store }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-crash-"));
  const dbUrl = `sqlite:${path.join(dir, "bot.db")}`;
  const store = await openStore(dbUrl);
  for (let i = 1; i <= SUBSCRIBERS; i++) {
    await store.subscriptions.upsert({ chatId: 10_000 + i, userId: 10_000 + i, topics: ["all"], quietHours: { start: "00:00", end: "00:00" } });
  }
  const published = await publishSample(store);
  expect(published.status === "published" && published.queued).toBe(SUBSCRIBERS);
  return { dbUrl, store };
}

describe("digest delivery survives SIGKILL", () => {
  let server: FakeBotApiServer | undefined;
  let store: Store | undefined;
  afterEach(async () => {
    await server?.stop();
    await store?.close();
  });

  it("killed right after Telegram accepted a message (before the sender recorded it): exactly one digest each", async () => {
    server = await FakeBotApiServer.start({ globalRatePerSec: 1000, perChatRatePerSec: 1 });
    const prepared = await prepare();
    store = prepared.store;
    const dbUrl = prepared.dbUrl;
    const first = startSender(server, dbUrl, 1);
    const firstExit = exited(first);
    let accepted = 0;
    const notify = server.api.onMessage;
    server.api.onMessage = (message) => {
      notify?.(message);
      // The worst moment: the server has the message, the sender has not seen the answer yet.
      if (++accepted === 700) first.kill("SIGKILL");
    };
    expect((await firstExit).signal).toBe("SIGKILL");
    const afterKill = digestsPerChat(server).size;
    expect(afterKill).toBeGreaterThanOrEqual(700);
    expect(afterKill).toBeLessThan(SUBSCRIBERS);

    const second = await exited(startSender(server, dbUrl, 1));
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/unconfirmed/);

    const counts = digestsPerChat(server);
    expect(counts.size).toBe(SUBSCRIBERS);
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
    const status = await store!.outbox.status(Date.now());
    expect(status.outbox).toMatchObject({ queued: 0, sending: 0, failed: 0, unconfirmed: 1, sent: SUBSCRIBERS - 1 });
  }, PROCESS_TEST_TIMEOUT_MS);

  it("killed at an arbitrary moment with 8 requests in flight: never a duplicate; any gap is reported as unconfirmed", async () => {
    server = await FakeBotApiServer.start({ globalRatePerSec: 1000, perChatRatePerSec: 1 });
    const prepared = await prepare();
    store = prepared.store;
    const dbUrl = prepared.dbUrl;
    const seed = process.env.CRASH_SEED ? Number(process.env.CRASH_SEED) : Math.floor(Math.random() * 2 ** 31);
    const kill = killPoint(seed);
    const replay = `kill point: CRASH_SEED=${seed} (SIGKILL ${kill.delayMs.toFixed(2)} ms after message ${kill.afterAccepted} was accepted)`;
    console.info(`crash-safety ${replay}`);
    const first = startSender(server, dbUrl, 8);
    const firstExit = exited(first);
    const notify = server.api.onMessage;
    let accepted = 0;
    server.api.onMessage = (message) => {
      notify?.(message);
      if (++accepted === kill.afterAccepted) setTimeout(() => first.kill("SIGKILL"), kill.delayMs);
    };
    await firstExit;
    const second = await exited(startSender(server, dbUrl, 8));
    expect(second.code, `${replay}\n${second.stderr}`).toBe(0);

    const counts = digestsPerChat(server);
    expect([...counts.values()].filter((n) => n !== 1), replay).toEqual([]);
    const status = await store!.outbox.status(Date.now());
    expect(status.outbox.unconfirmed, replay).toBeLessThanOrEqual(8);
    expect(status.outbox.sent + status.outbox.unconfirmed, replay).toBe(SUBSCRIBERS);
    // Every subscriber without a digest is among the unconfirmed rows staff see in digest-status.
    expect(SUBSCRIBERS - counts.size, replay).toBeLessThanOrEqual(status.outbox.unconfirmed);
  }, PROCESS_TEST_TIMEOUT_MS);
});

