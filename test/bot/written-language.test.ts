/**
 * A member whose language is Chinese (the default) and who writes in English reads English: the answer,
 * the buttons and steps that follow it, until they write Chinese again. Their /lang choice is not changed.
 */
import { afterEach, describe, expect, it } from "vitest";
import { translate } from "../../src/i18n.js";
import { createTestBot, visibleText, type TestBot } from "../support/bot-harness.js";

let t: TestBot | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const said = (bot: TestBot) => visibleText(bot.lastReplies().map((m) => m.text).join("\n"));
const buttons = (bot: TestBot) => bot.lastReplies().flatMap((m) => m.buttons.flat().map((b) => b.text));
const en = (key: string) => visibleText(translate("en", key));
const zh = (key: string) => visibleText(translate("zh-CN", key));

describe("a member whose language is Chinese writes in English", () => {
  it("a free-text question is answered in English, and their language setting stays unset", async () => {
    t = await createTestBot();
    await t.sendText("how do I join the union");
    const text = said(t);
    expect(text).toContain("12351");
    expect(text).not.toContain(zh("bot-ask-open-hint"));
    expect(text).not.toContain("可以拨打");
    expect(text).toMatch(/Call the workers' hotline 12351|Workers' hotline 12351/);
    expect((await t.store.users.get(4242))?.locale ?? null).toBeNull();
  });

  it("a station question is answered in English, and the station opened from it reads in English", async () => {
    t = await createTestBot();
    await t.sendText("where can I charge my e-bike in Yuhang");
    const text = said(t);
    expect(text).toContain("Yuhang District (余杭区)");
    expect(text).toContain(en("bot-ask-open-hint"));
    expect(text).toContain("[Station]");
    const [card] = await t.pressButton("hit:1:0");
    expect(visibleText(card!.text)).toMatch(/Run by .* km .* of the centre of Yuhang District \(余杭区\)/);
  });

  it("a station question naming no place asks for the location in English, and the stations come in English", async () => {
    t = await createTestBot();
    await t.sendText("where is the nearest station to heat food?");
    expect(said(t)).toContain('Tap "📍 Share my location" below.');
    await t.sendLocation(30.27, 120.15);
    const text = said(t);
    expect(text).toContain("Nearest stations with");
    expect(text).toContain("[SAMPLE DATA]");
    expect(text).not.toContain("最近");
  });

  it("the eligibility check started from an English answer asks and answers in English at every step", async () => {
    t = await createTestBot();
    await t.sendText("am I eligible for medical aid in Huaian");
    expect(buttons(t)).toContain(en("find-check-button"));
    const data = t.lastReplies().flatMap((m) => m.buttons.flat()).find((b) => b.text === en("find-check-button"))!.callback_data!;
    await t.pressButton(data);
    const first = said(t);
    expect(first).toContain("do I qualify?");
    expect(first).not.toContain("我符合条件吗");
    // A step answered with a button (no text to tell the language) goes on in English.
    const step = t.lastReplies().at(-1)!.buttons.flat().find((b) => b.callback_data?.startsWith("find:a:"));
    expect(step).toBeDefined();
    await t.pressButton(step!.callback_data!);
    expect(said(t)).toMatch(/[A-Za-z]{4,}/);
    expect(said(t)).not.toMatch(/您|请问|是否/);
  });

  it("writing Chinese again brings Chinese back", async () => {
    t = await createTestBot();
    await t.sendText("how do I join the union");
    await t.sendText("没工作了有免费培训吗?");
    expect(said(t)).toContain(zh("bot-ask-open-hint"));
    await t.sendText("/start");
    expect(said(t)).not.toContain("Hello");
  });

  it("a command after an English question is answered in English too (/start)", async () => {
    t = await createTestBot();
    await t.sendText("how do I join the union");
    await t.sendText("/start");
    expect(said(t)).toContain("Hello");
  });
});

describe("a member who chose English writes in Chinese", () => {
  it("is answered in English: the choice wins", async () => {
    t = await createTestBot();
    await t.sendText("/lang en");
    await t.sendText("没工作了有免费培训吗?");
    expect(said(t)).toContain(en("bot-ask-open-hint"));
  });

  it("a member who chose Chinese and writes English is answered in English for it, keeping the choice", async () => {
    t = await createTestBot();
    await t.sendText("/lang zh");
    await t.sendText("how do I join the union");
    expect(said(t)).toMatch(/12351/);
    expect(said(t)).not.toContain("可以拨打");
    expect((await t.store.users.get(4242))?.locale).toBe("zh-CN");
    await t.sendText("余杭哪里能热饭?");
    expect(said(t)).toContain(zh("bot-ask-open-hint"));
  });
});
