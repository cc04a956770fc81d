import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { serveProbe } from "../../src/bot/run/probes.js";
import { everyInterval, JobSupervisor, type Sleep } from "../../src/app/supervise.js";
import { ERROR, INFO, recordingLogger } from "../support/recording-logger.js";

/** An injected clock: sleeping advances it at once and records the pause. */
function fakeClock() {
  let now = 1_000_000;
  const pauses: number[] = [];
  const sleep: Sleep = async (ms) => {
    pauses.push(ms);
    now += ms;
    await Promise.resolve();
  };
  return { now: () => now, sleep, pauses };
}

const locked = () => Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });

describe("background jobs under the supervisor", () => {
  it("a job failing with 'database is locked' is restarted with growing pauses, logged once per outage, and reported down meanwhile", async () => {
    const clock = fakeClock();
    const { logger, lines } = recordingLogger();
    const jobs = new JobSupervisor({ logger, now: clock.now, sleep: clock.sleep, backoffBaseMs: 100, backoffMaxMs: 1_000 });
    const health: boolean[] = [];
    let attempts = 0;
    let recovered!: () => void;
    const done = new Promise<void>((resolve) => (recovered = resolve));
    const stop = jobs.start("digest-sender", async ({ signal, healthy }) => {
      attempts++;
      health.push(jobs.health().ok);
      if (attempts <= 5) throw locked();
      healthy();
      recovered();
      await new Promise((resolve) => signal.addEventListener("abort", resolve));
    });
    await done;
    // Down from the first failure until it worked again; up afterwards.
    expect(health).toEqual([true, false, false, false, false, false]);
    expect(jobs.health()).toMatchObject({ ok: true, jobs: [{ name: "digest-sender", state: "running", failures: 0, restarts: 5 }] });
    expect(clock.pauses).toEqual([100, 200, 400, 800, 1_000]);
    const errors = lines.filter((l) => l.level === ERROR);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ job: "digest-sender", msg: expect.stringMatching(/restarting/) });
    expect(lines.filter((l) => l.level === INFO && /recovered/.test(l.msg))).toEqual([expect.objectContaining({ failures: 5, downMs: 2_500 })]);
    await stop();
    expect(jobs.health().jobs).toEqual([]);
  });

  it("/healthz's report names a job that is down and its error", async () => {
    const clock = fakeClock();
    const { logger } = recordingLogger();
    // The pause never ends on its own: the job stays down until stopped.
    const jobs = new JobSupervisor({ logger, now: clock.now, sleep: (_ms, signal) => new Promise((r) => signal.addEventListener("abort", () => r())) });
    jobs.start("inbox", async () => {
      throw locked();
    });
    jobs.start("conversation-sweep", everyInterval(async () => undefined, 60_000, (_ms, signal) => new Promise((r) => signal.addEventListener("abort", () => r()))));
    await new Promise((resolve) => setImmediate(resolve));
    const report = jobs.health();
    expect(report.ok).toBe(false);
    expect(report.jobs).toEqual([
      expect.objectContaining({ name: "inbox", state: "retrying", failures: 1, lastError: "database is locked" }),
      expect.objectContaining({ name: "conversation-sweep", state: "running" }),
    ]);
    await jobs.stop();
    expect(jobs.health()).toEqual({ ok: true, jobs: [] });
  });

  it("GET /healthz answers 503 naming the job that is down, and 200 again once it recovered", async () => {
    const { logger } = recordingLogger();
    let release!: () => void;
    const pause = new Promise<void>((resolve) => (release = resolve));
    const jobs = new JobSupervisor({ logger, sleep: () => pause });
    let attempts = 0;
    jobs.start("inbox", async ({ signal, healthy }) => {
      if (++attempts === 1) throw locked();
      healthy();
      await new Promise((resolve) => signal.addEventListener("abort", resolve));
    });
    const server = http.createServer((req, res) => void serveProbe(new URL(req.url!, "http://x").pathname, res, { jobs }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
    try {
      const down = await fetch(url);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ ok: false, jobs: [{ name: "inbox", lastError: "database is locked" }] });
      release();
      await new Promise((resolve) => setImmediate(resolve));
      const up = await fetch(url);
      expect([up.status, await up.text()]).toEqual([200, "ok"]);
    } finally {
      await jobs.stop();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("a periodic job whose tick fails is retried sooner than its interval", async () => {
    const clock = fakeClock();
    const { logger } = recordingLogger();
    const jobs = new JobSupervisor({ logger, now: clock.now, sleep: clock.sleep, backoffBaseMs: 1_000 });
    let ticks = 0;
    let stopTicking!: () => void;
    const twice = new Promise<void>((resolve) => (stopTicking = resolve));
    jobs.start(
      "conversation-sweep",
      everyInterval(
        async () => {
          ticks++;
          if (ticks === 1) throw locked();
          if (ticks === 3) stopTicking();
        },
        300_000,
        clock.sleep,
      ),
    );
    await twice;
    await jobs.stop();
    // Failed tick → 1 s backoff → tick → the usual 5 min interval → tick.
    expect(clock.pauses.slice(0, 2)).toEqual([1_000, 300_000]);
  });
});
