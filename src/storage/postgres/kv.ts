import type { KeyValueRepository } from "../kv.js";
import type { Sql } from "./database.js";

export class PgKeyValueRepository implements KeyValueRepository {
  constructor(private readonly sql: Sql) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.sql.query<{ value: string }>("SELECT value FROM kv WHERE key = $1", [key]))[0]?.value;
  }
  async set(key: string, value: string): Promise<void> {
    await this.sql.run(
      `INSERT INTO kv (key, value, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      [key, value, new Date().toISOString()],
    );
  }
  async delete(key: string): Promise<void> {
    await this.sql.run("DELETE FROM kv WHERE key = $1", [key]);
  }
  async has(key: string): Promise<boolean> {
    return (await this.sql.query("SELECT 1 FROM kv WHERE key = $1", [key])).length > 0;
  }
  async deleteStale(infix: string, before: Date): Promise<number> {
    // strpos() instead of LIKE so that '_' and '%' in keys are not wildcards.
    return this.sql.run("DELETE FROM kv WHERE strpos(key, $1) > 0 AND updated_at < $2", [infix, before.toISOString()]);
  }
  async deleteByPrefix(prefix: string): Promise<number> {
    return this.sql.run("DELETE FROM kv WHERE left(key, length($1)) = $1", [prefix]);
  }
}
