/**
 * The repository contract, run against every engine: SQLite (in memory) and PostgreSQL (a fresh
 * database on the test server; see test/support/pg-global-setup.ts). Both must behave the same.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ParsedIssue } from "../../src/knowledge/types.js";
import type { Station } from "../../src/knowledge/stations/types.js";
import { openStore } from "../../src/storage/open.js";
import type { Store } from "../../src/storage/store.js";
import type { SenderLease } from "../../src/knowledge/digest/types.js";
import { createTestDatabase, emptyDatabase, pgAvailable, reportPgSkip, type TestDatabase } from "../support/pg.js";

reportPgSkip();

interface Engine {
  name: string;
  skip: boolean;
  open(): Promise<Store>;
  cleanup(): Promise<void>;
}

// One database for this file, emptied before each test.
let pgDatabase: Promise<TestDatabase> | undefined;
const engines: Engine[] = [
  { name: "sqlite", skip: false, open: () => openStore("sqlite::memory:"), cleanup: async () => undefined },
  {
    name: "postgres",
    skip: !pgAvailable,
    async open() {
      pgDatabase ??= createTestDatabase();
      const { url } = await pgDatabase;
      const store = await openStore(url);
      await emptyDatabase(url);
      return store;
    },
    async cleanup() {
      if (pgDatabase) await (await pgDatabase).drop();
    },
  },
];

function issue(id: string, options: { date?: string | null; paper?: string | null; cn?: string | null; articles?: number } = {}): ParsedIssue {
  const count = options.articles ?? 2;
  return {
    issue: { id, paper: options.paper === undefined ? "浙江工人日报" : options.paper, date: options.date === undefined ? "2024-11-07" : options.date, number: "12773", cn: options.cn ?? null },
    articles: Array.from({ length: count }, (_, i) => ({
      id: `${id}-a${i + 1}`,
      issueId: id,
      seq: i + 1,
      title: `标题${i + 1}`,
      kicker: null,
      kind: "news" as const,
      body: `正文${i + 1}：户外劳动者服务站点`,
      byline: null,
      url: null,
      ...(i === 0 ? { titleMissing: true } : {}),
    })),
  };
}

function station(id: string, overrides: Partial<Station> = {}): Station {
  return {
    id,
    name: `驿站${id}`,
    operator: null,
    address: "某路1号",
    province: "浙江省",
    city: "杭州市",
    county: "余杭区",
    street: null,
    lat: 30.42,
    lon: 120.3,
    amenities: ["microwave", "toilet"],
    openingHours: "24/7",
    phone: null,
    notes: null,
    source: null,
    lastVerified: null,
    sample: false,
    ...overrides,
  };
}

const lease = (runId: string, heartbeatAt: number, host = "host-a"): SenderLease => ({ runId, pid: 1, host, heartbeatAt });

describe.each(engines)("store contract: $name", (engine) => {
  let store: Store;
  beforeEach(async () => {
    if (!engine.skip) store = await engine.open();
  });
  afterEach(async () => {
    if (!engine.skip) await store.close();
  });
  afterAll(() => engine.cleanup());
  const test = it.skipIf(engine.skip);

  test("gaps: record, list since a time (oldest first, concepts kept), purge before a time", async () => {
    const t0 = Date.UTC(2026, 10, 1);
    await store.gaps.record({ askedAt: t0 + 2000, question: "如何入会", confidence: "related", concepts: ["入会"] });
    await store.gaps.record({ askedAt: t0, question: "怎么入会", confidence: "none", concepts: ["入会", "工会"] });
    await store.gaps.record({ askedAt: t0 + 1000, question: "工伤认定", confidence: "none", concepts: [] });
    expect((await store.gaps.list(t0 + 1000)).map((g) => g.question)).toEqual(["工伤认定", "如何入会"]);
    expect((await store.gaps.list(0))[0]).toEqual({ askedAt: t0, question: "怎么入会", confidence: "none", concepts: ["入会", "工会"] });
    expect(await store.gaps.purge(t0 + 1500)).toBe(2);
    expect((await store.gaps.list(0)).map((g) => g.question)).toEqual(["如何入会"]);
  });

  test("key/value: set, overwrite, has, delete; prefixes and infixes are literal", async () => {
    await store.kv.set("user:1:session:1", "a");
    await store.kv.set("user:1:session:1", "b");
    expect(await store.kv.get("user:1:session:1")).toBe("b");
    expect(await store.kv.has("user:1:session:1")).toBe(true);
    await store.kv.delete("user:1:session:1");
    expect(await store.kv.has("user:1:session:1")).toBe(false);
    await store.kv.set("a_b", "1");
    await store.kv.set("axb", "2");
    await store.kv.set("a%c", "3");
    expect(await store.kv.deleteByPrefix("a_")).toBe(1);
    expect(await store.kv.deleteByPrefix("a%")).toBe(1);
    expect(await store.kv.get("axb")).toBe("2");
    await store.kv.set("user:2:conversation:2", "old");
    expect(await store.kv.deleteStale(":conversation:", new Date(Date.now() - 60_000))).toBe(0);
    expect(await store.kv.deleteStale(":conversation:", new Date(Date.now() + 1000))).toBe(1);
    expect(await store.kv.get("axb")).toBe("2");
  });

  test("users: locale and remembered facts, large Telegram ids", async () => {
    const id = 7_123_456_789;
    expect(await store.users.get(id)).toBeUndefined();
    await store.users.setLocale(id, "en");
    await store.users.setRememberedFacts(id, { self_paid_medical_yuan: 4200, city: "淮安" });
    const profile = await store.users.get(id);
    expect(profile).toMatchObject({ userId: id, locale: "en", rememberedFacts: { self_paid_medical_yuan: 4200, city: "淮安" } });
    await store.users.setLocale(id, null);
    expect((await store.users.get(id))?.locale).toBeNull();
  });

  test("issues: replace without duplicates, superseded versions of a file, order and citations", async () => {
    expect(await store.issues.replaceIssue(issue("i1", { articles: 3 }), { sourceFile: "/a.txt", contentHash: "h1" })).toEqual({ replaced: false, superseded: [] });
    expect(await store.issues.replaceIssue(issue("i1", { articles: 2 }), { sourceFile: "/a.txt", contentHash: "h2" })).toEqual({ replaced: true, superseded: [] });
    expect(await store.issues.count()).toEqual({ issues: 1, articles: 2 });
    // The same file now parses to another id: the old version goes.
    expect(await store.issues.replaceIssue(issue("i1b"), { sourceFile: "/a.txt", contentHash: "h3" })).toEqual({ replaced: false, superseded: ["i1"] });
    expect(await store.issues.getIssue("i1")).toBeUndefined();
    await store.issues.replaceIssue(issue("old", { date: "2023-01-01", cn: "CN33-0018" }), { sourceFile: "/b.txt", contentHash: "h4" });
    await store.issues.replaceIssue(issue("undated", { date: null, paper: null, cn: "CN33-0018" }), { sourceFile: "/c.txt", contentHash: "h5" });
    expect((await store.issues.listIssues()).map((i) => i.id)).toEqual(["i1b", "old", "undated"]);
    const stored = await store.issues.getIssue("i1b");
    expect(stored).toMatchObject({ id: "i1b", paper: "浙江工人日报", date: "2024-11-07", number: "12773", sourceFile: "/a.txt", contentHash: "h3", articleCount: 2 });
    // A page printing only the CN number is cited with the paper another issue prints beside it.
    expect((await store.issues.getIssue("undated"))?.paper).toBe("浙江工人日报");
    const article = await store.issues.getArticle("i1b-a1");
    expect(article).toMatchObject({ id: "i1b-a1", issueId: "i1b", seq: 1, title: "标题1", titleMissing: true, issue: { id: "i1b", date: "2024-11-07" } });
    expect((await store.issues.getArticle("i1b-a2"))?.titleMissing).toBeUndefined();
    expect((await store.issues.articlesOf("i1b")).map((a) => a.seq)).toEqual([1, 2]);
    expect((await store.issues.allArticles()).map((a) => a.id)).toEqual(["i1b-a1", "i1b-a2", "old-a1", "old-a2", "undated-a1", "undated-a2"]);
    expect((await store.issues.findByContentHash("h4"))?.id).toBe("old");
    expect(await store.issues.deleteIssue("old")).toBe(true);
    expect(await store.issues.deleteIssue("old")).toBe(false);
    expect(await store.issues.count()).toEqual({ issues: 2, articles: 4 });
  });

  test("issues: a broken article leaves the stored issue as it was", async () => {
    await store.issues.replaceIssue(issue("i1"), { sourceFile: "/a.txt", contentHash: "h1" });
    const broken = issue("i1", { articles: 3 });
    broken.articles[2]!.seq = 1; // duplicate seq violates UNIQUE (issue_id, seq)
    await expect(store.issues.replaceIssue(broken, { sourceFile: "/a.txt", contentHash: "h2" })).rejects.toThrow();
    expect(await store.issues.count()).toEqual({ issues: 1, articles: 2 });
    expect((await store.issues.getIssue("i1"))?.contentHash).toBe("h1");
  });

  test("stations: insert, update, unchanged, sample removal and removing missing ones", async () => {
    expect(await store.stations.upsertMany([station("s1"), station("s2"), station("demo", { sample: true })])).toEqual({
      inserted: 3, updated: 0, unchanged: 0, removedSample: 0, removed: 0,
    });
    expect(await store.stations.count()).toBe(3);
    expect(await store.stations.count({ sample: true })).toBe(1);
    expect(await store.stations.upsertMany([station("s1"), station("s2", { phone: "12351" })], { removeSample: true })).toEqual({
      inserted: 0, updated: 1, unchanged: 1, removedSample: 1, removed: 0,
    });
    expect(await store.stations.get("s2")).toEqual(station("s2", { phone: "12351" }));
    expect(await store.stations.upsertMany([station("s2", { phone: "12351" }), station("s3")], { removeMissing: true })).toEqual({
      inserted: 1, updated: 0, unchanged: 1, removedSample: 0, removed: 1,
    });
    expect((await store.stations.list()).map((s) => s.id)).toEqual(["s2", "s3"]);
    await store.stations.upsertMany([station("demo2", { sample: true })]);
    expect(await store.stations.removeSample()).toBe(1);
  });

  test("content versions move with every change to issues and stations", async () => {
    expect(await store.content.get()).toEqual({ issues: 0, stations: 0 });
    await store.issues.replaceIssue(issue("i1"), { sourceFile: "/a.txt", contentHash: "h1" });
    await store.stations.upsertMany([station("s1")]);
    const after = await store.content.get();
    expect(after.issues).toBeGreaterThan(0);
    expect(after.stations).toBeGreaterThan(0);
    await store.stations.upsertMany([station("s1")]); // nothing changed
    expect((await store.content.get()).stations).toBe(after.stations);
    await store.issues.deleteIssue("i1");
    expect((await store.content.get()).issues).toBeGreaterThan(after.issues);
  });

  test("subscriptions: upsert, status, locale, remove", async () => {
    const chatId = 6_000_000_001;
    const sub = await store.subscriptions.upsert({ chatId, userId: chatId, topics: ["training_jobs"], keywords: ["驿站"], delivery: { kind: "daily", time: "08:00" } });
    expect(sub).toMatchObject({ chatId, userId: chatId, topics: ["training_jobs"], keywords: ["驿站"], delivery: { kind: "daily", time: "08:00" }, status: "active", locale: "zh-CN" });
    expect(await store.subscriptions.setStatus(chatId, "paused")).toBe(true);
    expect(await store.subscriptions.setStatus(1, "paused")).toBe(false);
    expect(await store.subscriptions.countByStatus()).toEqual({ active: 0, paused: 1, inactive: 0 });
    // Upsert keeps what it is not given and makes the subscription active again.
    expect(await store.subscriptions.upsert({ chatId, userId: chatId, region: null })).toMatchObject({ topics: ["training_jobs"], status: "active" });
    await expect(store.subscriptions.upsert({ chatId, userId: chatId, delivery: { kind: "daily", time: "25:00" } })).rejects.toThrow(/HH:MM/);
    expect(await store.subscriptions.setUserLocale(chatId, "en")).toBe(1);
    expect(await store.subscriptions.setUserLocale(chatId, "en")).toBe(0);
    expect(await store.subscriptions.remove(chatId)).toBe(true);
    expect(await store.subscriptions.get(chatId)).toBeUndefined();
  });

  test("outbox: publish once, claim under the lease, send, retry, fail, unconfirmed, status", async () => {
    for (const chatId of [11, 12, 13]) await store.subscriptions.upsert({ chatId, userId: chatId });
    await store.subscriptions.setStatus(13, "paused");
    const input = { issueId: "i1", paper: "浙江工人日报", date: "2024-11-07", number: "12773", items: [{ seq: 1, articleId: "i1-a1", title: "标题", summary: "摘要" }], source: "cli" };
    const published = await store.outbox.publish(input, (subs) => subs.map((s) => ({ chatId: s.chatId, userId: s.userId, locale: s.locale, articles: [1], notBefore: 1000 })));
    expect(published.status).toBe("published");
    if (published.status !== "published") return;
    expect(published.queued).toBe(2);
    expect(published.issue).toMatchObject({ issueId: "i1", subscribersConsidered: 2, queued: 2, items: input.items });
    expect((await store.outbox.publish(input, () => [])).status).toBe("already-published");
    expect(await store.outbox.getPublishedByPubId(published.issue.pubId)).toEqual(published.issue);

    expect(await store.outbox.nextDueAt()).toBe(1000);
    expect(await store.outbox.dueRows(999, 10)).toEqual([]);
    const due = await store.outbox.dueRows(1000, 10);
    expect(due.map((r) => [r.chatId, r.status, r.articles, r.subscriptionStatus])).toEqual([[11, "queued", [1], "active"], [12, "queued", [1], "active"]]);

    // Without the lease nobody claims.
    expect(await store.outbox.claim(due[0]!.id, "run-a", 2000)).toBe(false);
    expect((await store.senderLease.acquireSenderLease(lease("run-a", 2000), () => false)).acquired).toBe(true);
    expect(await store.outbox.claim(due[0]!.id, "run-a", 2000)).toBe(true);
    expect(await store.outbox.claim(due[0]!.id, "run-a", 2000)).toBe(false);
    await store.outbox.markSent(due[0]!.id, 555, 2100);
    expect(await store.outbox.claim(due[1]!.id, "run-a", 2000)).toBe(true);
    await store.outbox.retryLater(due[1]!.id, 5000, "HTTP 502");
    let rows = await store.outbox.outboxRows("i1");
    expect(rows.map((r) => [r.chatId, r.status, r.attempts, r.telegramMessageId])).toEqual([[11, "sent", 1, 555], [12, "queued", 1, null]]);
    expect(await store.outbox.claim(due[1]!.id, "run-a", 6000)).toBe(true);
    // The sender died with the request in flight: a new run marks it unconfirmed, never resends.
    expect((await store.senderLease.acquireSenderLease(lease("run-b", 9000), (holder) => holder.runId === "run-a")).previous?.runId).toBe("run-a");
    expect(await store.outbox.claim(due[1]!.id, "run-a", 9000)).toBe(false);
    expect(await store.outbox.resolveStaleClaims(Number.MAX_SAFE_INTEGER, "run-b")).toBe(1);
    const status = await store.outbox.status(10_000);
    expect(status.outbox).toEqual({ queued: 0, due: 0, sending: 0, sent: 1, failed: 0, unconfirmed: 1 });
    expect(status.subscribers).toEqual({ active: 2, paused: 1, inactive: 0 });
    expect(status.issues).toMatchObject([{ issueId: "i1", sent: 1, unconfirmed: 1, queued: 0 }]);
    expect(await store.outbox.requeueUnconfirmed("i1")).toBe(1);
    await store.outbox.deactivateChat(12, "Forbidden: bot was blocked by the user");
    rows = await store.outbox.outboxRows("i1");
    expect(rows.map((r) => r.status)).toEqual(["sent", "failed"]);
    expect((await store.subscriptions.get(12))?.status).toBe("inactive");
  });

  test("sender lease: one holder at a time, renew, release, take over a stale one", async () => {
    const subs = store.senderLease;
    expect((await subs.acquireSenderLease(lease("a", 1000), () => false)).acquired).toBe(true);
    const refused = await subs.acquireSenderLease(lease("b", 1500, "host-b"), (holder) => 1500 - holder.heartbeatAt > 30_000);
    expect(refused).toMatchObject({ acquired: false, holder: { runId: "a", host: "host-a" } });
    expect(await subs.renewSenderLease("a", 2000)).toBe(true);
    expect(await subs.renewSenderLease("b", 2000)).toBe(false);
    const taken = await subs.acquireSenderLease(lease("b", 40_000, "host-b"), (holder) => 40_000 - holder.heartbeatAt > 30_000);
    expect(taken).toMatchObject({ acquired: true, previous: { runId: "a" } });
    expect(await subs.renewSenderLease("a", 40_001)).toBe(false);
    await subs.releaseSenderLease("a");
    expect((await subs.acquireSenderLease(lease("c", 40_002), () => false)).acquired).toBe(false);
    await subs.releaseSenderLease("b");
    expect((await subs.acquireSenderLease(lease("c", 40_003), () => false)).acquired).toBe(true);
  });

  test("handled updates: a repeated update_id is refused, forgotten ones come back, old ones are pruned", async () => {
    expect(await store.updates.begin(900_000_001, 1000)).toBe(true);
    expect(await store.updates.begin(900_000_001, 1001)).toBe(false);
    await store.updates.forget(900_000_001);
    expect(await store.updates.begin(900_000_001, 5000)).toBe(true);
    expect(await store.updates.begin(2, 2000)).toBe(true);
    expect(await store.updates.prune(3000)).toBe(1);
    expect(await store.updates.begin(2, 6000)).toBe(true);
  });

  test("transaction: everything commits together, or nothing when it throws", async () => {
    await store.transaction(async (tx) => {
      await tx.kv.set("k1", "v1");
      await tx.users.setLocale(1, "en");
    });
    expect(await store.kv.get("k1")).toBe("v1");
    await expect(
      store.transaction(async (tx) => {
        await tx.kv.set("k2", "v2");
        await tx.users.setLocale(2, "en");
        await tx.subscriptions.upsert({ chatId: 2, userId: 2 });
        throw new Error("stop halfway");
      }),
    ).rejects.toThrow("stop halfway");
    expect(await store.kv.get("k2")).toBeUndefined();
    expect(await store.users.get(2)).toBeUndefined();
    expect(await store.subscriptions.get(2)).toBeUndefined();
  });

  test("transaction: writes made outside it while it waits are neither lost nor rolled back with it", async () => {
    let inside!: () => void;
    const entered = new Promise<void>((resolve) => (inside = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const tx = store.transaction(async (t) => {
      await t.kv.set("tx", "1");
      inside();
      await gate;
      throw new Error("rolled back");
    });
    await entered;
    const outside = store.kv.set("outside", "kept");
    release();
    await expect(tx).rejects.toThrow("rolled back");
    await outside;
    expect(await store.kv.get("outside")).toBe("kept");
    expect(await store.kv.get("tx")).toBeUndefined();
  });

  test("erasing a user removes profile, subscription, digests and sessions, nobody else's", async () => {
    const me = 7;
    await store.users.setRememberedFacts(me, { diagnosis: "x" });
    await store.users.setLocale(8, "en");
    await store.subscriptions.upsert({ chatId: me, userId: me });
    await store.subscriptions.upsert({ chatId: 8, userId: 8 });
    await store.outbox.publish(
      { issueId: "i1", paper: null, date: null, number: null, items: [], source: "cli" },
      (subs) => subs.map((s) => ({ chatId: s.chatId, userId: s.userId, locale: "zh-CN", articles: [1], notBefore: 0 })),
    );
    await store.kv.set(`user:${me}:session:${me}`, "{}");
    await store.kv.set(`user:${me}:conversation:${me}`, "{}");
    await store.kv.set("user:70:session:70", "keep");
    await store.eraseUser(me);
    expect(await store.users.get(me)).toBeUndefined();
    expect(await store.subscriptions.get(me)).toBeUndefined();
    expect((await store.outbox.outboxRows("i1")).map((r) => r.chatId)).toEqual([8]);
    expect(await store.kv.get(`user:${me}:session:${me}`)).toBeUndefined();
    expect(await store.kv.get(`user:${me}:conversation:${me}`)).toBeUndefined();
    expect(await store.kv.get("user:70:session:70")).toBe("keep");
    expect((await store.users.get(8))?.locale).toBe("en");
  });

  test("withLock runs holders of one key one at a time, other keys meanwhile", async () => {
    const events: string[] = [];
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstEntered!: () => void;
    const entered = new Promise<void>((resolve) => (firstEntered = resolve));
    const first = store.withLock("chat:1", async () => {
      events.push("first in");
      firstEntered();
      await firstHeld;
      events.push("first out");
    });
    await entered;
    const second = store.withLock("chat:1", async () => void events.push("second in"));
    const other = store.withLock("chat:2", async () => void events.push("other key"));
    await other;
    expect(events).toEqual(["first in", "other key"]);
    releaseFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(["first in", "other key", "first out", "second in"]);
    await expect(store.withLock("chat:1", async () => Promise.reject(new Error("handler failed")))).rejects.toThrow("handler failed");
    expect(await store.withLock("chat:1", async () => "still usable")).toBe("still usable");
  });

  test("ping answers while the database is reachable", async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
});
