/** Versioned migrations on both engines: the same versions exist for each, and PostgreSQL applies them like SQLite. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createPool, migratePostgres } from "../../src/storage/postgres/database.js";
import { createTestDatabase, pgAvailable, reportPgSkip, type TestDatabase } from "../support/pg.js";

reportPgSkip();

const STORAGE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src/storage");
const SQLITE = path.join(STORAGE, "sqlite/migrations");
const POSTGRES = path.join(STORAGE, "postgres/migrations");
const list = (dir: string) => fs.readdirSync(dir).filter((name) => name.endsWith(".sql")).sort();

describe("migrations", () => {
  it("every SQLite migration has a PostgreSQL twin of the same name, and the other way round", () => {
    expect(list(POSTGRES)).toEqual(list(SQLITE));
  });

  describe.skipIf(!pgAvailable)("on PostgreSQL", () => {
    let db: TestDatabase | undefined;
    afterAll(async () => db?.drop());

    it("applies pending versions only, once, even when two instances start together; data migrations run on old rows", async () => {
      db = await createTestDatabase();
      const pool = createPool(db.url, 4);
      try {
        const before = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-pgmig-"));
        for (const name of list(POSTGRES).filter((n) => n < "006")) fs.copyFileSync(path.join(POSTGRES, name), path.join(before, name));
        expect(await migratePostgres(pool, before)).toEqual(list(POSTGRES).filter((n) => n < "006"));
        await pool.query("INSERT INTO issues (id, source_file, content_hash, ingested_at) VALUES ('i', 'f', 'h', 'now')");
        await pool.query(
          `INSERT INTO articles (id, issue_id, seq, title, kind, body, title_missing) VALUES
           ('i/1', 'i', 1, '[标题缺失] 在今年省“两会”上,改造提升…', 'news', '正文', 1),
           ('i/3', 'i', 3, '[视频]职工运动会开幕', 'news', '正文', 0)`,
        );
        // Two instances starting at once: one applies the rest, the other finds nothing left to do.
        const applied = await Promise.all([migratePostgres(pool), migratePostgres(pool)]);
        expect(applied.flat().sort()).toEqual(list(POSTGRES).filter((n) => n >= "006"));
        const titles = await pool.query("SELECT title, title_missing AS missing FROM articles ORDER BY seq");
        expect(titles.rows).toEqual([
          { title: "在今年省“两会”上,改造提升…", missing: 1 },
          { title: "[视频]职工运动会开幕", missing: 0 },
        ]);
        const recorded = await pool.query<{ name: string }>("SELECT name FROM schema_migrations ORDER BY name");
        expect(recorded.rows.map((r) => r.name)).toEqual(list(POSTGRES));
        fs.rmSync(before, { recursive: true, force: true });
      } finally {
        await pool.end();
      }
    });

    it("a failing migration names itself and leaves nothing half done", async () => {
      const broken = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-pgmig-"));
      fs.writeFileSync(path.join(broken, "001_half.sql"), "CREATE TABLE half_done (id INT); SELECT no_such_function();");
      const target = await createTestDatabase();
      const pool = createPool(target.url, 2);
      try {
        await expect(migratePostgres(pool, broken)).rejects.toThrow(/migration 001_half.sql failed/);
        const tables = await pool.query("SELECT 1 FROM pg_tables WHERE tablename = 'half_done'");
        expect(tables.rowCount).toBe(0);
      } finally {
        await pool.end();
        await target.drop();
        fs.rmSync(broken, { recursive: true, force: true });
      }
    });
  });
});
