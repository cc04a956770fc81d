import type {
  DigestStatus,
  DueOutboxRow,
  OutboxDraft,
  OutboxRow,
  PublishedIssue,
  PublishedIssueInput,
  PublishResult,
  Subscription,
  SubscriptionStatus,
} from "../../knowledge/digest/types.js";
import type { OutboxRepository, SubscriptionRepository } from "../../knowledge/digest/repositories.js";
import { DEFAULT_QUIET_HOURS } from "../../knowledge/digest/types.js";
import type { SqliteDb } from "./database.js";
import { digestStatus } from "./subscriptions-status.js";
import { toOutbox, toPublished, toSubscription, type OutboxDbRow, type PublishedRow, type SubscriptionRow } from "./subscriptions-rows.js";

/** Published issues and the digests queued for them (the outbox). */
export class SqliteOutboxRepository implements OutboxRepository {
  constructor(readonly db: SqliteDb, private readonly subscriptions: Pick<SubscriptionRepository, "countByStatus">) {}

  async getPublished(issueId: string): Promise<PublishedIssue | undefined> {
    const row = this.db.prepare<[string], PublishedRow>("SELECT * FROM published_issues WHERE issue_id = ?").get(issueId);
    return row ? toPublished(row) : undefined;
  }

  async getPublishedByPubId(pubId: number): Promise<PublishedIssue | undefined> {
    const row = this.db.prepare<[number], PublishedRow>("SELECT * FROM published_issues WHERE pub_id = ?").get(pubId);
    return row ? toPublished(row) : undefined;
  }

  async publish(issue: PublishedIssueInput, plan: (subscribers: Subscription[]) => OutboxDraft[]): Promise<PublishResult> {
    const run = this.db.transaction((): PublishResult => {
      const existing = this.db
        .prepare<[string], PublishedRow>("SELECT * FROM published_issues WHERE issue_id = ?")
        .get(issue.issueId);
      if (existing) return { status: "already-published", issue: toPublished(existing) };
      const subscribers = this.db
        .prepare<[], SubscriptionRow>("SELECT * FROM subscriptions WHERE status = 'active' ORDER BY chat_id")
        .all()
        .map(toSubscription);
      const drafts = plan(subscribers);
      const publishedAt = new Date();
      const info = this.db
        .prepare(
          `INSERT INTO published_issues (issue_id, paper, issue_date, issue_number, items, source, published_at,
             subscribers_considered, queued) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          issue.issueId,
          issue.paper,
          issue.date,
          issue.number,
          JSON.stringify(issue.items),
          issue.source,
          publishedAt.toISOString(),
          subscribers.length,
          drafts.length,
        );
      const pubId = Number(info.lastInsertRowid);
      const insert = this.db.prepare(
        `INSERT INTO digest_outbox (pub_id, issue_id, chat_id, user_id, locale, articles, status, attempts, next_attempt_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?)`,
      );
      const createdAt = publishedAt.getTime();
      for (const draft of drafts) {
        insert.run(pubId, issue.issueId, draft.chatId, draft.userId, draft.locale, JSON.stringify(draft.articles), draft.notBefore, createdAt);
      }
      const row = this.db.prepare<[number], PublishedRow>("SELECT * FROM published_issues WHERE pub_id = ?").get(pubId)!;
      return { status: "published", issue: toPublished(row), queued: drafts.length };
    });
    // IMMEDIATE: take the write lock before reading, so two publishers of the same issue cannot both pass the check.
    return run.immediate();
  }

  async dueRows(now: number, limit: number): Promise<DueOutboxRow[]> {
    const rows = this.db
      .prepare<
        [number, number],
        OutboxDbRow & { sub_status: SubscriptionStatus | null; quiet_start: string | null; quiet_end: string | null; time_zone: string | null }
      >(
        `SELECT o.*, s.status AS sub_status, s.quiet_start, s.quiet_end, s.time_zone
         FROM digest_outbox o LEFT JOIN subscriptions s ON s.chat_id = o.chat_id
         WHERE o.status = 'queued' AND o.next_attempt_at <= ? AND (s.status IS NULL OR s.status <> 'paused')
         ORDER BY o.next_attempt_at, o.id LIMIT ?`,
      )
      .all(now, limit);
    return rows.map((row) => ({
      ...toOutbox(row),
      subscriptionStatus: row.sub_status,
      quietHours: { start: row.quiet_start ?? DEFAULT_QUIET_HOURS.start, end: row.quiet_end ?? DEFAULT_QUIET_HOURS.end },
      timeZone: row.time_zone ?? "Asia/Shanghai",
    }));
  }

  async nextDueAt(): Promise<number | undefined> {
    const row = this.db
      .prepare<[], { at: number | null }>(
        `SELECT MIN(o.next_attempt_at) AS at FROM digest_outbox o LEFT JOIN subscriptions s ON s.chat_id = o.chat_id
         WHERE o.status = 'queued' AND (s.status IS NULL OR s.status <> 'paused')`,
      )
      .get();
    return row?.at ?? undefined;
  }

  async claim(id: number, runId: string, now: number): Promise<boolean> {
    const result = this.db
      .prepare(
        `UPDATE digest_outbox SET status = 'sending', claimed_by = ?, claimed_at = ?, attempts = attempts + 1
         WHERE id = ? AND status = 'queued'
           AND EXISTS (SELECT 1 FROM digest_sender_lease WHERE id = 1 AND run_id = ?)`,
      )
      .run(runId, now, id, runId);
    return result.changes === 1;
  }

  async markSent(id: number, messageId: number, now: number): Promise<void> {
    this.db
      .prepare(
        `UPDATE digest_outbox SET status = 'sent', sent_at = ?, telegram_message_id = ?, last_error = NULL WHERE id = ?`,
      )
      .run(now, messageId, id);
  }

  async retryLater(id: number, nextAttemptAt: number, error: string, countAttempt = true): Promise<void> {
    this.db
      .prepare(
        `UPDATE digest_outbox SET status = 'queued', next_attempt_at = ?, last_error = ?, claimed_by = NULL, claimed_at = NULL,
           attempts = attempts - ? WHERE id = ? AND status = 'sending'`,
      )
      .run(nextAttemptAt, error, countAttempt ? 0 : 1, id);
  }

  async defer(id: number, nextAttemptAt: number): Promise<void> {
    this.db.prepare("UPDATE digest_outbox SET next_attempt_at = ? WHERE id = ? AND status = 'queued'").run(nextAttemptAt, id);
  }

  async markFailed(id: number, error: string): Promise<void> {
    this.db
      .prepare("UPDATE digest_outbox SET status = 'failed', last_error = ? WHERE id = ? AND status IN ('queued', 'sending')")
      .run(error, id);
  }

  async deactivateChat(chatId: number, reason: string): Promise<void> {
    const run = this.db.transaction(() => {
      this.db
        .prepare("UPDATE subscriptions SET status = 'inactive', inactive_reason = ?, updated_at = ? WHERE chat_id = ?")
        .run(reason, new Date().toISOString(), chatId);
      this.db
        .prepare("UPDATE digest_outbox SET status = 'failed', last_error = ? WHERE chat_id = ? AND status IN ('queued', 'sending')")
        .run(reason, chatId);
    });
    run.immediate();
  }

  async resolveStaleClaims(claimedBefore: number, currentRunId: string): Promise<number> {
    const result = this.db
      .prepare(
        `UPDATE digest_outbox SET status = 'unconfirmed',
           last_error = 'sender stopped while the request was in flight (claimed by ' || COALESCE(claimed_by, '?') || ')'
         WHERE status = 'sending' AND claimed_at < ? AND (claimed_by IS NULL OR claimed_by <> ?)`,
      )
      .run(claimedBefore, currentRunId);
    return result.changes;
  }

  async requeueUnconfirmed(issueId?: string): Promise<number> {
    const now = Date.now();
    const result = issueId
      ? this.db
          .prepare("UPDATE digest_outbox SET status = 'queued', next_attempt_at = ? WHERE status = 'unconfirmed' AND issue_id = ?")
          .run(now, issueId)
      : this.db.prepare("UPDATE digest_outbox SET status = 'queued', next_attempt_at = ? WHERE status = 'unconfirmed'").run(now);
    return result.changes;
  }

  async status(now: number): Promise<DigestStatus> {
    return digestStatus(this.db, now, await this.subscriptions.countByStatus());
  }

  async outboxRows(issueId: string): Promise<OutboxRow[]> {
    return this.db
      .prepare<[string], OutboxDbRow>("SELECT * FROM digest_outbox WHERE issue_id = ? ORDER BY id")
      .all(issueId)
      .map(toOutbox);
  }
}
