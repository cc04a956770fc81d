import type {
  DigestStatus,
  DueOutboxRow,
  OutboxDraft,
  OutboxRow,
  OutboxStatus,
  PublishedIssue,
  PublishedIssueInput,
  PublishResult,
  Subscription,
  SubscriptionStatus,
} from "../../knowledge/digest/types.js";
import type { OutboxRepository, SubscriptionRepository } from "../../knowledge/digest/repositories.js";
import { DEFAULT_QUIET_HOURS } from "../../knowledge/digest/types.js";
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

/** Published issues and the digests queued for them (the outbox). */
export class PgOutboxRepository implements OutboxRepository {
  constructor(private readonly sql: Sql, private readonly subscriptions: Pick<SubscriptionRepository, "countByStatus">) {}

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
    const subscribers = await this.subscriptions.countByStatus();
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
}
