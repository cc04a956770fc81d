/**
 * A greeting, thanks or goodbye gets a friendly reply, not "nothing found", and never reaches the staff's gap
 * report; a question that starts with a greeting is still searched.
 */
import { afterEach, describe, expect, it } from "vitest";
import { smallTalkKind } from "../../src/bot/small-talk.js";
import { createTestBot, visibleText, type TestBot } from "../support/bot-harness.js";
import { fakeKnowledge, makeHit } from "../support/fake-knowledge.js";

const knowledge = () =>
  fakeKnowledge([{ match: /热饭/, answer: "根据《驿站》：可以热饭。", hits: [makeHit({ id: "a/1", title: "驿站" })] }]);

let t: TestBot | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("small talk in the chat", () => {
  it("在吗 gets a greeting with examples and the menu, searches nothing and is not kept as a gap", async () => {
    const search = knowledge();
    t = await createTestBot({ knowledge: search });
    const [reply] = await t.sendText("在吗？");
    expect(visibleText(reply.text)).toContain("直接打字说你的问题");
    expect(reply.buttons.flat().map((b) => b.text)).toEqual(["📍 找驿站", "🧾 我能申请什么", "📰 订阅工会报", "💬 问个问题"]);
    expect(search.questions).toEqual([]);
    expect(await t.store.gaps.list(0)).toEqual([]);
  });

  it("thanks, goodbye and asking for a person each get their own reply, in English too", async () => {
    t = await createTestBot({ knowledge: knowledge() });
    expect(visibleText((await t.sendText("谢谢啦"))[0].text)).toContain("不客气");
    expect(visibleText((await t.sendText("好的 再见"))[0].text)).toContain("再见");
    expect(visibleText((await t.sendText("转人工"))[0].text)).toContain("没有人工客服");
    const english = { from: { id: 77, language_code: "en" } };
    expect(visibleText((await t.sendText("Thank you so much!", english))[0].text)).toContain("You're welcome");
    expect(visibleText((await t.sendText("can I talk to a human", english))[0].text)).toContain("no live agent");
  });

  it("a question that opens with a greeting is answered from the sources", async () => {
    const search = knowledge();
    t = await createTestBot({ knowledge: search });
    const [reply] = await t.sendText("你好，余杭哪里能热饭");
    expect(visibleText(reply.text)).toContain("可以热饭");
    expect(search.questions).toEqual(["你好，余杭哪里能热饭"]);
  });
});

describe("what counts as small talk", () => {
  it("reads the whole message: phrases, repeats and particles, and nothing else", () => {
    expect(smallTalkKind("你好")).toBe("greeting");
    expect(smallTalkKind("在吗在吗~")).toBe("greeting");
    expect(smallTalkKind("hi there")).toBe("greeting");
    expect(smallTalkKind("谢谢 再见")).toBe("goodbye");
    expect(smallTalkKind("OK")).toBe("ack");
    expect(smallTalkKind("好冷")).toBeUndefined();
    expect(smallTalkKind("hello, is there free training in haiyan")).toBeUndefined();
    expect(smallTalkKind("谢谢，工会能报销吗")).toBeUndefined();
    expect(smallTalkKind("12351")).toBeUndefined();
    expect(smallTalkKind("我要转人工")).toBe("person");
    expect(smallTalkKind("我想")).toBeUndefined();
    expect(smallTalkKind("can i")).toBeUndefined();
  });
});
