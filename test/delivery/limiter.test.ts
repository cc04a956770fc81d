import { describe, expect, it } from "vitest";
import { ChatSpacing, RateLimiter } from "../../src/delivery/limiter.js";

/** A virtual clock: wait() advances time instead of sleeping. */
function clock() {
  let t = 1_000_000;
  return { now: () => t, wait: async (ms: number) => void (t += Math.max(1, ms)) };
}

describe("rate limiter", () => {
  it("never lets more than `rate` requests arrive in any second, however the network delays them", async () => {
    let t = 1_000_000;
    const answers: { at: number; done: () => void }[] = [];
    // Answers are seen by the sender when the clock passes their time.
    const deliverAnswers = () => {
      for (const a of answers.filter((x) => x.at <= t)) a.done();
      answers.splice(0, answers.length, ...answers.filter((x) => x.at > t));
    };
    const limiter = new RateLimiter(30, () => t, async (ms) => {
      t += Math.max(1, ms);
      deliverAnswers();
    });
    let seed = 7;
    const delay = () => (seed = (seed * 48271) % 2147483647) % 25; // 0-24 ms each way
    const arrivals: number[] = [];
    for (let i = 0; i < 300; i++) {
      const done = (await limiter.take())!;
      const arrival = t + delay();
      arrivals.push(arrival);
      answers.push({ at: arrival + delay(), done });
    }
    arrivals.sort((a, b) => a - b);
    const worst = Math.max(...arrivals.map((start) => arrivals.filter((a) => a >= start && a < start + 1000).length));
    expect(worst).toBeLessThanOrEqual(30);
    // ...and still close to the limit: 300 sends take 10 windows of a second plus about a round trip each.
    expect(t - 1_000_000).toBeLessThan(10 * (1005 + 50));
  });

  it("waits out a pause (429 retry_after) and does not burst afterwards", async () => {
    const c = clock();
    const limiter = new RateLimiter(30, c.now, c.wait);
    (await limiter.take())!();
    limiter.pauseUntil(c.now() + 3000);
    const before = c.now();
    (await limiter.take())!();
    expect(c.now() - before).toBeGreaterThanOrEqual(3000);
    const t0 = c.now();
    (await limiter.take())!();
    expect(c.now() - t0).toBeGreaterThanOrEqual(16);
  });

  it("spaces messages to one chat", () => {
    const c = clock();
    const spacing = new ChatSpacing(1000, c.now);
    spacing.record(5);
    expect(spacing.readyAt(5)).toBe(c.now() + 1000);
    expect(spacing.readyAt(6)).toBe(0);
  });
});
