/**
 * An answer written by union staff (data/faq) is cited as such, with who wrote it and when, in Chinese and in
 * English; the shipped example entry is never served.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { openStore } from "../../src/storage/open.js";
import type { Store } from "../../src/storage/store.js";
import { createTestBot, visibleText, type TestBot } from "../support/bot-harness.js";

// A test entry: its wording is ours, not a real answer of the union.
const ENTRY = `id: join-union
questions:
  - 怎么入会
  - 如何加入工会
  - how do I join the union
answer: （测试解答）到所在单位工会或街道工会办理入会登记，带上身份证。
written_by: 测试用工会办公室
written_on: 2026-11-02
link: https://example.org/join
`;

let dataDir: string;
let store: Store;
let t: TestBot;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-faq-data-"));
  for (const name of ["issues", "programmes", "dict", "places", "stations"]) {
    fs.symlinkSync(path.resolve("data", name), path.join(dataDir, name));
  }
  fs.mkdirSync(path.join(dataDir, "faq"));
  fs.copyFileSync(path.resolve("data/faq/example-format.yaml"), path.join(dataDir, "faq", "example-format.yaml"));
  fs.writeFileSync(path.join(dataDir, "faq", "join-union.yaml"), ENTRY);
  store = await openStore("sqlite::memory:");
  const knowledge = await loadKnowledge({ store, dataDir });
  t = await createTestBot({ knowledge, store });
}, 120_000);

afterAll(async () => {
  await t?.close();
  await store?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("staff-written answers in the bot", () => {
  it("cites the answer as written by union staff, with author and date (zh)", async () => {
    const [reply] = await t.sendText("请问怎么入会?");
    const text = visibleText(reply.text);
    expect(text).toContain("工会工作人员解答（测试用工会办公室，2026-11-02撰写，不是报纸原文）");
    expect(text).toContain("到所在单位工会或街道工会办理入会登记");
    expect(text).toContain("详情：https://example.org/join");
    expect(text).toMatch(/1\. \[工会解答\] 怎么入会 — 工会工作人员撰写（测试用工会办公室，2026-11-02）/);
    expect(text).not.toContain("示例格式");
    const opened = visibleText((await t.pressButton(reply.buttons[0][0].callback_data!)).map((m) => m.text).join("\n"));
    expect(opened).toContain("到所在单位工会或街道工会办理入会登记");
    expect(opened).toContain("工会工作人员撰写（测试用工会办公室，2026-11-02）");
  });

  it("cites the answer as written by union staff, with author and date (en)", async () => {
    const [reply] = await t.sendText("how do I join the union?", { from: { id: 56, language_code: "en" } });
    const text = visibleText(reply.text);
    expect(text).toContain("Answer written by union staff (测试用工会办公室, 2026-11-02; not from the newspaper)");
    expect(text).toContain("More: https://example.org/join");
    expect(text).toMatch(/\[Staff answer\] 怎么入会 — written by union staff \(测试用工会办公室, 2026-11-02\)/);
  });

  it("never serves the example entry", async () => {
    const answer = await t.knowledge.ask("如何加入工会");
    expect(answer.hits.map((h) => h.id)).not.toContain("example-format");
    expect(JSON.stringify(answer)).not.toContain("示例格式");
  });
});
