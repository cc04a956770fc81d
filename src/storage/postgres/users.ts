import type { UserProfile, UserRepository } from "../users.js";
import type { Sql } from "./database.js";

interface UserRow {
  user_id: number;
  locale: string | null;
  remembered_facts: string;
  created_at: string;
  updated_at: string;
}

export class PgUserRepository implements UserRepository {
  constructor(private readonly sql: Sql) {}

  async get(userId: number): Promise<UserProfile | undefined> {
    const [row] = await this.sql.query<UserRow>("SELECT * FROM users WHERE user_id = $1", [userId]);
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
    await this.upsert(userId, "locale", locale);
  }

  async setRememberedFacts(userId: number, facts: Record<string, unknown>): Promise<void> {
    await this.upsert(userId, "remembered_facts", JSON.stringify(facts));
  }

  async eraseUser(userId: number): Promise<void> {
    await this.sql.run("DELETE FROM users WHERE user_id = $1", [userId]);
  }

  private async upsert(userId: number, column: "locale" | "remembered_facts", value: string | null): Promise<void> {
    const now = new Date().toISOString();
    await this.sql.run(
      `INSERT INTO users (user_id, ${column}, created_at, updated_at) VALUES ($1, $2, $3, $3)
       ON CONFLICT (user_id) DO UPDATE SET ${column} = excluded.${column}, updated_at = excluded.updated_at`,
      [userId, value, now],
    );
  }
}
