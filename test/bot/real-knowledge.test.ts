/** The bot over the shipped data (data/): what a member sees for real questions. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBot, visibleText, type TestBot } from "../support/bot-harness.js";

let t: TestBot;
beforeAll(async () => {
  t = await createTestBot();
}, 120_000);
afterAll(async () => t?.close());

describe("answers from the shipped sources", () => {
  it("a colloquial question gets an answer citing paper/date/title, with result buttons", async () => {
    const [reply] = await t.sendText("没工作了有免费培训吗?");
    const text = visibleText(reply.text);
    expect(text).toContain("来源：");
    expect(text).toMatch(/《[^》]+》/);
    expect(reply.buttons.flat().length).toBeGreaterThan(0);
    // "没工作了" is carried on the check button (u1: out of work), so the check does not ask it again.
    expect(reply.buttons.flat().every((b) => /^(hit:\d+:\d|elig:p\d+(@\d+)?(~[A-Za-z0-9._]+)?)$/.test(b.callback_data ?? ""))).toBe(true);
  });

  it("a result button opens the programme card or article in full, with its source", async () => {
    const [answer] = await t.sendText("余杭哪里能热饭充电?");
    const replies = await t.pressButton(answer.buttons[0][0].callback_data!);
    expect(replies.length).toBeGreaterThan(0);
    const text = visibleText(replies.map((r) => r.text).join("\n"));
    expect(text).toContain("来源：");
    expect(text.length).toBeGreaterThan(80);
  });

  it("a programme card offers 我符合条件吗? and the button starts that programme's check", async () => {
    const member = { from: { id: 77 } }; // its own chat: the check it starts stays open
    const [answer] = await t.sendText("宁波考下社工证有补贴吗?", member);
    const programmeButton = answer.buttons.flat().find((b) => /社会工作者/.test(b.text));
    expect(programmeButton).toBeDefined();
    const card = await t.pressButton(programmeButton!.callback_data!, member);
    const checkButton = card.flatMap((m) => m.buttons.flat()).find((b) => b.text.includes("我符合条件吗"));
    expect(checkButton?.callback_data).toMatch(/^elig:/);
    const question = await t.pressButton(checkButton!.callback_data!, member);
    expect(visibleText(question.map((m) => m.text).join("\n"))).toContain("宁波社会工作者资格证书补贴");
  });

  it("the check offered under an answer takes the place from the question and does not ask it again", async () => {
    const member = { from: { id: 78 } };
    const [answer] = await t.sendText("我在淮安,看病自己花了四千多,工会能兜底吗?", member);
    const check = answer.buttons.flat().find((b) => b.text.includes("我符合条件吗"));
    expect(check?.callback_data).toMatch(/^elig:p\d+@\d+~S4001_4999$/);
    const replies = visibleText((await t.pressButton(check!.callback_data!, member)).map((m) => m.text).join("\n"));
    expect(replies).toContain("按您说的：淮安市，自费约4000多元");
    expect(replies).not.toContain("您在哪个城市");
    expect(replies).not.toContain("自己还花了多少钱");
  });

  it("English: the check under 'Am I eligible for hardship aid in Huai'an?' does not ask the city again", async () => {
    const member = { from: { id: 79, language_code: "en" } };
    const [answer] = await t.sendText("Am I eligible for hardship aid in Huai'an?", member);
    const check = answer.buttons.flat().find((b) => b.text.includes("Do I qualify"));
    expect(check?.callback_data).toMatch(/^elig:p\d+@320800/);
    const replies = visibleText((await t.pressButton(check!.callback_data!, member)).map((m) => m.text).join("\n"));
    expect(replies).toContain("Place: Huaian");
    expect(replies).not.toContain("Which city");
  });

  it("a question the sources cannot match says so and offers 12351 and the menu", async () => {
    const [reply] = await t.sendText("zzqx kpwv qqjx?");
    expect(reply.text).toContain("12351");
    expect(reply.buttons.flat().map((b) => b.callback_data)).toContain("menu:find");
  });

  it("an English client gets English labels around the (Chinese) content", async () => {
    const [reply] = await t.sendText("Is there free training for unemployed workers?", { from: { id: 55, language_code: "en" } });
    expect(reply.text).toMatch(/Sources:|12351/);
  });
});
