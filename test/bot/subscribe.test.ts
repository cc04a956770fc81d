import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { publishFiles } from "../../src/delivery/publish.js";
import { composeDigest } from "../../src/knowledge/digest/compose.js";
import { loadGazetteer } from "../../src/knowledge/places/gazetteer.js";
import type { Knowledge } from "../../src/knowledge/knowledge.js";
import { createTestBot, visibleText, type TestBot } from "../support/bot-harness.js";
import { fakeKnowledge } from "../support/fake-knowledge.js";

const FIXTURE = path.resolve(import.meta.dirname, "../delivery/fixtures/issue-2022-04-08.txt");

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = { ...fakeKnowledge([]), gazetteer: await loadGazetteer(path.resolve("data")) };
});

let t: TestBot | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const text = (bot: TestBot) => visibleText(bot.lastReplies().map((m) => m.text).join("\n"));

describe("/subscribe conversation", () => {
  it("walks through topics, region, keywords and delivery time and saves the subscription", async () => {
    t = await createTestBot({ knowledge });
    await t.sendText("/subscribe");
    expect(text(t)).toContain("第 1/4 步");
    await t.pressButton("sub:t:training_jobs");
    await t.pressButton("sub:t:rights_law");
    // The keyboard shows the choice.
    const keyboard = t.api.outgoing.at(-1)!.buttons.flat().map((b) => b.text);
    expect(keyboard.filter((b) => b.startsWith("✅"))).toHaveLength(2);
    await t.pressButton("sub:next");
    expect(text(t)).toContain("第 2/4 步");
    await t.sendText("火星市");
    expect(text(t)).toContain("没有找到“火星市”");
    await t.sendText("余杭");
    expect(text(t)).toContain("第 3/4 步");
    await t.sendText("快递, 高温");
    expect(text(t)).toContain("22:00");
    await t.pressButton("sub:d:08:00");
    expect(text(t)).toContain("订阅好了");
    expect(text(t)).toContain("培训与就业、维权与法律");
    expect(text(t)).toContain("每天 08:00");

    const sub = await t.store.subscriptions.get(4242);
    expect(sub).toMatchObject({
      userId: 4242,
      topics: ["training_jobs", "rights_law"],
      keywords: ["快递", "高温"],
      delivery: { kind: "daily", time: "08:00" },
      quietHours: { start: "22:00", end: "07:00" },
      status: "active",
      locale: "zh-CN",
    });
    expect(sub?.region).toMatchObject({ name: "余杭区", province: "浙江省", city: "杭州市", level: "county" });
  });

  it("starts from the 订阅工会报 button of /start, and skipping region and keywords is fine", async () => {
    t = await createTestBot({ knowledge });
    await t.sendText("/start");
    await t.pressButton("menu:subscribe");
    expect(text(t)).toContain("第 1/4 步");
    // "Next" without a topic is refused with a hint.
    await t.pressButton("sub:next");
    expect(await t.store.subscriptions.get(4242)).toBeUndefined();
    await t.pressButton("sub:t:all");
    await t.pressButton("sub:next");
    await t.pressButton("sub:skip");
    await t.pressButton("sub:skip");
    await t.pressButton("sub:d:now");
    const sub = await t.store.subscriptions.get(4242);
    expect(sub).toMatchObject({ topics: ["all"], region: null, keywords: [], delivery: { kind: "immediate" } });
    expect(t.calls("answerCallbackQuery").some((c) => String(c.payload.text ?? "").includes("至少选择一项"))).toBe(true);
  });

  it("/cancel in the middle saves nothing", async () => {
    t = await createTestBot({ knowledge });
    await t.sendText("/subscribe");
    await t.pressButton("sub:t:all");
    await t.pressButton("sub:next");
    await t.sendText("/cancel");
    expect(text(t)).toContain("没有保存");
    expect(await t.store.subscriptions.get(4242)).toBeUndefined();
    await t.sendText("余杭");
    expect(text(t)).not.toContain("第 3/4 步");
  });

  it("/subscribe or the menu button in the middle starts over", async () => {
    t = await createTestBot({ knowledge });
    await t.sendText("/subscribe");
    await t.pressButton("sub:t:all");
    await t.pressButton("sub:next");
    await t.sendText("/subscribe");
    expect(text(t)).toContain("第 1/4 步");
    await t.pressButton("sub:t:rights_law");
    await t.pressButton("sub:next");
    expect(text(t)).toContain("第 2/4 步");
  });

  it("speaks English to an English client", async () => {
    t = await createTestBot({ knowledge });
    const en = { from: { id: 77, language_code: "en" } };
    await t.sendText("/subscribe", en);
    expect(text(t)).toContain("step 1/4");
    await t.pressButton("sub:t:hardship_medical", en);
    await t.pressButton("sub:next", en);
    await t.pressButton("sub:skip", en);
    await t.pressButton("sub:skip", en);
    await t.pressButton("sub:d:now", en);
    expect(text(t)).toContain("You are subscribed");
    expect((await t.store.subscriptions.get(77))?.locale).toBe("en");
  });
});

describe("/settings, /pause, /resume, /unsubscribe", () => {
  it("show and change the subscription", async () => {
    t = await createTestBot({ knowledge });
    await t.sendText("/settings");
    expect(text(t)).toContain("还没有订阅");
    await t.store.subscriptions.upsert({ chatId: 4242, userId: 4242, topics: ["rights_law"], keywords: ["欠薪"] });
    await t.sendText("/settings");
    expect(text(t)).toContain("维权与法律");
    expect(text(t)).toContain("欠薪");
    expect(t.lastReplies()[0].buttons.flat().map((b) => b.callback_data)).toEqual(["sub:edit", "sub:pause", "sub:unsub"]);
    await t.sendText("/pause");
    expect((await t.store.subscriptions.get(4242))?.status).toBe("paused");
    await t.pressButton("sub:resume", {});
    await t.sendText("/settings");
    expect(text(t)).toContain("正在接收");
    await t.sendText("/unsubscribe");
    expect(text(t)).toContain("已退订");
    expect(await t.store.subscriptions.get(4242)).toBeUndefined();
  });
});

describe("reading an article from a digest", () => {
  it("the read button shows the article with its source", async () => {
    t = await createTestBot({ knowledge });
    await t.store.subscriptions.upsert({ chatId: 4242, userId: 4242, topics: ["training_jobs"] });
    const [published] = await publishFiles([FIXTURE], { store: t.store, source: "test" });
    expect(published.status).toBe("published");
    const issue = (await t.store.subscriptions.getPublished(published.issueId!))!;
    const [row] = await t.store.subscriptions.outboxRows(issue.issueId);
    const digest = composeDigest(issue, row.articles, "zh-CN")!;
    const first = issue.items.find((i) => i.seq === row.articles[0])!;
    await t.pressButton(digest.buttons[0].data);
    const shown = text(t);
    expect(shown).toContain(first.title);
    expect(shown).toContain("来源：浙江工人日报 2022年4月8日 总第12079期");
    await t.pressButton("digest:read:999:1");
    expect(text(t)).toContain("找不到");
  });
});
