/**
 * New content the same day: a story filed without a date is stored (with a warning), found by `ask` and the
 * bot, and cited as undated, never with a guessed date.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../../src/knowledge/index.js";
import { openStore } from "../../../src/storage/open.js";
import { runCommand } from "../../support/cli.js";

const STORY = `---
title: 余杭区新开一家司机之家
source: 浙江工人日报
---
余杭区总工会在良渚街道新开一家司机之家,货车司机可以在这里免费洗澡、热饭、给手机充电,每天早上七点到晚上十点开放。
`;

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("a front-matter story without a date", () => {
  it("is ingested with a warning, then answered and cited as undated", { timeout: 90_000 }, async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-undated-"));
    const file = path.join(dir, "story.md");
    fs.writeFileSync(file, STORY);
    const env = { DATABASE_URL: `sqlite:${path.join(dir, "db.sqlite")}`, DATA_DIR: path.resolve("data"), LOG_LEVEL: "silent" };

    const ingest = await runCommand(["ingest", "--json", "--locale", "en", file], { env });
    expect(ingest.code).toBe(0);
    const stored = JSON.parse(ingest.stdout.trim());
    expect(stored).toMatchObject({ status: "new", issue: { date: null, paper: "浙江工人日报" } });
    expect(stored.warnings[0]).toMatch(/"date" is missing/);
    expect(ingest.stderr).toMatch(/warning: .*story\.md.*undated/);

    const ask = await runCommand(["ask", "--json", "良渚的司机之家几点开门"], { env });
    const answer = JSON.parse(ask.stdout.trim());
    const hit = answer.hits.find((h: { title: string }) => h.title === "余杭区新开一家司机之家");
    expect(hit).toBeDefined();
    expect(hit.source).toMatchObject({ paper: "浙江工人日报", date: null, issue: null });
    expect(answer.hits.filter((h: { kind: string }) => h.kind !== "station")[0]).toBe(hit);
    const store = await openStore(env.DATABASE_URL);
    try {
      const knowledge = await loadKnowledge({ store, dataDir: env.DATA_DIR });
      const zh = await knowledge.ask("良渚的司机之家几点开门", { locale: "zh-CN" });
      expect(zh.answer).toContain("浙江工人日报《余杭区新开一家司机之家》（日期不详）");
      const en = await knowledge.ask("良渚的司机之家几点开门", { locale: "en" });
      expect(en.answer).toContain("(date unknown)");
    } finally {
      await store.close();
    }
  });
});
