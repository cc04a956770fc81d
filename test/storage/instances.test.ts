/**
 * What lets several processes share one database, seen from one process: the search follows content
 * another process stored, /healthz reports the database, /metrics counts what members notice.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { serveProbe } from "../../src/bot/run/probes.js";
import { ContentWatcher } from "../../src/knowledge/content-watch.js";
import { StationDirectory } from "../../src/knowledge/stations/service.js";
import { Metrics } from "../../src/metrics.js";
import { openStore } from "../../src/storage/open.js";
import type { Store } from "../../src/storage/store.js";
import { station } from "../knowledge/stations/helpers.js";

const DATA_DIR = path.resolve(import.meta.dirname, "../../data");

let store: Store | undefined;
let server: http.Server | undefined;
afterEach(async () => {
  await store?.close();
  if (server) await new Promise((resolve) => server!.close(resolve));
  store = undefined;
  server = undefined;
});

describe("content changed by another process", () => {
  it("stations: a directory sees another process's import at its next version check, not before", async () => {
    store = await openStore("sqlite::memory:");
    const other = store; // another process writing the same database
    await other.stations.upsertMany([station({ id: "a", lat: 30.2, lon: 120.1 })]);
    let now = 1_000_000;
    const directory = new StationDirectory({
      repo: store.stations,
      dataDir: DATA_DIR,
      clock: () => now,
      version: async () => (await store!.content.get()).stations,
      versionCheckMs: 2000,
    });
    expect((await directory.finder()).size).toBe(1);
    await other.stations.upsertMany([station({ id: "b", lat: 30.3, lon: 120.2 })]);
    now += 1000;
    expect((await directory.finder()).size).toBe(1);
    now += 1500;
    expect((await directory.finder()).size).toBe(2);
  });

  it("issues: the watcher rebuilds the search once per change of the stored issues", async () => {
    store = await openStore("sqlite::memory:");
    let rebuilt = 0;
    const watcher = new ContentWatcher({ content: store.content, reindex: async () => void rebuilt++ });
    await watcher.start();
    await watcher.stop(); // polled by hand below
    expect(await watcher.check()).toBe(false);
    await store.issues.replaceIssue(
      { issue: { id: "i", paper: null, date: "2026-12-01", number: null }, articles: [] },
      { sourceFile: "/x.md", contentHash: "h" },
    );
    expect(await watcher.check()).toBe(true);
    expect(await watcher.check()).toBe(false);
    expect(rebuilt).toBe(1);
  });
});

async function serve(handler: http.RequestListener): Promise<string> {
  server = http.createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("probes", () => {
  it("/healthz: 200 while the database answers, 503 naming the database when it does not", async () => {
    let down = false;
    const database = { ping: async () => (down ? Promise.reject(new Error("connection refused")) : undefined) };
    const base = await serve((req, res) => void serveProbe(new URL(req.url!, "http://x").pathname, res, { database }));
    const ok = await fetch(`${base}/healthz`);
    expect([ok.status, await ok.text()]).toEqual([200, "ok"]);
    down = true;
    const failing = await fetch(`${base}/healthz`);
    expect(failing.status).toBe(503);
    expect(await failing.json()).toEqual({ ok: false, database: "connection refused" });
  });

  it("/metrics: Prometheus text with updates, answers by confidence, the digest queue by state and send errors", async () => {
    store = await openStore("sqlite::memory:");
    await store.subscriptions.upsert({ chatId: 1, userId: 1 });
    await store.outbox.publish({ issueId: "i", paper: null, date: null, number: null, items: [], source: "cli" }, (subs) =>
      subs.map((s) => ({ chatId: s.chatId, userId: s.userId, locale: "zh-CN", articles: [1], notBefore: 0 })),
    );
    const metrics = new Metrics({ outbox: store.outbox });
    metrics.updates.inc({ outcome: "handled" });
    metrics.countAnswer({ found: false, confidence: "related" });
    metrics.countAnswer({ found: true });
    metrics.sendErrors.inc({ kind: "rate-limited" });
    const base = await serve((req, res) => void serveProbe(new URL(req.url!, "http://x").pathname, res, { metrics }));
    const response = await fetch(`${base}/metrics`);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const body = await response.text();
    expect(body).toContain('niangjia_updates_total{outcome="handled"} 1');
    expect(body).toContain('niangjia_updates_total{outcome="duplicate"} 0');
    expect(body).toContain('niangjia_answers_total{confidence="related"} 1');
    expect(body).toContain('niangjia_answers_total{confidence="answer"} 1');
    expect(body).toContain('niangjia_answers_total{confidence="none"} 0');
    expect(body).toContain('niangjia_digest_queue{state="queued"} 1');
    expect(body).toContain('niangjia_digest_queue{state="sent"} 0');
    expect(body).toContain('niangjia_digest_send_errors_total{kind="rate-limited"} 1');
  });
});
