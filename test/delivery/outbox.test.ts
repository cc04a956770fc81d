import { afterEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/storage/store.js";
import { LATE_NIGHT, MORNING, publishSample, storeWithSubscribers } from "./helpers.js";

describe("publishing an issue queues digests once", () => {
  let store: Store | undefined;
  afterEach(async () => store?.close());

  it("queues one row per subscriber with a matching article, none for the others", async () => {
    store = await storeWithSubscribers(3);
    await store.subscriptions.upsert({ chatId: 5, userId: 5, topics: ["training_jobs"] });
    await store.subscriptions.upsert({ chatId: 6, userId: 6, topics: [], keywords: ["航天"] });
    await store.subscriptions.upsert({ chatId: 7, userId: 7, topics: ["all"] });
    await store.subscriptions.setStatus(7, "paused");
    const result = await publishSample(store, MORNING);
    expect(result.status).toBe("published");
    const rows = await store.outbox.outboxRows(result.issue.issueId);
    expect(rows.map((r) => r.chatId).sort((a, b) => a - b)).toEqual([5, 1001, 1002, 1003]);
    expect(rows.every((r) => r.status === "queued" && r.nextAttemptAt === MORNING)).toBe(true);
    expect(rows.find((r) => r.chatId === 5)!.articles).toHaveLength(1);
  });

  it("re-publishing the same issue queues nothing", async () => {
    store = await storeWithSubscribers(2);
    const first = await publishSample(store, MORNING);
    await store.subscriptions.upsert({ chatId: 9, userId: 9, topics: ["all"] });
    const again = await publishSample(store, MORNING);
    expect(again.status).toBe("already-published");
    expect(await store.outbox.outboxRows(first.issue.issueId)).toHaveLength(2);
    const status = await store.outbox.status(MORNING);
    expect(status.outbox.queued).toBe(2);
    expect(status.issues).toHaveLength(1);
  });

  it("an issue published at night waits for the end of quiet hours; daily subscribers wait for their time", async () => {
    store = await storeWithSubscribers(1);
    await store.subscriptions.upsert({ chatId: 2, userId: 2, topics: ["all"], delivery: { kind: "daily", time: "18:00" } });
    const result = await publishSample(store, LATE_NIGHT);
    const rows = await store.outbox.outboxRows(result.issue.issueId);
    expect(new Date(rows.find((r) => r.chatId === 1001)!.nextAttemptAt).toISOString()).toBe("2024-11-07T23:00:00.000Z"); // 07:00 Shanghai
    expect(new Date(rows.find((r) => r.chatId === 2)!.nextAttemptAt).toISOString()).toBe("2024-11-08T10:00:00.000Z"); // 18:00 Shanghai
    expect(await store.outbox.dueRows(LATE_NIGHT + 60_000, 10)).toEqual([]);
  });

  it("unsubscribing and /forget remove the member's queued digests", async () => {
    store = await storeWithSubscribers(2);
    await publishSample(store, MORNING);
    expect(await store.subscriptions.remove(1001)).toBe(true);
    await store.eraseUser(1002);
    expect(await store.subscriptions.get(1002)).toBeUndefined();
    expect((await store.outbox.status(MORNING)).outbox.queued).toBe(0);
  });

  it("refuses a malformed daily time with a clear message", async () => {
    store = await storeWithSubscribers(0);
    await expect(store.subscriptions.upsert({ chatId: 1, userId: 1, delivery: { kind: "daily", time: "25:00" } })).rejects.toThrow(/HH:MM/);
  });
});
