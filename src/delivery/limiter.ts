/**
 * Pacing for Telegram's limits: a global rate (about 30 messages/s) and a minimum gap per chat (1/s).
 *
 * The global limiter never lets more than `rate` requests reach Telegram in any sliding second and spaces
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

interface SendRecord {
  at: number;
  /** When the answer came back (undefined: still in flight). */
  doneAt: number | undefined;
}

/** Call when Telegram's answer (any answer) has arrived. */
export type SlotDone = () => void;

export class RateLimiter {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly minGapMs: number;
  /** The last `limit` sends. */
  private readonly recent: SendRecord[] = [];
  private pausedUntil = 0;

  /**
   * At most `ratePerSecond` requests reach Telegram in any window of 1000 + `windowMarginMs` ms, whatever
   * the network jitter: a request arrives somewhere between leaving and its answer, so a new send waits
   * until one window after the *answer* to the send `limit` places before it. Costs one round trip per
   * `limit` sends. Sends are also spaced by 80 % of the average gap (no burst after a pause).
   */
  constructor(
    ratePerSecond: number,
    private readonly now: () => number = Date.now,
    private readonly wait: Sleep = sleep,
    windowMarginMs = 5,
  ) {
    if (!(ratePerSecond > 0)) throw new Error(`rate must be positive, got ${ratePerSecond}`);
    // Fractional rates (e.g. 0.5/s) become one send per 1/rate seconds.
    this.limit = Math.max(1, Math.floor(ratePerSecond));
    this.windowMs = (1000 * this.limit) / ratePerSecond + windowMarginMs;
    // Smooth rather than bursty: at least 80 % of the average gap between two sends.
    this.minGapMs = (0.8 * this.windowMs) / this.limit;
  }

  /** Stops handing out slots until `until` (epoch ms). */
  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  get pausedUntilMs(): number {
    return this.pausedUntil;
  }

  /** Epoch ms of the next slot, or undefined while it depends on an answer still in flight. */
  private nextAllowed(): number | undefined {
    const last = this.recent.at(-1);
    const byGap = last === undefined ? 0 : last.at + this.minGapMs;
    let byWindow = 0;
    if (this.recent.length >= this.limit) {
      const oldest = this.recent[this.recent.length - this.limit];
      if (oldest.doneAt === undefined) return undefined;
      byWindow = oldest.doneAt + this.windowMs;
    }
    return Math.max(byGap, byWindow, this.pausedUntil);
  }

  /**
   * Waits for the next send slot. Returns the function to call when the request's answer arrives, or
   * undefined when the signal aborted.
   */
  async take(signal?: AbortSignal): Promise<SlotDone | undefined> {
    for (;;) {
      if (signal?.aborted) return undefined;
      const now = this.now();
      const allowed = this.nextAllowed();
      if (allowed !== undefined && allowed <= now) {
        const record: SendRecord = { at: now, doneAt: undefined };
        this.recent.push(record);
        if (this.recent.length > this.limit) this.recent.shift();
        return () => {
          record.doneAt ??= this.now();
        };
      }
      await this.wait(allowed === undefined ? 5 : allowed - now, signal);
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
