/**
 * Another process holding the write lock (a second publish, an operator's sqlite3 shell): writes wait for it
 * and then succeed, instead of failing with "database is locked" at once.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/storage/open.js";
import type { Store } from "../../src/storage/store.js";
import { queueIssueDigests } from "../../src/delivery/queue.js";
import { sampleIssue } from "../knowledge/digest/fixtures.js";
import { holdWriteLock } from "../support/write-lock.js";

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

function tempDb(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-locks-")), "db.sqlite");
}

describe("writers while another process holds the write lock", () => {
  it("storing an issue waits for the lock and succeeds (the transaction takes the lock before reading)", async () => {
    const file = tempDb();
    store = await openStore(`sqlite:${file}`);
    await store.issues.replaceIssue(sampleIssue("earlier-issue"), { sourceFile: "/x/earlier.txt", contentHash: "h0" });
    const holder = await holdWriteLock(file, 600);
    const parsed = sampleIssue();
    const result = await store.issues.replaceIssue(parsed, { sourceFile: "/x/today.txt", contentHash: "h1" });
    await holder.released;
    expect(result).toEqual({ replaced: false, superseded: [] });
    expect((await store.issues.articlesOf(parsed.issue.id)).length).toBe(parsed.articles.length);
  });

  it("publishing and queueing digests waits for the lock and succeeds", async () => {
    const file = tempDb();
    store = await openStore(`sqlite:${file}`);
    for (let i = 1; i <= 20; i++) await store.subscriptions.upsert({ chatId: i, userId: i, topics: ["all"] });
    const holder = await holdWriteLock(file, 600);
    await store.issues.replaceIssue(sampleIssue(), { sourceFile: "/x/today.txt", contentHash: "h1" });
    const published = await queueIssueDigests(store.outbox, sampleIssue(), { source: "test" });
    await holder.released;
    expect(published.status).toBe("published");
    expect(published.status === "published" && published.queued).toBe(20);
  });

  it("a serving process blocks at most briefly per attempt and waits out a longer lock asynchronously", async () => {
    const file = tempDb();
    store = await openStore(`sqlite:${file}`, { busyTimeoutMs: 20, busyRetry: { deadlineMs: 5_000 } });
    const holder = await holdWriteLock(file, 700);
    // While the write waits, the event loop keeps running: timers fire every few ms.
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    await store.kv.set("user:1:session:1", "{}");
    clearInterval(ticker);
    longestGap = Math.max(longestGap, performance.now() - last);
    await holder.released;
    expect(await store.kv.get("user:1:session:1")).toBe("{}");
    expect(longestGap).toBeLessThan(300);
  });

  it("gives up with a 'database busy' error after its deadline instead of hanging", async () => {
    const file = tempDb();
    store = await openStore(`sqlite:${file}`, { busyTimeoutMs: 10, busyRetry: { deadlineMs: 200 } });
    const holder = await holdWriteLock(file, 1_000);
    await expect(store.kv.set("k", "v")).rejects.toMatchObject({ code: "STORE_BUSY" });
    await holder.released;
  });
});
