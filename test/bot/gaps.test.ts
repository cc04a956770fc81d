/**
 * Unanswered questions reach the staff's gap report without who asked; /gaps is for ADMIN_IDS only and is not
 * in members' command menu; a broken gap store never breaks a member's answer. /privacy says all this.
 */
import { afterEach, describe, expect, it } from "vitest";
import { features } from "../../src/bot/features/index.js";
import { createTestBot, visibleText, type TestBot } from "../support/bot-harness.js";
import { fakeKnowledge, makeHit } from "../support/fake-knowledge.js";

const ADMIN = 9001;
const MEMBER = 4242;

const knowledge = () =>
  fakeKnowledge([{ match: /热饭/, answer: "根据《驿站》：可以热饭。", hits: [makeHit({ id: "a/1", title: "驿站" })] }]);

let t: TestBot | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("the gap report in the bot", () => {
  it("keeps a question nothing answers, masked and without the member's id; not an answered one", async () => {
    t = await createTestBot({ knowledge: knowledge(), config: { ADMIN_IDS: [ADMIN] } });
    await t.sendText("怎么入会?我电话13812345678");
    await t.sendText("哪里能热饭");
    const kept = await t.store.gaps.list(0);
    expect(kept.map((g) => [g.question, g.confidence])).toEqual([["怎么入会?我电话[电话]", "none"]]);
    expect(JSON.stringify(kept)).not.toContain(String(MEMBER));
  });

  it("/gaps shows staff the groups with counts and the day last asked", async () => {
    t = await createTestBot({ knowledge: knowledge(), config: { ADMIN_IDS: [ADMIN] } });
    await t.sendText("怎么入会");
    await t.sendText("怎么入会", { from: { id: 77 } });
    const [reply] = await t.sendText("/gaps", { from: { id: ADMIN } });
    const text = visibleText(reply.text);
    expect(text).toContain("答不上来的问题");
    expect(text).toMatch(/1\. 怎么入会 — 2 次（仅相关 0，没找到 2），最近一次 \d{4}-\d{2}-\d{2}/);
    const [en] = await t.sendText("/gaps", { from: { id: ADMIN, language_code: "en" } });
    expect(visibleText(en.text)).toMatch(/2× \(related only 0, nothing found 2\), last asked \d{4}-\d{2}-\d{2}/);
  });

  it("/gaps is refused to members and is not in the command menu or /help", async () => {
    t = await createTestBot({ knowledge: knowledge(), config: { ADMIN_IDS: [ADMIN] } });
    await t.sendText("怎么入会");
    const [reply] = await t.sendText("/gaps");
    expect(visibleText(reply.text)).toBe("这个命令只供工会工作人员使用。");
    expect(features.flatMap((f) => f.commands ?? []).map((c) => c.command)).not.toContain("gaps");
    const [help] = await t.sendText("/help");
    expect(help.text).not.toContain("/gaps");
  });

  it("a failing gap store does not break or change the member's answer", async () => {
    t = await createTestBot({ knowledge: knowledge() });
    t.store.gaps.record = async () => {
      throw new Error("disk full");
    };
    const [reply] = await t.sendText("怎么入会");
    expect(reply.text).toContain("12351");
  });

  it("/privacy says unanswered questions are kept anonymously for 90 days and why /forget does not erase them (zh, en)", async () => {
    t = await createTestBot({ knowledge: knowledge() });
    const [zh] = await t.sendText("/privacy");
    expect(visibleText(zh.text)).toMatch(/不记名保存 90 天.*电话号码、身份证号和金额会被遮盖.*\/forget 不会也无法删除/s);
    const [en] = await t.sendText("/privacy", { from: { id: 5, language_code: "en" } });
    expect(visibleText(en.text)).toMatch(/kept anonymously for 90 days.*masked.*\/forget does not \(and cannot\) erase them/s);
  });
});
