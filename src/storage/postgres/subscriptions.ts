import type { Subscription, SubscriptionInput, SubscriptionStatus } from "../../knowledge/digest/types.js";
import type { SubscriptionRepository } from "../../knowledge/digest/repositories.js";
import type { UserDataEraser } from "../store.js";
import { mergeSubscription } from "../subscriptions.js";
import { toSubscription, type SubscriptionRow } from "../sqlite/subscriptions-rows.js";
import { type Sql } from "./database.js";

export class PgSubscriptionRepository implements SubscriptionRepository, UserDataEraser {
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
}
