import type { UserProfile, UserRepository } from "../users.js";
import type { SqliteDb } from "./database.js";

interface UserRow {
  user_id: number;
  locale: string | null;
  remembered_facts: string;
  created_at: string;
  updated_at: string;
}

export class SqliteUserRepository implements UserRepository {
  // Prepared once: get() runs on every update (the bot negotiates the locale from it).
  private readonly getStmt;

  constructor(private readonly db: SqliteDb) {
    this.getStmt = db.prepare<[number], UserRow>("SELECT * FROM users WHERE user_id = ?");
  }

  async get(userId: number): Promise<UserProfile | undefined> {
    const row = this.getStmt.get(userId);
    if (!row) return undefined;
    return {
      userId: row.user_id,
      locale: row.locale,
      rememberedFacts: JSON.parse(row.remembered_facts) as Record<string, unknown>,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  async setLocale(userId: number, locale: string | null): Promise<void> {
    this.upsert(userId, "locale", locale);
  }

  async setRememberedFacts(userId: number, facts: Record<string, unknown>): Promise<void> {
    this.upsert(userId, "remembered_facts", JSON.stringify(facts));
  }

  async eraseUser(userId: number): Promise<void> {
    this.db.prepare("DELETE FROM users WHERE user_id = ?").run(userId);
  }

  private upsert(userId: number, column: "locale" | "remembered_facts", value: string | null): void {
    const now = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO users (user_id, ${column}, created_at, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(user_id) DO UPDATE SET ${column} = excluded.${column}, updated_at = excluded.updated_at`,
      )
      .run(userId, value, now, now);
  }
}
