/** The delivery overview shown by `digest-status` and /stats. */
import type { DigestStatus, OutboxStatus, SubscriptionStatus } from "../../knowledge/digest/types.js";
import type { SqliteDb } from "./database.js";
import { toIssueDeliveryStatus, type IssueStatusRow } from "./subscriptions-rows.js";

export function digestStatus(db: SqliteDb, now: number, subscribers: Record<SubscriptionStatus, number>): DigestStatus {
  const outbox = { queued: 0, due: 0, sending: 0, sent: 0, failed: 0, unconfirmed: 0 };
  const byStatus = db
    .prepare<[], { status: OutboxStatus; n: number }>("SELECT status, COUNT(*) AS n FROM digest_outbox GROUP BY status")
    .all();
  for (const row of byStatus) outbox[row.status] = row.n;
  outbox.due = db
    .prepare<[number], { n: number }>("SELECT COUNT(*) AS n FROM digest_outbox WHERE status = 'queued' AND next_attempt_at <= ?")
    .get(now)!.n;
  const recent = db
    .prepare<[number], { n: number; last: number | null }>(
      "SELECT COUNT(*) AS n, MAX(sent_at) AS last FROM digest_outbox WHERE sent_at IS NOT NULL AND sent_at > ?",
    )
    .get(now - 60_000)!;
  const last = db
    .prepare<[], { last: number | null }>("SELECT MAX(sent_at) AS last FROM digest_outbox WHERE sent_at IS NOT NULL")
    .get()!;
  const issues = db
    .prepare<[], IssueStatusRow>(
      `SELECT p.*,
         COALESCE(SUM(o.status = 'queued'), 0) AS queued, COALESCE(SUM(o.status = 'sending'), 0) AS sending,
         COALESCE(SUM(o.status = 'sent'), 0) AS sent, COALESCE(SUM(o.status = 'failed'), 0) AS failed,
         COALESCE(SUM(o.status = 'unconfirmed'), 0) AS unconfirmed
       FROM published_issues p LEFT JOIN digest_outbox o ON o.pub_id = p.pub_id
       GROUP BY p.pub_id ORDER BY p.pub_id DESC`,
    )
    .all()
    .map(toIssueDeliveryStatus);
  return {
    subscribers,
    outbox,
    ratePerSecond: Math.round((recent.n / 60) * 100) / 100,
    lastSentAt: last.last,
    issues,
  };
}
