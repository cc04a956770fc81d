/** Databases written before titles were real: the marker a member would read is removed from stored titles. */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate } from "../../src/storage/sqlite/database.js";

const MIGRATIONS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src/storage/sqlite/migrations");

describe("migration 006_article_titles", () => {
  it("turns '[标题缺失] first words' and '[上接第一版] first words' into the first words, keeping the flag", () => {
    const db = new Database(":memory:");
    const before = fs.mkdtempSync(path.join(fs.realpathSync("/tmp"), "niangjia-mig-"));
    for (const name of fs.readdirSync(MIGRATIONS).filter((n) => n < "006")) fs.copyFileSync(path.join(MIGRATIONS, name), path.join(before, name));
    migrate(db, before);
    db.prepare("INSERT INTO issues (id, paper, date, number, source_file, content_hash, ingested_at) VALUES ('i', NULL, NULL, NULL, 'f', 'h', 'now')").run();
    const insert = db.prepare("INSERT INTO articles (id, issue_id, seq, title, kind, body, title_missing) VALUES (?, 'i', ?, ?, 'news', '正文', ?)");
    insert.run("i/1", 1, "[标题缺失] 在今年省“两会”上,改造提升…", 1);
    insert.run("i/2", 2, "[上接第一版] 以前,企业的能耗是一笔…", 1);
    insert.run("i/3", 3, "[视频]职工运动会开幕", 0);
    migrate(db, MIGRATIONS);
    const titles = db.prepare("SELECT title, title_missing AS missing FROM articles ORDER BY seq").all();
    expect(titles).toEqual([
      { title: "在今年省“两会”上,改造提升…", missing: 1 },
      { title: "以前,企业的能耗是一笔…", missing: 1 },
      { title: "[视频]职工运动会开幕", missing: 0 },
    ]);
    fs.rmSync(before, { recursive: true, force: true });
  });
});
