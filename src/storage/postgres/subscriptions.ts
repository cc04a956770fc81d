import type {
  DigestStatus,
  DueOutboxRow,
  OutboxDraft,
  OutboxRow,
  OutboxStatus,
  PublishedIssue,
  PublishedIssueInput,
  PublishResult,
  SenderLease,
  Subscription,
  SubscriptionInput,
  SubscriptionStatus,
} from "../../knowledge/digest/types.js";
import type { OutboxRepository, SenderLeaseRepository, SubscriptionRepository } from "../../knowledge/digest/repositories.js";
import type { UserDataEraser } from "../store.js";
import { DEFAULT_QUIET_HOURS } from "../../knowledge/digest/types.js";
import { mergeSubscription } from "../subscriptions.js";
import {
  toIssueDeliveryStatus,
  toOutbox,
  toPublished,
  toSubscription,
  type IssueStatusRow,
  type OutboxDbRow,
  type PublishedRow,
  type SubscriptionRow,
} from "../sqlite/subscriptions-rows.js";
import { LOCK_SPACE, type Sql } from "./database.js";

/** Rows inserted per statement when queueing digests (PostgreSQL allows 65535 parameters per statement). */
const OUTBOX_BATCH = 1000;

export class PgSubscriptionRepository implements SubscriptionRepository, OutboxRepository, SenderLeaseRepository, UserDataEraser {
  constructor(private readonly sql: Sql) {}

  async get(chatId: number): Promise<Subscription | undefined> {
    const [row] = await this.sql.query<SubscriptionRow>("SELECT * FROM subscriptions WHERE chat_id = $1", [chatId]);
    return row ? toSubscription(row) : undefined;
  }

  async upsert(input: SubscriptionInput): Promise<Subscription> {
    const existing = await this.get(input.chatId);
    const merged = mergeSubscription(input, existing);
    const [row] = await this.sql.query<SubscriptionRow>(
      `INSERT INTO subscriptions (chat_id, user_id, topics, region, keywords, delivery, daily_time, quiet_start, quiet_end,
         time_zone, status, inactive_reason, locale, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'active', NULL, $11, $12, $12)
       ON CONFLICT (chat_id) DO UPDATE SET user_id = excluded.user_id, topics = excluded.topics, region = excluded.region,
         keywords = excluded.keywords, delivery = excluded.delivery, daily_time = excluded.daily_time,
         quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, time_zone = excluded.time_zone,
         status = 'active', inactive_reason = NULL, locale = excluded.locale, updated_at = excluded.updated_at
       RETURNING *`,
      [
        input.chatId,
        input.userId,
        JSON.stringify(merged.topics),
        merged.region ? JSON.stringify(merged.region) : null,
        JSON.stringify(merged.keywords),
        merged.delivery.kind,
        merged.delivery.kind === "daily" ? merged.delivery.time : null,
        merged.quietHours.start,
        merged.quietHours.end,
        merged.timeZone,
        merged.locale,
        new Date().toISOString(),
      ],
    );
    return toSubscription(row!);
  }

  async setStatus(chatId: number, status: SubscriptionStatus, reason: string | null = null): Promise<boolean> {
    const changed = await this.sql.run("UPDATE subscriptions SET status = $1, inactive_reason = $2, updated_at = $3 WHERE chat_id = $4", [
      status,
      status === "inactive" ? reason : null,
      new Date().toISOString(),
      chatId,
    ]);
    return changed > 0;
  }

  async setUserLocale(userId: number, locale: string): Promise<number> {
    return this.sql.tx(async (sql) => {
      // Queued digests are composed at send time from the row's locale, so they follow the new choice too.
      await sql.run("UPDATE digest_outbox SET locale = $1 WHERE user_id = $2 AND status = 'queued'", [locale, userId]);
      return sql.run("UPDATE subscriptions SET locale = $1, updated_at = $2 WHERE user_id = $3 AND locale <> $1", [
        locale,
        new Date().toISOString(),
        userId,
      ]);
    });
  }

  async remove(chatId: number): Promise<boolean> {
    return this.sql.tx(async (sql) => {
      await sql.run("DELETE FROM digest_outbox WHERE chat_id = $1 AND status = 'queued'", [chatId]);
      return (await sql.run("DELETE FROM subscriptions WHERE chat_id = $1", [chatId])) > 0;
    });
  }

  async eraseUser(userId: number): Promise<void> {
    await this.sql.tx(async (sql) => {
      // Private chats have chat_id == user_id; the outbox rows of the user's chats go too (they name the chat).
      await sql.run("DELETE FROM digest_outbox WHERE user_id = $1 OR chat_id = $1", [userId]);
      await sql.run("DELETE FROM subscriptions WHERE user_id = $1 OR chat_id = $1", [userId]);
    });
  }

  async countByStatus(): Promise<Record<SubscriptionStatus, number>> {
    const counts: Record<SubscriptionStatus, number> = { active: 0, paused: 0, inactive: 0 };
    for (const row of await this.sql.query<{ status: SubscriptionStatus; n: number }>(
      "SELECT status, COUNT(*) AS n FROM subscriptions GROUP BY status",
    )) {
      counts[row.status] = row.n;
    }
    return counts;
  }

  async getPublished(issueId: string): Promise<PublishedIssue | undefined> {
    const [row] = await this.sql.query<PublishedRow>("SELECT * FROM published_issues WHERE issue_id = $1", [issueId]);
    return row ? toPublished(row) : undefined;
  }

  async getPublishedByPubId(pubId: number): Promise<PublishedIssue | undefined> {
    const [row] = await this.sql.query<PublishedRow>("SELECT * FROM published_issues WHERE pub_id = $1", [pubId]);
    return row ? toPublished(row) : undefined;
  }

  async publish(issue: PublishedIssueInput, plan: (subscribers: Subscription[]) => OutboxDraft[]): Promise<PublishResult> {
    return this.sql.tx(async (sql) => {
      // Two instances publishing the same issue at once: the second waits here, then finds it published.
      await sql.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [LOCK_SPACE.named, `publish:${issue.issueId}`]);
      const [existing] = await sql.query<PublishedRow>("SELECT * FROM published_issues WHERE issue_id = $1", [issue.issueId]);
      if (existing) return { status: "already-published", issue: toPublished(existing) } as const;
      const subscribers = (await sql.query<SubscriptionRow>("SELECT * FROM subscriptions WHERE status = 'active' ORDER BY chat_id")).map(
        toSubscription,
      );
      const drafts = plan(subscribers);
      const publishedAt = new Date();
      const [row] = await sql.query<PublishedRow>(
        `INSERT INTO published_issues (issue_id, paper, issue_date, issue_number, items, source, published_at,
           subscribers_considered, queued) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
        [
          issue.issueId,
          issue.paper,
          issue.date,
          issue.number,
          JSON.stringify(issue.items),
          issue.source,
          publishedAt.toISOString(),
          subscribers.length,
          drafts.length,
        ],
      );
      const pubId = row!.pub_id;
      const createdAt = publishedAt.getTime();
      for (let start = 0; start < drafts.length; start += OUTBOX_BATCH) {
        const batch = drafts.slice(start, start + OUTBOX_BATCH);
        const values: unknown[] = [];
        const tuples = batch.map((draft) => {
          values.push(draft.chatId, draft.userId, draft.locale, JSON.stringify(draft.articles), draft.notBefore);
          const n = values.length + 3;
          return `($1, $2, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, 'queued', 0, $${n}, $3)`;
        });
        await sql.run(
          `INSERT INTO digest_outbox (pub_id, issue_id, chat_id, user_id, locale, articles, status, attempts, next_attempt_at, created_at)
           VALUES ${tuples.join(", ")}`,
          [pubId, issue.issueId, createdAt, ...values],
        );
      }
      return { status: "published", issue: toPublished(row!), queued: drafts.length } as const;
    });
  }

  async dueRows(now: number, limit: number): Promise<DueOutboxRow[]> {
    const rows = await this.sql.query<
      OutboxDbRow & { sub_status: SubscriptionStatus | null; quiet_start: string | null; quiet_end: string | null; time_zone: string | null }
    >(
      `SELECT o.*, s.status AS sub_status, s.quiet_start, s.quiet_end, s.time_zone
       FROM digest_outbox o LEFT JOIN subscriptions s ON s.chat_id = o.chat_id
       WHERE o.status = 'queued' AND o.next_attempt_at <= $1 AND (s.status IS NULL OR s.status <> 'paused')
       ORDER BY o.next_attempt_at, o.id LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => ({
      ...toOutbox(row),
      subscriptionStatus: row.sub_status,
      quietHours: { start: row.quiet_start ?? DEFAULT_QUIET_HOURS.start, end: row.quiet_end ?? DEFAULT_QUIET_HOURS.end },
      timeZone: row.time_zone ?? "Asia/Shanghai",
    }));
  }

  async nextDueAt(): Promise<number | undefined> {
    const [row] = await this.sql.query<{ at: number | null }>(
      `SELECT MIN(o.next_attempt_at) AS at FROM digest_outbox o LEFT JOIN subscriptions s ON s.chat_id = o.chat_id
       WHERE o.status = 'queued' AND (s.status IS NULL OR s.status <> 'paused')`,
    );
    return row?.at ?? undefined;
  }

  async claim(id: number, runId: string, now: number): Promise<boolean> {
    const changed = await this.sql.run(
      `UPDATE digest_outbox SET status = 'sending', claimed_by = $1, claimed_at = $2, attempts = attempts + 1
       WHERE id = $3 AND status = 'queued'
         AND EXISTS (SELECT 1 FROM digest_sender_lease WHERE id = 1 AND run_id = $1)`,
      [runId, now, id],
    );
    return changed === 1;
  }

  async markSent(id: number, messageId: number, now: number): Promise<void> {
    await this.sql.run("UPDATE digest_outbox SET status = 'sent', sent_at = $1, telegram_message_id = $2, last_error = NULL WHERE id = $3", [
      now,
      messageId,
      id,
    ]);
  }

  async retryLater(id: number, nextAttemptAt: number, error: string, countAttempt = true): Promise<void> {
    await this.sql.run(
      `UPDATE digest_outbox SET status = 'queued', next_attempt_at = $1, last_error = $2, claimed_by = NULL, claimed_at = NULL,
         attempts = attempts - $3 WHERE id = $4 AND status = 'sending'`,
      [nextAttemptAt, error, countAttempt ? 0 : 1, id],
    );
  }

  async defer(id: number, nextAttemptAt: number): Promise<void> {
    await this.sql.run("UPDATE digest_outbox SET next_attempt_at = $1 WHERE id = $2 AND status = 'queued'", [nextAttemptAt, id]);
  }

  async markFailed(id: number, error: string): Promise<void> {
    await this.sql.run("UPDATE digest_outbox SET status = 'failed', last_error = $1 WHERE id = $2 AND status IN ('queued', 'sending')", [
      error,
      id,
    ]);
  }

  async deactivateChat(chatId: number, reason: string): Promise<void> {
    await this.sql.tx(async (sql) => {
      await sql.run("UPDATE subscriptions SET status = 'inactive', inactive_reason = $1, updated_at = $2 WHERE chat_id = $3", [
        reason,
        new Date().toISOString(),
        chatId,
      ]);
      await sql.run("UPDATE digest_outbox SET status = 'failed', last_error = $1 WHERE chat_id = $2 AND status IN ('queued', 'sending')", [
        reason,
        chatId,
      ]);
    });
  }

  async resolveStaleClaims(claimedBefore: number, currentRunId: string): Promise<number> {
    return this.sql.run(
      `UPDATE digest_outbox SET status = 'unconfirmed',
         last_error = 'sender stopped while the request was in flight (claimed by ' || COALESCE(claimed_by, '?') || ')'
       WHERE status = 'sending' AND claimed_at < $1 AND (claimed_by IS NULL OR claimed_by <> $2)`,
      [claimedBefore, currentRunId],
    );
  }

  async requeueUnconfirmed(issueId?: string): Promise<number> {
    const now = Date.now();
    return issueId
      ? this.sql.run("UPDATE digest_outbox SET status = 'queued', next_attempt_at = $1 WHERE status = 'unconfirmed' AND issue_id = $2", [now, issueId])
      : this.sql.run("UPDATE digest_outbox SET status = 'queued', next_attempt_at = $1 WHERE status = 'unconfirmed'", [now]);
  }

  async status(now: number): Promise<DigestStatus> {
    const subscribers = await this.countByStatus();
    const outbox = { queued: 0, due: 0, sending: 0, sent: 0, failed: 0, unconfirmed: 0 };
    for (const row of await this.sql.query<{ status: OutboxStatus; n: number }>("SELECT status, COUNT(*) AS n FROM digest_outbox GROUP BY status")) {
      outbox[row.status] = row.n;
    }
    const [counts] = await this.sql.query<{ due: number; recent: number; last: number | null }>(
      `SELECT (SELECT COUNT(*) FROM digest_outbox WHERE status = 'queued' AND next_attempt_at <= $1) AS due,
         (SELECT COUNT(*) FROM digest_outbox WHERE sent_at IS NOT NULL AND sent_at > $2) AS recent,
         (SELECT MAX(sent_at) FROM digest_outbox WHERE sent_at IS NOT NULL) AS last`,
      [now, now - 60_000],
    );
    outbox.due = counts!.due;
    const issues = await this.sql.query<IssueStatusRow>(
      `SELECT p.*,
         COUNT(o.id) FILTER (WHERE o.status = 'queued') AS queued, COUNT(o.id) FILTER (WHERE o.status = 'sending') AS sending,
         COUNT(o.id) FILTER (WHERE o.status = 'sent') AS sent, COUNT(o.id) FILTER (WHERE o.status = 'failed') AS failed,
         COUNT(o.id) FILTER (WHERE o.status = 'unconfirmed') AS unconfirmed
       FROM published_issues p LEFT JOIN digest_outbox o ON o.pub_id = p.pub_id
       GROUP BY p.pub_id ORDER BY p.pub_id DESC`,
    );
    return {
      subscribers,
      outbox,
      ratePerSecond: Math.round((counts!.recent / 60) * 100) / 100,
      lastSentAt: counts!.last,
      issues: issues.map(toIssueDeliveryStatus),
    };
  }

  async outboxRows(issueId: string): Promise<OutboxRow[]> {
    return (await this.sql.query<OutboxDbRow>("SELECT * FROM digest_outbox WHERE issue_id = $1 ORDER BY id", [issueId])).map(toOutbox);
  }

  async acquireSenderLease(
    lease: SenderLease,
    canTakeOver: (holder: SenderLease) => boolean,
  ): Promise<{ acquired: boolean; holder: SenderLease; previous: SenderLease | null }> {
    return this.sql.tx(async (sql) => {
      // Serialises senders starting at the same moment on different hosts (the row may not exist yet to lock).
      await sql.query("SELECT pg_advisory_xact_lock($1, 0)", [LOCK_SPACE.senderLease]);
      const [row] = await sql.query<{ run_id: string; pid: number; host: string; heartbeat_at: number }>(
        "SELECT run_id, pid, host, heartbeat_at FROM digest_sender_lease WHERE id = 1",
      );
      const current: SenderLease | null = row ? { runId: row.run_id, pid: row.pid, host: row.host, heartbeatAt: row.heartbeat_at } : null;
      if (current && current.runId !== lease.runId && !canTakeOver(current)) {
        return { acquired: false, holder: current, previous: null };
      }
      await sql.run(
        `INSERT INTO digest_sender_lease (id, run_id, pid, host, heartbeat_at) VALUES (1, $1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET run_id = excluded.run_id, pid = excluded.pid, host = excluded.host,
           heartbeat_at = excluded.heartbeat_at`,
        [lease.runId, lease.pid, lease.host, lease.heartbeatAt],
      );
      return { acquired: true, holder: lease, previous: current && current.runId !== lease.runId ? current : null };
    });
  }

  async renewSenderLease(runId: string, now: number): Promise<boolean> {
    return (await this.sql.run("UPDATE digest_sender_lease SET heartbeat_at = $1 WHERE id = 1 AND run_id = $2", [now, runId])) === 1;
  }

  async releaseSenderLease(runId: string): Promise<void> {
    await this.sql.run("DELETE FROM digest_sender_lease WHERE id = 1 AND run_id = $1", [runId]);
  }
}
