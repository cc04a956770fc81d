/**
 * A clock the test moves by hand, for code that takes `now` and `sleep` (the digest sender): time passes
 * only in advance(), so a test never waits for real time and never depends on how busy the machine is.
 */
import type { Sleep } from "../../src/delivery/limiter.js";

interface Timer {
  at: number;
  wake: () => void;
}

/** Lets pending promise callbacks and I/O run (no time passes on the clock). */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

export class ManualClock {
  private timers: Timer[] = [];

  constructor(private time = Date.now()) {}

  readonly now = (): number => this.time;

  readonly sleep: Sleep = (ms, signal) =>
    new Promise<void>((resolve) => {
      if (ms <= 0 || signal?.aborted) return resolve();
      const timer: Timer = { at: this.time + ms, wake: () => done() };
      const done = () => {
        this.timers = this.timers.filter((t) => t !== timer);
        signal?.removeEventListener("abort", done);
        resolve();
      };
      this.timers.push(timer);
      signal?.addEventListener("abort", done, { once: true });
    });

  /** Moves time forward by `ms`, waking each sleeper at its time, in order. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await settle();
      const next = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.time = Math.max(this.time, next.at);
      next.wake();
    }
    this.time = end;
    await settle();
  }

  /** Advances in `stepMs` steps until `promise` settles; fails after `limitMs` of clock time. */
  async until<T>(promise: Promise<T>, limitMs: number, stepMs = 10): Promise<T> {
    let done = false;
    const watched = promise.finally(() => (done = true));
    const start = this.time;
    while (!done) {
      if (this.time - start > limitMs) throw new Error(`still running after ${limitMs} ms of clock time`);
      await this.advance(stepMs);
    }
    return watched;
  }
}
