import { afterEach, describe, expect, it } from "vitest";
import { createTestBot, visibleText, type TestBot } from "../support/bot-harness.js";
import { fakeKnowledge, makeHit } from "../support/fake-knowledge.js";

let t: TestBot;
afterEach(async () => t?.close());

const medical = fakeKnowledge(
  [
    {
      match: /看病|医疗/,
      answer: "淮安市总工会对大病职工有医疗救助，自付部分超过一定金额可以申请。",
      hits: [
        makeHit({ kind: "programme", id: "p-medical", title: "困难职工医疗救助", snippet: "申请条件：本市在职职工，年度自付医疗费用超过3000元……", source: { paper: "淮安日报", date: "2024-03-02", issue: "8812", title: "市总工会开展大病救助" } }),
        makeHit({ id: "a-1", title: "看病难？工会来帮忙" }),
        makeHit({ kind: "station", id: "s-1", title: "余杭示例驿站", sample: true, source: { paper: null, date: null, issue: null, title: null } }),
      ],
    },
    {
      match: /符号/,
      answer: "A<B & C>D 用 *星号* 和 _下划线_",
      hits: [makeHit({ id: "a-2", title: "<script>&amp; *x* _y_", snippet: "正文 <b>不是标签</b> & 5 < 6" })],
    },
    { match: /很长/, answer: "长".repeat(9000), hits: [makeHit({ id: "a-3", title: "长文" })] },
  ],
  { fail: /崩溃/ },
);

describe("questions in plain text", () => {
  it("answers with the sources (paper, date, issue, title) and buttons to open each result", async () => {
    t = await createTestBot({ knowledge: medical });
    const replies = await t.sendText("我在淮安,看病自己花了四千多,工会能兜底吗?");
    expect(replies).toHaveLength(1);
    const text = visibleText(replies[0].text);
    expect(text).toContain("淮安市总工会对大病职工有医疗救助");
    expect(text).toContain("淮安日报 2024-03-02 第 8812 期 《市总工会开展大病救助》");
    expect(text).toContain("工人日报 2024-05-01 第 12773 期 《看病难？工会来帮忙》");
    expect(text).toContain("【示例数据】"); // the sample station is marked
    // One button per result, then the eligibility check for the best result (a programme).
    expect(replies[0].buttons.flat().map((b) => b.callback_data)).toEqual(["hit:1:0", "hit:1:1", "hit:1:2", "elig:p-medical~S4001_4999"]);
    expect(replies[0].buttons.flat().at(-1)?.text).toContain("我符合条件吗");
    expect(medical.questions.at(-1)).toContain("四千多");
  });

  it("opens a result in full from its button", async () => {
    t = await createTestBot({ knowledge: medical });
    await t.sendText("看病能报销吗");
    const [card] = await t.pressButton("hit:1:0");
    const text = visibleText(card.text);
    expect(text).toContain("困难职工医疗救助");
    expect(text).toContain("年度自付医疗费用超过3000元");
    expect(text).toContain("来源：淮安日报 2024-03-02");
    expect(t.calls("answerCallbackQuery")).toHaveLength(1);
  });

  it("an older answer's buttons still open that answer's results; forgotten ones say they expired", async () => {
    t = await createTestBot({ knowledge: medical });
    await t.sendText("看病能报销吗"); // answer 1
    await t.sendText("符号"); // answer 2
    const [card] = await t.pressButton("hit:1:0");
    expect(visibleText(card.text)).toContain("困难职工医疗救助");
    for (let i = 0; i < 3; i++) await t.sendText("看病");
    expect(await t.pressButton("hit:1:0")).toEqual([]);
    expect(t.calls("answerCallbackQuery").at(-1)!.payload.text).toContain("过期");
    await t.pressButton("hit:9:3");
    expect(t.calls("answerCallbackQuery").at(-1)!.payload.text).toContain("过期");
  });

  it("says so when nothing is found, with 12351 and the menu buttons", async () => {
    t = await createTestBot({ knowledge: medical });
    const [reply] = await t.sendText("火星上有工会吗");
    expect(reply.text).toContain("12351");
    expect(reply.text).toContain("没有找到");
    expect(reply.buttons.flat().map((b) => b.callback_data)).toEqual(["menu:stations", "menu:find", "menu:subscribe", "menu:ask"]);
  });

  it("when the sources discuss the topic but do not state what was asked, says so and lists them as related", async () => {
    const related = makeHit({ kind: "programme", id: "p-fee", title: "职工互助会" });
    const knowledge = {
      ...fakeKnowledge([]),
      ask: async (q: string) => ({ q, found: false, confidence: "related" as const, answer: "工会报和服务目录里没有写明您问的这一点（会费）。", hits: [related] }),
    };
    t = await createTestBot({ knowledge });
    const [reply] = await t.sendText("互助会一年交多少钱?");
    const text = visibleText(reply.text);
    expect(text).toContain("没有写明");
    expect(text).toContain("12351");
    expect(text).toContain("可能相关");
    expect(text).not.toContain("来源：");
    // The related result opens, but no eligibility check is offered for an answer that was not found.
    expect(reply.buttons.flat().map((b) => b.callback_data)).toEqual(["hit:1:0"]);
  });

  it("escapes <, &, *, _ from content so Telegram accepts the HTML and shows them as typed", async () => {
    t = await createTestBot({ knowledge: medical });
    const [reply] = await t.sendText("符号 <b> & *星* _下_");
    // LocalBotApi refuses malformed HTML with a 400, which would have surfaced as the error reply.
    const text = visibleText(reply.text);
    expect(text).toContain("A<B & C>D 用 *星号* 和 _下划线_");
    expect(text).toContain("<script>&amp; *x* _y_");
    const [card] = await t.pressButton("hit:1:0");
    expect(visibleText(card.text)).toContain("正文 <b>不是标签</b> & 5 < 6");
  });

  it("splits an answer longer than 4096 characters into several messages, buttons on the last", async () => {
    t = await createTestBot({ knowledge: medical });
    const replies = await t.sendText("很长的问题");
    expect(replies.length).toBeGreaterThan(2);
    for (const reply of replies) expect(visibleText(reply.text).length).toBeLessThanOrEqual(4096);
    expect(replies.map((r) => visibleText(r.text)).join("").match(/长/g)!.length).toBeGreaterThanOrEqual(9000);
    expect(replies.at(-1)!.buttons.flat()).toHaveLength(1);
    expect(replies[0].buttons).toHaveLength(0);
  });

  it("refuses a 10,000-character message with a clear reason, without searching", async () => {
    t = await createTestBot({ knowledge: medical });
    const before = medical.questions.length;
    const [reply] = await t.sendText("啊".repeat(10_000));
    expect(reply.text).toContain("问题太长了");
    expect(reply.text).toContain("1,000");
    expect(medical.questions.length).toBe(before);
  });

  it("when the search fails the user gets an apology without internals", async () => {
    t = await createTestBot({ knowledge: medical });
    const [reply] = await t.sendText("崩溃吧");
    expect(reply.text).toContain("12351");
    expect(reply.text).not.toContain("/secret/path");
  });

  it("answers in English for an English client", async () => {
    t = await createTestBot({ knowledge: medical });
    const [reply] = await t.sendText("Can the union help with medical 看病 costs?", { from: { id: 99, language_code: "en" } });
    expect(reply.text).toContain("Sources:");
    expect(reply.text).toContain("issue 8812");
    const [none] = await t.sendText("unions on mars?", { from: { id: 99, language_code: "en" } });
    expect(none.text).toContain("You can also try");
    expect(none.buttons.flat()[0].text).toContain("Find a station");
  });

  it("does not treat text in groups as questions", async () => {
    t = await createTestBot({ knowledge: medical });
    const replies = await t.sendText("看病能报销吗", { chat: { id: -100123, type: "supergroup", title: "骑手群" } as never });
    expect(replies).toHaveLength(0);
  });
});
