/**
 * The durable digest sender: works through the outbox at Telegram's pace and marks a row sent only after
 * Telegram accepted it. Delivery semantics (why a row is sent at most once): see src/delivery/README.md.
 *
 * Per row: compose -> wait for a global slot -> claim (queued -> sending, committed) -> sendMessage ->
 * sent | queued again (429, 5xx, network) | failed (other 4xx) | subscriber inactive (403); what a refusal
 * means for the row is failures.ts.
 */
import os from "node:os";
import crypto from "node:crypto";
import type { Api } from "grammy";
import type { Logger } from "../logger.js";
import { silentLogger } from "../logger.js";
import type { DueOutboxRow } from "../knowledge/digest/types.js";
import type { OutboxRepository, SenderLeaseRepository } from "../knowledge/digest/repositories.js";
import { composeDigest, type DigestIssueInfo } from "../knowledge/digest/compose.js";
import { SendFailures, type SendErrorKind, type SenderCounters } from "./failures.js";
import { LeaseHeartbeat, SenderLeaseError, takeSenderLease } from "./lease.js";
import { ChatSpacing, RateLimiter, sleep, type Sleep } from "./limiter.js";
import { afterQuietHours, inQuietHours } from "./schedule.js";

export { SenderLeaseError };

export type MessageApi = Pick<Api, "sendMessage">;

export interface SenderOptions {
  /** The outbox it works through and the lease that makes it the only sender (a Store has both). */
  store: { outbox: OutboxRepository; senderLease: SenderLeaseRepository };
  api: MessageApi;
  logger?: Logger;
  /** Messages per second over all chats (Telegram: about 30). */
  ratePerSecond?: number;
  /** Minimum gap between two messages to one chat (Telegram: about 1 s). */
  perChatGapMs?: number;
  /** Requests in flight at once (needed to reach the rate when Telegram answers in ~100 ms). */
  concurrency?: number;
  /** Attempts before a row fails for good (network errors, 5xx). */
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** How often to look for new rows when idle (another process may publish). */
  pollIntervalMs?: number;
  batchSize?: number;
  /** How often the lease heartbeat is renewed, on its own timer (the loop may wait in a 429 pause). */
  heartbeatMs?: number;
  /** A lease whose heartbeat is older than this is taken over even if its process seems alive. */
  leaseStaleMs?: number;
  /** untilIdle mode: rows due later than this from now are left for a later run. */
  idleHorizonMs?: number;
  /** The sender's clock, with `sleep`: every wait (rate limit, retry_after, idle polls, heartbeat) uses it. */
  now?: () => number;
  sleep?: Sleep;
  /** Called for every send Telegram or the network refused (metrics). */
  onSendError?: (kind: SendErrorKind) => void;
}

export class DigestSender {
  readonly runId = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString("hex")}`;
  readonly counters: SenderCounters = { sent: 0, retried: 0, rateLimited: 0, failed: 0, deactivated: 0, deferred: 0, unconfirmedOnStart: 0 };

  private readonly repo: OutboxRepository;
  private readonly lease: SenderLeaseRepository;
  private readonly api: MessageApi;
  private readonly logger: Logger;
  private readonly now: () => number;
  private readonly sleep: Sleep;
  private readonly limiter: RateLimiter;
  private readonly spacing: ChatSpacing;
  private readonly concurrency: number;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly heartbeatMs: number;
  private readonly leaseStaleMs: number;
  private readonly idleHorizonMs: number;
  private readonly leaseRetryMs = 15_000;

  private readonly inFlight = new Set<Promise<void>>();
  private readonly issues = new Map<number, DigestIssueInfo | null>();
  private stopController = new AbortController();
  private wakeController = new AbortController();
  private running: Promise<void> | undefined;
  private readonly failures: SendFailures;
  private readonly heartbeat: LeaseHeartbeat;

  constructor(options: SenderOptions) {
    this.repo = options.store.outbox;
    this.lease = options.store.senderLease;
    this.api = options.api;
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? sleep;
    this.limiter = new RateLimiter(options.ratePerSecond ?? 30, this.now, this.sleep);
    this.spacing = new ChatSpacing(options.perChatGapMs ?? 1050, this.now);
    this.failures = new SendFailures({
      repo: this.repo,
      limiter: this.limiter,
      logger: this.logger,
      now: this.now,
      counters: this.counters,
      maxAttempts: options.maxAttempts ?? 8,
      backoffBaseMs: options.backoffBaseMs ?? 2_000,
      backoffMaxMs: options.backoffMaxMs ?? 10 * 60_000,
      onSendError: options.onSendError,
    });
    this.concurrency = Math.max(1, options.concurrency ?? 8);
    this.pollIntervalMs = options.pollIntervalMs ?? 2_000;
    this.batchSize = options.batchSize ?? 200;
    this.heartbeatMs = options.heartbeatMs ?? 5_000;
    this.leaseStaleMs = options.leaseStaleMs ?? 60_000;
    this.idleHorizonMs = options.idleHorizonMs ?? 60_000;
    // Lost lease: no new claims (waits in progress end at once); answers in flight are still recorded.
    this.heartbeat = new LeaseHeartbeat(this.lease, this.runId, {
      intervalMs: this.heartbeatMs,
      staleMs: this.leaseStaleMs,
      now: this.now,
      sleep: this.sleep,
      logger: this.logger,
      onLost: () => this.stopController.abort(),
    });
  }

  /**
   * Takes the sender lease (one sender per database) and resolves what a dead predecessor left `sending`.
   * Throws SenderLeaseError when a live sender holds it.
   */
  async acquire(): Promise<void> {
    const { unconfirmed, previous } = await takeSenderLease({ outbox: this.repo, senderLease: this.lease }, this.runId, this.now(), this.leaseStaleMs);
    this.counters.unconfirmedOnStart += unconfirmed;
    if (unconfirmed > 0) {
      this.logger.warn({ unconfirmed, previous }, "digest rows were in flight when the previous sender stopped; marked unconfirmed, not resent");
    }
  }


  /**
   * Starts the loop in the background. `untilIdle`: stop once nothing is in flight and no queued row is due
   * within `idleHorizonMs` (rows waiting for quiet hours to end or for the daily time stay queued).
   * `waitForLease`: when another sender holds the lease, wait for it instead of failing with SenderLeaseError.
   */
  start(options: { untilIdle?: boolean; waitForLease?: boolean; onCycle?: () => void } = {}): Promise<void> {
    if (!this.running) {
      this.stopController = new AbortController();
      this.running = this.loop(options.untilIdle ?? false, options.waitForLease ?? false, options.onCycle).finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  /**
   * The sender as a supervised background job (src/app/supervise.ts): runs until `signal` aborts, waiting
   * for the lease when another sender holds it; reports each completed loop pass as healthy. When the loop
   * fails (a database busy for longer than the writes wait) it throws, and the supervisor restarts it.
   */
  async run({ signal, healthy }: { signal: AbortSignal; healthy(): void }): Promise<void> {
    const stop = () => void this.stop();
    signal.addEventListener("abort", stop, { once: true });
    try {
      await this.start({ waitForLease: true, onCycle: healthy });
    } finally {
      signal.removeEventListener("abort", stop);
    }
  }

  /** Sends everything due now, then returns (tests, `--until-empty`). */
  async runUntilIdle(): Promise<void> {
    await this.start({ untilIdle: true });
  }

  /** New rows were queued: look now instead of at the next poll. */
  wake(): void {
    this.wakeController.abort();
  }

  /** Graceful stop: no new claims, waits for requests in flight to be answered and recorded. */
  async stop(): Promise<void> {
    this.stopController.abort();
    this.wake();
    await this.running;
  }

  private get stopping(): boolean {
    return this.stopController.signal.aborted;
  }

  private async loop(untilIdle: boolean, waitForLease: boolean, onCycle?: () => void): Promise<void> {
    for (;;) {
      try {
        await this.acquire();
        break;
      } catch (error) {
        if (!(error instanceof SenderLeaseError) || !waitForLease) throw error;
        this.logger.warn(`${error.message}; waiting for it to stop`);
        await this.idle(this.leaseRetryMs);
        if (this.stopping) return;
      }
    }
    this.heartbeat.start();
    try {
      while (!this.stopping) {
        // Before each batch of claims: a sender that lost the lease (e.g. frozen past leaseStaleMs) stops.
        if (!(await this.heartbeat.check())) break;
        const rows = await this.repo.dueRows(this.now(), this.batchSize);
        onCycle?.();
        let dispatched = 0;
        let earliestChatReady = Infinity;
        for (const row of rows) {
          if (this.stopping) break;
          const outcome = await this.consider(row);
          if (outcome === "dispatched") dispatched++;
          else if (typeof outcome === "number") earliestChatReady = Math.min(earliestChatReady, outcome);
        }
        if (dispatched > 0) continue;
        if (rows.length > 0 && earliestChatReady < Infinity) {
          await this.idle(earliestChatReady - this.now());
          continue;
        }
        if (rows.length > 0) continue;
        if (untilIdle) {
          await this.settle();
          const nextDue = await this.repo.nextDueAt();
          if (nextDue === undefined || nextDue > this.now() + this.idleHorizonMs) break;
          await this.idle(nextDue - this.now());
          continue;
        }
        const nextDue = await this.repo.nextDueAt();
        const wait = nextDue === undefined ? this.pollIntervalMs : Math.min(this.pollIntervalMs, nextDue - this.now());
        await this.idle(Math.max(wait, 50));
      }
    } finally {
      // The heartbeat goes on while answers in flight are awaited, so nobody marks them unconfirmed meanwhile.
      await this.settle();
      this.heartbeat.stop();
      await this.lease.releaseSenderLease(this.runId);
    }
  }

  private async idle(ms: number): Promise<void> {
    if (ms <= 0) return;
    this.wakeController = new AbortController();
    await this.sleep(ms, AbortSignal.any([this.wakeController.signal, this.stopController.signal]));
  }

  private async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Returns "dispatched", "skipped", or the epoch ms at which the row's chat may get a message. */
  private async consider(row: DueOutboxRow): Promise<"dispatched" | "skipped" | number> {
    if (row.subscriptionStatus !== "active") {
      // Inactive (blocked the bot) or gone (unsubscribed, /forget): never send.
      await this.repo.markFailed(row.id, row.subscriptionStatus === "inactive" ? "subscriber inactive" : "no subscription any more");
      return "skipped";
    }
    const now = this.now();
    if (inQuietHours(now, row.quietHours, row.timeZone)) {
      await this.repo.defer(row.id, afterQuietHours(now, row.quietHours, row.timeZone));
      this.counters.deferred++;
      return "skipped";
    }
    const chatReady = this.spacing.readyAt(row.chatId);
    if (chatReady > now) return chatReady;

    const issue = await this.issueInfo(row.pubId);
    const digest = issue ? composeDigest(issue, row.articles, row.locale) : undefined;
    if (!digest) {
      await this.repo.markFailed(row.id, "nothing to send: the issue or its articles are gone");
      return "skipped";
    }
    const replyMarkup = { inline_keyboard: digest.buttons.map((b) => [{ text: b.label, callback_data: b.data }]) };

    while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight);
    const slotDone = await this.limiter.take(this.stopController.signal);
    if (!slotDone) return "skipped";
    // The claim is committed before the request leaves: if we die from here on, the row stays `sending`
    // and the next sender marks it unconfirmed instead of sending it again.
    if (!(await this.repo.claim(row.id, this.runId, this.now()))) {
      slotDone();
      // Refused: another sender claimed the row, or this one no longer holds the lease (then it stops).
      await this.heartbeat.check();
      return "skipped";
    }
    this.spacing.record(row.chatId);
    const request = this.api
      .sendMessage(row.chatId, digest.html, {
        parse_mode: "HTML",
        reply_markup: replyMarkup,
        link_preview_options: { is_disabled: true },
      })
      .finally(slotDone)
      .then(
        (message) => this.onSent(row, message.message_id),
        (error: unknown) => this.failures.failed(row, error),
      )
      .catch((error: unknown) => this.logger.error({ err: error, row: row.id }, "digest outbox update failed"));
    const tracked = request.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
    return "dispatched";
  }

  private async issueInfo(pubId: number): Promise<DigestIssueInfo | null> {
    if (!this.issues.has(pubId)) {
      const issue = await this.repo.getPublishedByPubId(pubId);
      this.issues.set(pubId, issue ?? null);
    }
    return this.issues.get(pubId) ?? null;
  }

  private async onSent(row: DueOutboxRow, messageId: number): Promise<void> {
    await this.repo.markSent(row.id, messageId, this.now());
    this.counters.sent++;
    this.failures.succeeded();
  }
}
