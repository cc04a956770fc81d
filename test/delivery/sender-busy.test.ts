/**
 * Another process holds the SQLite write lock longer than the sender's writes wait: the sender's lease
 * renewal and claims fail with "database is locked". The supervised sender must come back on its own and
 * deliver what is published afterwards.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Api } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { JobSupervisor } from "../../src/app/supervise.js";
import { DigestSender } from "../../src/delivery/sender.js";
import { openStore } from "../../src/storage/open.js";
import type { Store } from "../../src/storage/store.js";
import { waitFor } from "../support/spawn-bot.js";
import { ERROR, recordingLogger } from "../support/recording-logger.js";
import { holdWriteLock } from "../support/write-lock.js";
import { publishSample } from "./helpers.js";

const NO_QUIET = { start: "00:00", end: "00:00" };

let store: Store | undefined;
let jobs: JobSupervisor | undefined;
afterEach(async () => {
  await jobs?.stop();
  await store?.close();
  jobs = undefined;
  store = undefined;
});

describe("digest sender while the database is locked by another process", () => {
  it("survives a lock held longer than writes wait: restarted with backoff, reported down, then delivers everything published afterwards", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-busy-")), "db.sqlite");
    // Writes block at most 10 ms each and give up after 150 ms: a 1.2 s lock outlasts them many times over.
    store = await openStore(`sqlite:${file}`, { busyTimeoutMs: 10, busyRetry: { deadlineMs: 150 } });
    for (let i = 1; i <= 5; i++) await store.subscriptions.upsert({ chatId: 100 + i, userId: 100 + i, topics: ["all"], quietHours: NO_QUIET });
    const sent: number[] = [];
    const api = { sendMessage: async (chatId: number) => (sent.push(chatId), { message_id: sent.length }) } as unknown as Api;
    const { logger, lines } = recordingLogger();
    const sender = new DigestSender({
      store,
      api,
      logger,
      ratePerSecond: 100,
      perChatGapMs: 0,
      pollIntervalMs: 20,
      heartbeatMs: 20,
      leaseStaleMs: 200,
    });
    jobs = new JobSupervisor({ logger, backoffBaseMs: 50, backoffMaxMs: 200 });
    jobs.start("digest-sender", (ctx) => sender.run(ctx));
    await waitFor(() => jobs!.health().jobs[0]?.state === "running", 5_000, "the sender to run");

    const holder = await holdWriteLock(file, 1_200);
    const down = await waitFor(() => !jobs!.health().ok && jobs!.health(), 5_000, "the sender to be reported down");
    expect(down.jobs[0]).toMatchObject({ name: "digest-sender", state: "retrying", lastError: expect.stringMatching(/busy|locked/) });
    await holder.released;

    await publishSample(store);
    await waitFor(() => sent.length === 5, 10_000, "every subscriber's digest");
    expect(sent.sort()).toEqual([101, 102, 103, 104, 105]);
    expect(jobs.health().ok).toBe(true);
    // One error line for the whole outage, however many restarts it took.
    expect(lines.filter((l) => l.level === ERROR && l.job === "digest-sender")).toHaveLength(1);
    expect(lines.some((l) => /recovered/.test(l.msg))).toBe(true);
  }, 30_000);
});
