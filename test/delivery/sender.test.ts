import { afterEach, describe, expect, it } from "vitest";
import { Api } from "grammy";
import { DigestSender, SenderLeaseError } from "../../src/delivery/sender.js";
import { localParts } from "../../src/time.js";
import type { Store } from "../../src/storage/store.js";
import { FAKE_TOKEN, FakeBotApiServer } from "../support/fake-bot-api.js";
import { publishSample, storeWithSubscribers } from "./helpers.js";

const NO_QUIET = { start: "00:00", end: "00:00" };

function perChat(server: FakeBotApiServer): Map<number, number> {
  const counts = new Map<number, number>();
  for (const m of server.outgoing) if (m.method === "sendMessage") counts.set(Number(m.chatId), (counts.get(Number(m.chatId)) ?? 0) + 1);
  return counts;
}

describe("digest sender against a fake Bot API server", () => {
  let server: FakeBotApiServer | undefined;
  let store: Store | undefined;
  afterEach(async () => {
    await server?.stop();
    await store?.close();
  });

  it("sends each subscriber one digest with paper, date, issue number, headlines and read buttons", async () => {
    server = await FakeBotApiServer.start({ globalRatePerSec: 200, perChatRatePerSec: 1 });
    store = await storeWithSubscribers(5, { quietHours: NO_QUIET });
    await store.subscriptions.upsert({ chatId: 77, userId: 77, topics: ["training_jobs"], quietHours: NO_QUIET, locale: "en" });
    const published = await publishSample(store);
    const sender = new DigestSender({ store, api: new Api(FAKE_TOKEN, { apiRoot: server.apiRoot }), ratePerSecond: 100 });
    await sender.runUntilIdle();

    expect([...perChat(server).values()]).toEqual([1, 1, 1, 1, 1, 1]);
    const zh = server.outgoing.find((m) => m.chatId === 1001)!;
    expect(zh.text).toContain("浙江工人日报 · 2024年11月7日 · 总第12773期");
    expect(zh.text).toContain("余杭新建20家户外劳动者驿站");
    expect(zh.text).toContain("余杭区总工会新建20家户外劳动者服务驿站"); // summary from the article, OCR space removed
    expect(zh.buttons.flat()).toHaveLength(5);
    expect(zh.buttons.flat()[0].callback_data).toMatch(/^digest:read:\d+:\d+$/);
    const en = server.outgoing.find((m) => m.chatId === 77)!;
    expect(en.text).toContain("1 article in this issue matches your subscription");
    expect(en.text).toContain("免费技能培训报名启动");
    expect(en.text).not.toContain("余杭新建");

    const status = await store.outbox.status(Date.now());
    expect(status.outbox).toMatchObject({ queued: 0, sent: 6, failed: 0 });
    const rows = await store.outbox.outboxRows(published.issue.issueId);
    expect(rows.every((r) => r.telegramMessageId !== null && r.sentAt !== null)).toBe(true);
  });

  it("a subscriber who blocked the bot (403) is marked inactive and not retried", async () => {
    server = await FakeBotApiServer.start({ blockedChatIds: [1002] });
    store = await storeWithSubscribers(3, { quietHours: NO_QUIET });
    await publishSample(store);
    const sender = new DigestSender({ store, api: new Api(FAKE_TOKEN, { apiRoot: server.apiRoot }), ratePerSecond: 100 });
    await sender.runUntilIdle();
    expect(perChat(server)).toEqual(new Map([[1001, 1], [1003, 1]]));
    expect(server.rejected.filter((r) => r.code === 403)).toHaveLength(1);
    const sub = await store.subscriptions.get(1002);
    expect(sub?.status).toBe("inactive");
    expect(sub?.inactiveReason).toMatch(/blocked/);
    // The next issue is not even queued for the inactive subscriber.
    await publishSample(store, Date.now(), "another-issue");
    expect((await store.outbox.outboxRows("another-issue")).map((r) => r.chatId).sort()).toEqual([1001, 1003]);
    const status = await store.outbox.status(Date.now());
    expect(status.subscribers.inactive).toBe(1);
    expect(status.outbox.failed).toBe(1);
  });

  it("on 429 waits retry_after and still delivers everything exactly once", async () => {
    // The server allows 5 messages/s; the sender is (wrongly) configured for 50/s.
    server = await FakeBotApiServer.start({ globalRatePerSec: 5 });
    store = await storeWithSubscribers(12, { quietHours: NO_QUIET });
    await publishSample(store);
    const sender = new DigestSender({ store, api: new Api(FAKE_TOKEN, { apiRoot: server.apiRoot }), ratePerSecond: 50, concurrency: 1 });
    await sender.runUntilIdle();
    expect(perChat(server).size).toBe(12);
    expect([...perChat(server).values()].every((n) => n === 1)).toBe(true);
    const tooMany = server.rejected.filter((r) => r.code === 429).length;
    expect(sender.counters.rateLimited).toBe(tooMany);
    expect(tooMany).toBeGreaterThan(0);
    // Honouring retry_after means roughly one 429 per second of waiting, not a request every 20 ms.
    expect(tooMany).toBeLessThanOrEqual(4);
  });

  it("retries network errors and 5xx with backoff", async () => {
    store = await storeWithSubscribers(2, { quietHours: NO_QUIET });
    await publishSample(store);
    let calls = 0;
    const flaky = {
      sendMessage: async (chatId: number) => {
        calls++;
        if (calls === 1) throw new (await import("grammy")).HttpError("Network request for 'sendMessage' failed!", new Error("ECONNRESET"));
        if (calls === 2) throw new (await import("grammy")).GrammyError("Call to 'sendMessage' failed!", { ok: false, error_code: 502, description: "Bad Gateway" }, "sendMessage", {});
        return { message_id: calls, chat: { id: chatId } };
      },
    } as unknown as Api;
    const sender = new DigestSender({ store, api: flaky, ratePerSecond: 100, backoffBaseMs: 20, perChatGapMs: 0 });
    await sender.runUntilIdle();
    expect(sender.counters).toMatchObject({ sent: 2, retried: 2, failed: 0 });
    const status = await store.outbox.status(Date.now());
    expect(status.outbox.sent).toBe(2);
  });

  it("holds digests during the subscriber's quiet hours", async () => {
    server = await FakeBotApiServer.start();
    const p = localParts(Date.now(), "Asia/Shanghai");
    const hh = (h: number) => `${String((h + 24) % 24).padStart(2, "0")}:00`;
    const quietNow = { start: hh(p.hour), end: hh(p.hour + 2) };
    store = await storeWithSubscribers(1, { quietHours: NO_QUIET });
    await store.subscriptions.upsert({ chatId: 5, userId: 5, topics: ["all"], quietHours: quietNow });
    const published = await publishSample(store);
    const sender = new DigestSender({ store, api: new Api(FAKE_TOKEN, { apiRoot: server.apiRoot }), ratePerSecond: 100 });
    await sender.runUntilIdle();
    expect([...perChat(server).keys()]).toEqual([1001]);
    const held = (await store.outbox.outboxRows(published.issue.issueId)).find((r) => r.chatId === 5)!;
    expect(held.status).toBe("queued");
    const end = localParts(held.nextAttemptAt, "Asia/Shanghai");
    expect(`${String(end.hour).padStart(2, "0")}:${String(end.minute).padStart(2, "0")}`).toBe(quietNow.end);
  });

  it("only one sender works on a database at a time", async () => {
    store = await storeWithSubscribers(1, { quietHours: NO_QUIET });
    const api = { sendMessage: async () => ({ message_id: 1 }) } as unknown as Api;
    const first = new DigestSender({ store, api });
    const second = new DigestSender({ store, api });
    // Holds the lease before its loop starts (the loop finds it already its own): no waiting for the loop.
    await first.acquire();
    const running = first.start();
    await expect(second.runUntilIdle()).rejects.toBeInstanceOf(SenderLeaseError);
    await first.stop();
    await running;
    await expect(second.runUntilIdle()).resolves.toBeUndefined();
  });
});
