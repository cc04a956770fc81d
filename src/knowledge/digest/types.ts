/**
 * Newspaper digests as the domain sees them: subscriptions, published issues, the outbox of digests to
 * send (one row per issue and subscriber chat) and the sender lease. Storage implements the repositories
 * (repositories.ts) over these types; src/delivery works through the outbox.
 */
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
