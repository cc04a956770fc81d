import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { publishFiles } from "../../src/delivery/publish.js";
import { composeDigest } from "../../src/knowledge/digest/compose.js";
import { loadGazetteer } from "../../src/knowledge/places/gazetteer.js";
import type { Knowledge } from "../../src/knowledge/knowledge.js";
import { createTestBot, visibleText, type TestBot } from "../support/bot-harness.js";
import { deliveryFromText, looksLikeQuestion, parseKeywords } from "../../src/bot/conversations/subscribe-text.js";
import { fakeKnowledge, makeHit } from "../support/fake-knowledge.js";

const FIXTURE = path.resolve(import.meta.dirname, "../delivery/fixtures/issue-2022-04-08.txt");

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = { ...fakeKnowledge([]), gazetteer: await loadGazetteer(path.resolve("data")) };
});

let t: TestBot | undefined;
afterEach(async () => {
  vi.useRealTimers();
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

describe("/subscribe never swallows the member's later messages", () => {
  // A search that knows one answer, so a question that reached it is easy to recognise.
  let asking: Knowledge & { questions: string[] };
  beforeAll(() => {
    const scripted = fakeKnowledge([
      { match: /热饭/, answer: "余杭区的户外劳动者驿站可以热饭。", hits: [makeHit({ id: "station-news", title: "余杭新建20家户外劳动者驿站" })] },
    ]);
    asking = Object.assign(scripted, { gazetteer: knowledge.gazetteer });
  });
  const start = async (bot: TestBot, topic = "all") => {
    await bot.sendText("/subscribe");
    await bot.pressButton(`sub:t:${topic}`);
    await bot.pressButton("sub:next");
  };

  it("a question typed at the keyword step leaves the conversation and is answered, not saved as a keyword", async () => {
    t = await createTestBot({ knowledge: asking });
    await start(t);
    await t.pressButton("sub:skip"); // no region
    expect(text(t)).toContain("第 3/4 步");
    await t.sendText("余杭哪里能热饭");
    const shown = text(t);
    expect(shown).toContain("已退出订阅设置");
    expect(shown).toContain("余杭区的户外劳动者驿站可以热饭");
    expect(asking.questions).toContain("余杭哪里能热饭");
    expect(await t.store.subscriptions.get(4242)).toBeUndefined();
    // The conversation is over: the next text is a question too, not step 4's answer.
    await t.sendText("热饭的地方还有吗");
    expect(text(t)).toContain("余杭区的户外劳动者驿站可以热饭");
    expect(text(t)).not.toContain("已退出订阅设置");
  });

  it("a question at the topic or delivery step is answered instead of \"use the buttons\"", async () => {
    t = await createTestBot({ knowledge: asking });
    await t.sendText("/subscribe");
    await t.sendText("哪里能热饭？");
    expect(text(t)).toContain("已退出订阅设置");
    expect(text(t)).toContain("余杭区的户外劳动者驿站可以热饭");

    await start(t);
    await t.pressButton("sub:skip");
    await t.pressButton("sub:skip");
    expect(text(t)).toContain("22:00");
    await t.sendText("余杭热饭");
    expect(text(t)).toContain("已退出订阅设置");
    expect(text(t)).toContain("余杭区的户外劳动者驿站可以热饭");
    expect(await t.store.subscriptions.get(4242)).toBeUndefined();
    // The old keyboard's buttons no longer save anything.
    await t.pressButton("sub:d:now");
    expect(await t.store.subscriptions.get(4242)).toBeUndefined();
  });

  it("a question at the region step is answered instead of \"place not found\"", async () => {
    t = await createTestBot({ knowledge: asking });
    await start(t);
    await t.sendText("余杭哪里能热饭?");
    expect(text(t)).not.toContain("没有找到“");
    expect(text(t)).toContain("余杭区的户外劳动者驿站可以热饭");
  });

  it("keywords are a few short words; too many or too long ones are refused once, then the text is let go", async () => {
    t = await createTestBot({ knowledge: asking });
    await start(t);
    await t.pressButton("sub:skip");
    await t.sendText("快递 高温 欠薪 工伤");
    expect(text(t)).toContain("最多 3 个");
    await t.sendText("我最近特别想知道关于快递小哥的消息");
    expect(text(t)).toContain("最多 3 个");
    await t.sendText("快递 高温");
    expect(text(t)).toContain("第 4/4 步");
    // A time typed instead of tapped is an answer too.
    await t.sendText("8点");
    expect(text(t)).toContain("订阅好了");
    expect(await t.store.subscriptions.get(4242)).toMatchObject({ keywords: ["快递", "高温"], delivery: { kind: "daily", time: "08:00" } });

    await start(t, "rights_law"); // "all" is preselected from the saved subscription: this replaces it
    await t.pressButton("sub:skip");
    expect(text(t)).toContain("第 3/4 步");
    for (const bad of ["一 二 三 四", "一二三四五六七八九十十一", "五 六 七 八"]) await t.sendText(bad);
    // The third unreadable answer is not taken as keywords: the conversation ends, nothing changes.
    expect(text(t)).toContain("已退出订阅设置");
    expect((await t.store.subscriptions.get(4242))?.keywords).toEqual(["快递", "高温"]);
  });

  it("⬅️ 上一步, typed 返回 or back go back one step; 不知道 skips an optional step", async () => {
    t = await createTestBot({ knowledge: asking });
    await start(t);
    expect(text(t)).toContain("第 2/4 步");
    await t.sendText("不知道");
    expect(text(t)).toContain("第 3/4 步");
    await t.sendText("返回");
    expect(text(t)).toContain("第 2/4 步");
    await t.pressButton("sub:back");
    expect(text(t)).toContain("第 1/4 步");
    await t.pressButton("sub:next");
    await t.sendText("余杭");
    await t.sendText("⬅️");
    expect(text(t)).toContain("第 2/4 步");
    await t.sendText("淮安");
    await t.pressButton("sub:skip");
    await t.pressButton("sub:d:now");
    expect((await t.store.subscriptions.get(4242))?.region?.name).toBe("淮安市");
  });

  it("不知道 where a choice is needed shows the step's buttons again", async () => {
    t = await createTestBot({ knowledge: asking });
    await t.sendText("/subscribe");
    await t.sendText("不知道");
    expect(text(t)).toContain("第 1/4 步");
    expect(asking.questions).not.toContain("不知道");
  });

  it("English: back and not sure work, /start in the middle ends it", async () => {
    t = await createTestBot({ knowledge: asking });
    const en = { from: { language_code: "en" } };
    await t.sendText("/subscribe", en);
    await t.pressButton("sub:t:all", en);
    await t.pressButton("sub:next", en);
    await t.sendText("not sure", en);
    expect(text(t)).toContain("3/4");
    await t.sendText("back", en);
    expect(text(t)).toContain("2/4");
    await t.sendText("/start", en);
    expect(text(t)).toContain("Left the questions");
    await t.sendText("余杭", en);
    expect(text(t)).not.toContain("3/4");
    expect(await t.store.subscriptions.get(4242)).toBeUndefined();
  });

  it("取消 ends it without saving", async () => {
    t = await createTestBot({ knowledge: asking });
    await start(t);
    await t.sendText("算了");
    expect(text(t)).toContain("没有保存");
    expect(asking.questions).not.toContain("算了");
  });

  it("a long silence ends it politely; the late button saves nothing and the late text is answered", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-01T08:00:00Z"));
    t = await createTestBot({ knowledge: asking });
    await start(t);
    vi.setSystemTime(new Date("2026-06-01T08:20:00Z"));
    await t.pressButton("sub:skip"); // 20 minutes: still fine
    expect(text(t)).toContain("第 3/4 步");
    vi.setSystemTime(new Date("2026-06-01T09:00:00Z"));
    await t.pressButton("sub:skip");
    expect(text(t)).toContain("太久没有回复，已经自动结束");
    expect(text(t)).not.toContain("第 4/4 步");
    expect(t.calls("answerCallbackQuery").length).toBeGreaterThanOrEqual(3);

    await start(t);
    vi.setSystemTime(new Date("2026-06-01T10:00:00Z"));
    await t.sendText("余杭");
    expect(text(t)).toContain("太久没有回复，已经自动结束");
    expect(text(t)).not.toContain("第 3/4 步");
    expect(asking.questions).toContain("余杭");
    expect(await t.store.subscriptions.get(4242)).toBeUndefined();
  });
});

describe("reading typed answers", () => {
  it("tells questions from keywords and typed times", () => {
    for (const q of ["余杭哪里能热饭", "有免费培训吗", "工会能兜底吗？", "怎么申请", "where can I heat food"]) {
      expect(looksLikeQuestion(q), q).toBe(true);
      expect(parseKeywords(q), q).toBeUndefined();
    }
    expect(parseKeywords("快递，高温、欠薪")).toEqual(["快递", "高温", "欠薪"]);
    expect(parseKeywords("heat delivery")).toEqual(["heat", "delivery"]);
    expect(parseKeywords("一二三四五六七八九十")).toEqual(["一二三四五六七八九十"]);
    expect(parseKeywords("一二三四五六七八九十一")).toBeUndefined();
    const t = (key: string, vars?: Record<string, string | number>) => (key === "digest-sub-delivery-now" ? "出刊后马上发" : `每天 ${vars?.time}`);
    expect(deliveryFromText(t, "20:00")).toEqual({ kind: "daily", time: "20:00" });
    expect(deliveryFromText(t, "12点")).toEqual({ kind: "daily", time: "12:00" });
    expect(deliveryFromText(t, "每天 18:00")).toEqual({ kind: "daily", time: "18:00" });
    expect(deliveryFromText(t, "出刊后马上发")).toEqual({ kind: "immediate" });
    expect(deliveryFromText(t, "9点")).toBeUndefined();
    expect(deliveryFromText(t, "明天")).toBeUndefined();
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
    const issue = (await t.store.outbox.getPublished(published.issueId!))!;
    const [row] = await t.store.outbox.outboxRows(issue.issueId);
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
