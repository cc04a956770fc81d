/**
 * Newspaper digest subscriptions, published issues and the durable delivery outbox.
 * The outbox holds one row per (issue, subscriber chat); src/delivery works through it.
 */
import type { UserDataEraser } from "./store.js";

export const DIGEST_TOPICS = ["stations_outdoor", "hardship_medical", "training_jobs", "rights_law", "all"] as const;
export type DigestTopic = (typeof DIGEST_TOPICS)[number];

/** Where the member lives or works. Names as the gazetteer prints them; unknown levels are null. */
export interface SubscriptionRegion {
  /** What the member chose, e.g. "余杭区" or "淮安". */
  name: string;
  placeId: string | null;
  level: "province" | "city" | "county" | null;
  province: string | null;
  city: string | null;
  county: string | null;
  /** Short names/aliases used to find the place in article text when no gazetteer is at hand. */
  aliases: string[];
}

export type Delivery = { kind: "immediate" } | { kind: "daily"; time: string };

/** HH:MM to HH:MM in the subscriber's time zone; start == end means no quiet hours. */
export interface QuietHours {
  start: string;
  end: string;
}

export type SubscriptionStatus = "active" | "paused" | "inactive";

export interface Subscription {
  chatId: number;
  userId: number;
  topics: DigestTopic[];
  region: SubscriptionRegion | null;
  /** A few plain words; an article that contains one is included even outside the chosen topics. */
  keywords: string[];
  delivery: Delivery;
  quietHours: QuietHours;
  timeZone: string;
  status: SubscriptionStatus;
  inactiveReason: string | null;
  locale: string;
  createdAt: string;
  updatedAt: string;
}

export type SubscriptionInput = Pick<Subscription, "chatId" | "userId"> &
  Partial<Pick<Subscription, "topics" | "region" | "keywords" | "delivery" | "quietHours" | "timeZone" | "locale">>;

export const DEFAULT_QUIET_HOURS: QuietHours = { start: "22:00", end: "07:00" };

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

function checkTime(value: string, what: string): void {
  if (!HHMM.test(value)) throw new Error(`${what}: expected HH:MM (00:00-23:59), got "${value}"`);
}

/** The settings an upsert stores: the input over the existing subscription over the defaults, validated. */
export function mergeSubscription(input: SubscriptionInput, existing: Subscription | undefined) {
  const merged = {
    topics: input.topics ?? existing?.topics ?? (["all"] as DigestTopic[]),
    region: input.region !== undefined ? input.region : (existing?.region ?? null),
    keywords: input.keywords ?? existing?.keywords ?? [],
    delivery: input.delivery ?? existing?.delivery ?? { kind: "immediate" as const },
    quietHours: input.quietHours ?? existing?.quietHours ?? DEFAULT_QUIET_HOURS,
    timeZone: input.timeZone ?? existing?.timeZone ?? "Asia/Shanghai",
    locale: input.locale ?? existing?.locale ?? "zh-CN",
  };
  if (merged.delivery.kind === "daily") checkTime(merged.delivery.time, "daily delivery time");
  checkTime(merged.quietHours.start, "quiet hours start");
  checkTime(merged.quietHours.end, "quiet hours end");
  return merged;
}

/** What a digest needs of one article, kept with the published issue so the sender needs nothing else. */
export interface DigestItem {
  seq: number;
  articleId: string;
  title: string;
  /** One or two lines taken from the article itself. */
  summary: string;
}

export interface PublishedIssueInput {
  issueId: string;
  paper: string | null;
  date: string | null;
  number: string | null;
  items: DigestItem[];
  /** Who/what published it: "cli", "inbox:<file>", "admin:<userId>". */
  source: string;
}

export interface PublishedIssue extends PublishedIssueInput {
  pubId: number;
  publishedAt: string;
  subscribersConsidered: number;
  queued: number;
}

/** One subscriber's digest as planned at publish time. */
export interface OutboxDraft {
  chatId: number;
  userId: number;
  locale: string;
  /** Article seq numbers, most relevant first. */
  articles: number[];
  /** Epoch ms: not before this (daily time, quiet hours). */
  notBefore: number;
}

export type OutboxStatus = "queued" | "sending" | "sent" | "failed" | "unconfirmed";

export interface OutboxRow {
  id: number;
  pubId: number;
  issueId: string;
  chatId: number;
  userId: number;
  locale: string;
  articles: number[];
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  claimedBy: string | null;
  claimedAt: number | null;
  lastError: string | null;
  sentAt: number | null;
  telegramMessageId: number | null;
}

/** A due row with what the sender must re-check at send time. */
export interface DueOutboxRow extends OutboxRow {
  subscriptionStatus: SubscriptionStatus | null;
  quietHours: QuietHours;
  timeZone: string;
}

export type PublishResult =
  | { status: "published"; issue: PublishedIssue; queued: number }
  | { status: "already-published"; issue: PublishedIssue };

export interface IssueDeliveryStatus {
  issueId: string;
  paper: string | null;
  date: string | null;
  number: string | null;
  publishedAt: string;
  source: string | null;
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  unconfirmed: number;
}

export interface DigestStatus {
  subscribers: Record<SubscriptionStatus, number>;
  outbox: {
    /** Waiting to be sent (includes rows held by quiet hours, daily time or backoff). */
    queued: number;
    /** Of the queued rows, those due now. */
    due: number;
    sending: number;
    sent: number;
    failed: number;
    unconfirmed: number;
  };
  /** Messages accepted by Telegram during the last 60 s, per second. */
  ratePerSecond: number;
  lastSentAt: number | null;
  /** Newest first. */
  issues: IssueDeliveryStatus[];
}

export interface SenderLease {
  runId: string;
  pid: number;
  host: string;
  heartbeatAt: number;
}

export interface SubscriptionRepository extends UserDataEraser {
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
  outboxRows(issueId: string): Promise<OutboxRow[]>;
}
