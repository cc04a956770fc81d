/**
 * What the digest domain needs stored, in three repositories: the subscriptions, the outbox (published
 * issues and the digests queued for them) and the sender lease (one sender per database). The SQLite and
 * PostgreSQL stores implement them (src/storage); the contract tests run them on both engines.
 */
import type {
  DigestStatus,
  DueOutboxRow,
  OutboxDraft,
  OutboxRow,
  PublishedIssue,
  PublishedIssueInput,
  PublishResult,
  SenderLease,
  Subscription,
  SubscriptionInput,
  SubscriptionStatus,
} from "./types.js";

export interface SubscriptionRepository {
  get(chatId: number): Promise<Subscription | undefined>;
  /** Creates or updates the chat's subscription (status becomes active) and returns it. */
  upsert(input: SubscriptionInput): Promise<Subscription>;
  /** Returns false when the chat has no subscription. */
  setStatus(chatId: number, status: SubscriptionStatus, reason?: string | null): Promise<boolean>;
  /**
   * The member chose another language (/lang): their subscriptions and their digests still queued use it
   * from now on. Returns how many subscriptions changed.
   */
  setUserLocale(userId: number, locale: string): Promise<number>;
  /** Unsubscribe: deletes the subscription and its digests not yet sent. */
  remove(chatId: number): Promise<boolean>;
  countByStatus(): Promise<Record<SubscriptionStatus, number>>;
}

/** Published issues and the digests queued for them. */
export interface OutboxRepository {
  getPublished(issueId: string): Promise<PublishedIssue | undefined>;
  getPublishedByPubId(pubId: number): Promise<PublishedIssue | undefined>;
  /**
   * In ONE transaction: records the issue as published and inserts the outbox rows `plan` returns for
   * the active subscribers. An issue published before queues nothing. `plan` must be synchronous and pure.
   */
  publish(issue: PublishedIssueInput, plan: (subscribers: Subscription[]) => OutboxDraft[]): Promise<PublishResult>;

  /** Queued rows due at `now` (oldest first), skipping paused subscribers. */
  dueRows(now: number, limit: number): Promise<DueOutboxRow[]>;
  /** Epoch ms of the earliest queued row of an active subscriber, if any. */
  nextDueAt(): Promise<number | undefined>;
  /**
   * queued -> sending, atomically; false when another sender took it, it is no longer queued, or `runId`
   * does not hold the sender lease (a sender that lost its lease can never claim).
   */
  claim(id: number, runId: string, now: number): Promise<boolean>;
  markSent(id: number, messageId: number, now: number): Promise<void>;
  /**
   * sending -> queued again at `nextAttemptAt` (429, 5xx, network error). `countAttempt` false (429: Telegram
   * asked us to wait, nothing went wrong) gives the attempt back.
   */
  retryLater(id: number, nextAttemptAt: number, error: string, countAttempt?: boolean): Promise<void>;
  /** queued row waits (quiet hours started) without an attempt being counted. */
  defer(id: number, nextAttemptAt: number): Promise<void>;
  markFailed(id: number, error: string): Promise<void>;
  /** Telegram said 403/chat gone: the subscription becomes inactive and its unsent rows fail. */
  deactivateChat(chatId: number, reason: string): Promise<void>;
  /**
   * Rows left `sending` by another sender run whose claim is older than `claimedBefore` become
   * `unconfirmed`: Telegram may or may not have accepted them, so they are never resent automatically.
   */
  resolveStaleClaims(claimedBefore: number, currentRunId: string): Promise<number>;
  /** Puts `unconfirmed` rows back in the queue (an operator's decision: may duplicate). */
  requeueUnconfirmed(issueId?: string): Promise<number>;
  status(now: number): Promise<DigestStatus>;
  outboxRows(issueId: string): Promise<OutboxRow[]>;
}

/** One digest sender per database, across processes and hosts. */
export interface SenderLeaseRepository {
  /**
   * Takes the sender lease when it is free, already ours, or `canTakeOver(holder)` says the holder is gone.
   * Returns the lease as it is afterwards (ours when acquired) and the run it was taken from, if any.
   */
  acquireSenderLease(
    lease: SenderLease,
    canTakeOver: (holder: SenderLease) => boolean,
  ): Promise<{ acquired: boolean; holder: SenderLease; previous: SenderLease | null }>;
  /** Refreshes our heartbeat; false when another run has taken the lease. */
  renewSenderLease(runId: string, now: number): Promise<boolean>;
  releaseSenderLease(runId: string): Promise<void>;
}
