/**
 * What the sender does with a digest Telegram (or the network) refused: wait out a 429 for everybody,
 * stop sending to a member who cannot be reached, give up on a message Telegram will never accept, or
 * retry with exponential backoff (several failures in a row also slow the whole sender).
 */
import type { DueOutboxRow } from "../knowledge/digest/types.js";
import type { OutboxRepository } from "../knowledge/digest/repositories.js";
import type { Logger } from "../logger.js";
import { classifySendError, type SendFailure } from "./errors.js";
import type { RateLimiter } from "./limiter.js";

export type SendErrorKind = SendFailure["kind"];

export interface SenderCounters {
  sent: number;
  retried: number;
  rateLimited: number;
  failed: number;
  deactivated: number;
  deferred: number;
  unconfirmedOnStart: number;
}

export interface SendFailureOptions {
  repo: OutboxRepository;
  limiter: RateLimiter;
  logger: Logger;
  now: () => number;
  counters: SenderCounters;
  /** Attempts before a row fails for good (network errors, 5xx). */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  onSendError?: (kind: SendErrorKind) => void;
}

export class SendFailures {
  private consecutiveErrors = 0;

  constructor(private readonly options: SendFailureOptions) {}

  /** A send went through: the run of failures is over. */
  succeeded(): void {
    this.consecutiveErrors = 0;
  }

  /** Records what Telegram's refusal means for the row: wait and retry, stop sending to the chat, or give up. */
  async failed(row: DueOutboxRow, error: unknown): Promise<void> {
    const { repo, limiter, logger, counters, now } = this.options;
    const failure = classifySendError(error);
    this.options.onSendError?.(failure.kind);
    const attempts = row.attempts + 1;
    switch (failure.kind) {
      case "rate-limited": {
        const until = now() + failure.retryAfterMs;
        // Telegram's flood control: everybody waits, not just this chat.
        limiter.pauseUntil(until);
        counters.rateLimited++;
        logger.warn({ chat: row.chatId, retryAfterMs: failure.retryAfterMs }, "Telegram asked to slow down (429)");
        await repo.retryLater(row.id, until, failure.message, false);
        return;
      }
      case "unreachable":
        counters.deactivated++;
        logger.info({ chat: row.chatId, reason: failure.message }, "subscriber unreachable; subscription marked inactive");
        await repo.deactivateChat(row.chatId, failure.message);
        return;
      case "refused":
        counters.failed++;
        logger.error({ chat: row.chatId, reason: failure.message }, "Telegram refused a digest");
        await repo.markFailed(row.id, failure.message);
        return;
      case "transient":
        break;
    }
    // 5xx and network errors: retry with exponential backoff; several in a row also slow the whole sender.
    this.consecutiveErrors++;
    if (this.consecutiveErrors >= 3) limiter.pauseUntil(now() + Math.min(30_000, 1_000 * this.consecutiveErrors));
    if (attempts >= this.options.maxAttempts) {
      counters.failed++;
      logger.error({ chat: row.chatId, attempts, reason: failure.message }, "digest failed after retries");
      await repo.markFailed(row.id, `${failure.message} (after ${attempts} attempts)`);
      return;
    }
    counters.retried++;
    logger.warn({ chat: row.chatId, attempts, reason: failure.message }, "digest send failed; will retry");
    await repo.retryLater(row.id, now() + this.backoff(attempts), failure.message);
  }

  private backoff(attempts: number): number {
    const base = Math.min(this.options.backoffMaxMs, this.options.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
    return Math.round(base * (0.8 + Math.random() * 0.4));
  }
}
