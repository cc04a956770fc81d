/**
 * Pacing for Telegram's limits: a global rate (about 30 messages/s) and a minimum gap per chat (1/s).
 *
 * The global limiter never lets more than `rate` sends into any sliding second (plus a margin) and spaces
 * them out (no burst after a pause). `pauseUntil` stops everything, e.g. for a 429's retry_after.
 */

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });

export class RateLimiter {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly minGapMs: number;
  /** Dispatch times of the last `limit` sends (ring buffer). */
  private readonly recent: number[] = [];
  private pausedUntil = 0;

  /**
   * At most `ratePerSecond` sends in any window of 1000 + `windowMarginMs` ms, measured on the actual
   * dispatch times (a late timer does not let later sends crowd the window), and at least half the
   * average gap between two sends (no burst after a pause). The margin absorbs network jitter: requests
   * may arrive a little closer together than they left.
   */
  constructor(
    ratePerSecond: number,
    private readonly now: () => number = Date.now,
    private readonly wait: Sleep = sleep,
    windowMarginMs = 30,
  ) {
    if (!(ratePerSecond > 0)) throw new Error(`rate must be positive, got ${ratePerSecond}`);
    // Fractional rates (e.g. 0.5/s) become one send per 1/rate seconds.
    this.limit = Math.max(1, Math.floor(ratePerSecond));
    this.windowMs = (1000 * this.limit) / ratePerSecond + windowMarginMs;
    this.minGapMs = this.windowMs / this.limit / 2;
  }

  /** Stops handing out slots until `until` (epoch ms). */
  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  get pausedUntilMs(): number {
    return this.pausedUntil;
  }

  private nextAllowed(): number {
    const last = this.recent.at(-1);
    const byGap = last === undefined ? 0 : last + this.minGapMs;
    const byWindow = this.recent.length < this.limit ? 0 : this.recent[this.recent.length - this.limit] + this.windowMs;
    return Math.max(byGap, byWindow, this.pausedUntil);
  }

  /** Waits for the next send slot; resolves early (returning false) when the signal aborts. */
  async take(signal?: AbortSignal): Promise<boolean> {
    for (;;) {
      if (signal?.aborted) return false;
      const now = this.now();
      const allowed = this.nextAllowed();
      if (allowed <= now) {
        this.recent.push(now);
        if (this.recent.length > this.limit) this.recent.shift();
        return true;
      }
      await this.wait(allowed - now, signal);
    }
  }
}

/** Minimum gap between two messages to the same chat. Remembers recent chats only. */
export class ChatSpacing {
  private readonly last = new Map<number, number>();

  constructor(
    private readonly gapMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Epoch ms from which the chat may get its next message. */
  readyAt(chatId: number): number {
    const last = this.last.get(chatId);
    return last === undefined ? 0 : last + this.gapMs;
  }

  record(chatId: number, at: number = this.now()): void {
    this.last.set(chatId, at);
    if (this.last.size > 50_000) {
      const cutoff = at - this.gapMs;
      for (const [chat, when] of this.last) if (when < cutoff) this.last.delete(chat);
    }
  }
}
