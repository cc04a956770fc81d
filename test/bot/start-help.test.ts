import { afterEach, describe, expect, it } from "vitest";
import { createTestBot, type TestBot } from "../support/bot-harness.js";
import { fakeKnowledge } from "../support/fake-knowledge.js";

let t: TestBot;
afterEach(async () => t?.close());

describe("/start and /help", () => {
  it("welcomes in Chinese with the four menu buttons", async () => {
    t = await createTestBot({ knowledge: fakeKnowledge([]) });
    const [reply] = await t.sendText("/start");
    expect(reply.text).toContain("娘家");
    expect(reply.parseMode).toBe("HTML");
    const buttons = reply.buttons.flat();
    expect(buttons.map((b) => b.callback_data)).toEqual(["menu:stations", "menu:find", "menu:subscribe", "menu:ask"]);
    expect(buttons.map((b) => b.text).join(" ")).toMatch(/找驿站.*我能申请什么.*订阅工会报.*问个问题/);
  });

  it("welcomes in English when the Telegram client is English", async () => {
    t = await createTestBot({ knowledge: fakeKnowledge([]) });
    const [reply] = await t.sendText("/start", { from: { id: 77, language_code: "en-US" } });
    expect(reply.text).toContain("Hello");
    expect(reply.buttons.flat()[0].text).toContain("Find a station");
  });

  it("/help lists every command with a description", async () => {
    t = await createTestBot({ knowledge: fakeKnowledge([]) });
    const [reply] = await t.sendText("/help");
    for (const command of ["/start", "/help", "/lang", "/privacy", "/forget"]) expect(reply.text).toContain(command);
    expect(reply.text).toContain("12351");
  });

  it("menu buttons of features not installed get a polite answer, and 问个问题 explains how to ask", async () => {
    t = await createTestBot({ knowledge: fakeKnowledge([]), features: [] });
    await t.sendText("/start");
    const replies = await t.pressButton("menu:stations");
    expect(t.calls("answerCallbackQuery")).toHaveLength(1);
    expect(replies[0].text).toContain("还在准备中");
    await t.close();
    t = await createTestBot({ knowledge: fakeKnowledge([]) });
    await t.sendText("/start");
    const [prompt] = await t.pressButton("menu:ask");
    expect(prompt.text).toContain("请直接输入你的问题");
  });
});

describe("menu buttons in a group", () => {
  it("point the member to a private chat instead of answering in the group", async () => {
    t = await createTestBot({ knowledge: fakeKnowledge([]) });
    const group = { chat: { id: -100, type: "group" as const, title: "骑手群" } };
    for (const button of ["menu:find", "menu:stations", "menu:subscribe"]) {
      const replies = await t.pressButton(button, group);
      expect(replies).toEqual([]);
      const toast = t.calls("answerCallbackQuery").at(-1)?.payload as { text?: string };
      expect(toast.text).toContain("私聊");
    }
  });
});
