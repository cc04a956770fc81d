/**
 * Every place a member sees a title shows a real one: a story printed without a headline is named by its first
 * phrase, never by an internal marker such as "[标题缺失]" or "[上接第一版]" (answers, sources, buttons, the
 * opened article, digests).
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeDigest } from "../../src/knowledge/digest/compose.js";
import { prepareArticles } from "../../src/knowledge/digest/match.js";
import { parseIssueFile } from "../../src/knowledge/newspaper/index.js";
import { createTestBot, visibleText, type TestBot } from "../support/bot-harness.js";

const MARKER = /\[(标题缺失|上接|片段)|标题缺失/;

let t: TestBot;
beforeAll(async () => {
  t = await createTestBot();
}, 120_000);
afterAll(async () => t?.close());

describe("titles members read", () => {
  it("an answer from a story printed without a headline names it by its first phrase, in text, buttons and the opened article", async () => {
    const [reply] = await t.sendText("改造提升户外劳动者服务站点被纳入省政府民生实事项目了吗");
    const buttons = reply.buttons.flat();
    const story = buttons.find((b) => b.text.includes("在今年省“两会”上"));
    expect(story).toBeDefined();
    expect(reply.text).not.toMatch(MARKER);
    for (const b of buttons) expect(b.text).not.toMatch(MARKER);
    const opened = await t.pressButton(story!.callback_data!);
    const text = visibleText(opened.map((m) => m.text).join("\n"));
    expect(text).toContain("在今年省“两会”上");
    expect(text).not.toMatch(MARKER);
  });

  it("a digest of the seed pages lists real titles and read buttons", async () => {
    for (const file of ["undated-outdoor-worker-stations.txt", "undated-social-work-conference.txt"]) {
      const parsed = await parseIssueFile(path.resolve("data/issues", file));
      const items = prepareArticles(parsed.articles).map(({ seq, articleId, title, summary }) => ({ seq, articleId, title, summary }));
      const digest = composeDigest({ pubId: 1, paper: null, date: null, number: null, items }, items.map((i) => i.seq), "zh-CN");
      expect(digest).toBeDefined();
      expect(digest!.html).not.toMatch(MARKER);
      for (const b of digest!.buttons) expect(b.label).not.toMatch(MARKER);
    }
  });
});
