import type { Subscription, SubscriptionInput, SubscriptionStatus } from "../../knowledge/digest/types.js";
import type { SubscriptionRepository } from "../../knowledge/digest/repositories.js";
import type { UserDataEraser } from "../store.js";
import { mergeSubscription } from "../subscriptions.js";
import type { SqliteDb } from "./database.js";
import { toSubscription, type SubscriptionRow } from "./subscriptions-rows.js";

export class SqliteSubscriptionRepository implements SubscriptionRepository, UserDataEraser {
  constructor(readonly db: SqliteDb) {}

  async get(chatId: number): Promise<Subscription | undefined> {
    const row = this.db.prepare<[number], SubscriptionRow>("SELECT * FROM subscriptions WHERE chat_id = ?").get(chatId);
    return row ? toSubscription(row) : undefined;
  }

  async upsert(input: SubscriptionInput): Promise<Subscription> {
    const existing = await this.get(input.chatId);
    const merged = mergeSubscription(input, existing);
    const now = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO subscriptions (chat_id, user_id, topics, region, keywords, delivery, daily_time, quiet_start, quiet_end,
           time_zone, status, inactive_reason, locale, created_at, updated_at)
         VALUES (@chatId, @userId, @topics, @region, @keywords, @delivery, @dailyTime, @quietStart, @quietEnd,
           @timeZone, 'active', NULL, @locale, @now, @now)
         ON CONFLICT (chat_id) DO UPDATE SET user_id = excluded.user_id, topics = excluded.topics, region = excluded.region,
           keywords = excluded.keywords, delivery = excluded.delivery, daily_time = excluded.daily_time,
           quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, time_zone = excluded.time_zone,
           status = 'active', inactive_reason = NULL, locale = excluded.locale, updated_at = excluded.updated_at`,
      )
      .run({
        chatId: input.chatId,
        userId: input.userId,
        topics: JSON.stringify(merged.topics),
        region: merged.region ? JSON.stringify(merged.region) : null,
        keywords: JSON.stringify(merged.keywords),
        delivery: merged.delivery.kind,
        dailyTime: merged.delivery.kind === "daily" ? merged.delivery.time : null,
        quietStart: merged.quietHours.start,
        quietEnd: merged.quietHours.end,
        timeZone: merged.timeZone,
        locale: merged.locale,
        now,
      });
    return (await this.get(input.chatId))!;
  }

  async setStatus(chatId: number, status: SubscriptionStatus, reason: string | null = null): Promise<boolean> {
    const result = this.db
      .prepare("UPDATE subscriptions SET status = ?, inactive_reason = ?, updated_at = ? WHERE chat_id = ?")
      .run(status, status === "inactive" ? reason : null, new Date().toISOString(), chatId);
    return result.changes > 0;
  }

  async setUserLocale(userId: number, locale: string): Promise<number> {
    const run = this.db.transaction(() => {
      // Queued digests are composed at send time from the row's locale, so they follow the new choice too.
      this.db.prepare("UPDATE digest_outbox SET locale = ? WHERE user_id = ? AND status = 'queued'").run(locale, userId);
      return this.db
        .prepare("UPDATE subscriptions SET locale = ?, updated_at = ? WHERE user_id = ? AND locale <> ?")
        .run(locale, new Date().toISOString(), userId, locale).changes;
    });
    return run.immediate();
  }

  async remove(chatId: number): Promise<boolean> {
    const run = this.db.transaction(() => {
      this.db.prepare("DELETE FROM digest_outbox WHERE chat_id = ? AND status = 'queued'").run(chatId);
      return this.db.prepare("DELETE FROM subscriptions WHERE chat_id = ?").run(chatId).changes > 0;
    });
    return run.immediate();
  }

  async eraseUser(userId: number): Promise<void> {
    // Private chats have chat_id == user_id; the outbox rows of the user's chats go too (they name the chat).
    this.db.prepare("DELETE FROM digest_outbox WHERE user_id = ? OR chat_id = ?").run(userId, userId);
    this.db.prepare("DELETE FROM subscriptions WHERE user_id = ? OR chat_id = ?").run(userId, userId);
  }

  async countByStatus(): Promise<Record<SubscriptionStatus, number>> {
    const counts: Record<SubscriptionStatus, number> = { active: 0, paused: 0, inactive: 0 };
    const rows = this.db
      .prepare<[], { status: SubscriptionStatus; n: number }>("SELECT status, COUNT(*) AS n FROM subscriptions GROUP BY status")
      .all();
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }
}
