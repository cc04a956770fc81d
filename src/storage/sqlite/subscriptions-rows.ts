/** Row shapes of the subscription tables and their mapping to the repository's types. */
import type {
  DigestTopic,
  IssueDeliveryStatus,
  OutboxRow,
  OutboxStatus,
  PublishedIssue,
  Subscription,
  SubscriptionRegion,
  SubscriptionStatus,
} from "../../knowledge/digest/types.js";

export interface SubscriptionRow {
  chat_id: number;
  user_id: number;
  topics: string;
  region: string | null;
  keywords: string;
  delivery: "immediate" | "daily";
  daily_time: string | null;
  quiet_start: string;
  quiet_end: string;
  time_zone: string;
  status: SubscriptionStatus;
  inactive_reason: string | null;
  locale: string;
  created_at: string;
  updated_at: string;
}

export interface PublishedRow {
  pub_id: number;
  issue_id: string;
  paper: string | null;
  issue_date: string | null;
  issue_number: string | null;
  items: string;
  source: string | null;
  published_at: string;
  subscribers_considered: number;
  queued: number;
}

export interface OutboxDbRow {
  id: number;
  pub_id: number;
  issue_id: string;
  chat_id: number;
  user_id: number;
  locale: string;
  articles: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: number;
  claimed_by: string | null;
  claimed_at: number | null;
  last_error: string | null;
  sent_at: number | null;
  telegram_message_id: number | null;
}

export function toSubscription(row: SubscriptionRow): Subscription {
  return {
    chatId: row.chat_id,
    userId: row.user_id,
    topics: JSON.parse(row.topics) as DigestTopic[],
    region: row.region ? (JSON.parse(row.region) as SubscriptionRegion) : null,
    keywords: JSON.parse(row.keywords) as string[],
    delivery: row.delivery === "daily" && row.daily_time ? { kind: "daily", time: row.daily_time } : { kind: "immediate" },
    quietHours: { start: row.quiet_start, end: row.quiet_end },
    timeZone: row.time_zone,
    status: row.status,
    inactiveReason: row.inactive_reason,
    locale: row.locale,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toPublished(row: PublishedRow): PublishedIssue {
  return {
    pubId: row.pub_id,
    issueId: row.issue_id,
    paper: row.paper,
    date: row.issue_date,
    number: row.issue_number,
    items: JSON.parse(row.items) as PublishedIssue["items"],
    source: row.source ?? "",
    publishedAt: row.published_at,
    subscribersConsidered: row.subscribers_considered,
    queued: row.queued,
  };
}

export function toOutbox(row: OutboxDbRow): OutboxRow {
  return {
    id: row.id,
    pubId: row.pub_id,
    issueId: row.issue_id,
    chatId: row.chat_id,
    userId: row.user_id,
    locale: row.locale,
    articles: JSON.parse(row.articles) as number[],
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    claimedBy: row.claimed_by,
    claimedAt: row.claimed_at,
    lastError: row.last_error,
    sentAt: row.sent_at,
    telegramMessageId: row.telegram_message_id,
  };
}

/** A published issue with its outbox counts (the `digest-status` query on either engine). */
export type IssueStatusRow = PublishedRow & Pick<IssueDeliveryStatus, "queued" | "sending" | "sent" | "failed" | "unconfirmed">;

export function toIssueDeliveryStatus(row: IssueStatusRow): IssueDeliveryStatus {
  return {
    issueId: row.issue_id,
    paper: row.paper,
    date: row.issue_date,
    number: row.issue_number,
    publishedAt: row.published_at,
    source: row.source,
    queued: row.queued,
    sending: row.sending,
    sent: row.sent,
    failed: row.failed,
    unconfirmed: row.unconfirmed,
  };
}
