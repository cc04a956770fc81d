/** /lang with an argument, /cancel outside a conversation and in /help, the station list header wording. */
import { afterEach, describe, expect, it } from "vitest";
import { stationsFeature } from "../../src/bot/features/stations.js";
import { openStore } from "../../src/storage/open.js";
import { station } from "../knowledge/stations/helpers.js";
import { createTestBot, visibleText, type TestBot } from "../support/bot-harness.js";
import { fakeKnowledge } from "../support/fake-knowledge.js";

let t: TestBot | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const said = (bot: TestBot) => visibleText(bot.lastReplies().map((m) => m.text).join("\n"));

describe("/lang", () => {
  it("/lang en switches at once (no buttons) and the next replies are English; /lang zh switches back", async () => {
    t = await createTestBot({ knowledge: fakeKnowledge([]) });
    const [changed] = await t.sendText("/lang en");
    expect(changed!.text).toBe("OK, I will talk to you in English from now on.");
    expect(changed!.buttons).toEqual([]);
    expect((await t.store.users.get(4242))?.locale).toBe("en");
    await t.sendText("/help");
    expect(said(t)).toContain("/cancel — End the questions in progress");
    await t.sendText("/lang zh");
    expect(said(t)).not.toContain("English from now on");
    expect((await t.store.users.get(4242))?.locale).toBe("zh-CN");
    await t.sendText("/help");
    expect(said(t)).toContain("/cancel — 结束正在进行的问答");
  });

  it("accepts the language's own name (/lang 中文, /lang English), and anything else shows the two buttons", async () => {
    t = await createTestBot({ knowledge: fakeKnowledge([]) });
    await t.sendText("/lang English");
    expect((await t.store.users.get(4242))?.locale).toBe("en");
    await t.sendText("/lang 中文");
    expect((await t.store.users.get(4242))?.locale).toBe("zh-CN");
    const [choose] = await t.sendText("/lang klingon");
    expect(choose!.buttons.flat().map((b) => b.callback_data)).toEqual(["lang:zh-CN", "lang:en"]);
    expect((await t.store.users.get(4242))?.locale).toBe("zh-CN");
  });
});

describe("/cancel", () => {
  it("is listed in /help and, with nothing in progress, says so (zh and en)", async () => {
    t = await createTestBot({ knowledge: fakeKnowledge([]) });
    await t.sendText("/cancel");
    expect(said(t)).toContain("现在没有正在进行的问答，不需要取消");
    await t.sendText("/cancel", { from: { language_code: "en" } });
    expect(said(t)).toContain("There are no questions in progress, nothing to cancel.");
  });
});

describe("station list header", () => {
  it("reads as one sentence in English and Chinese (no 'charging:(open ones first)')", async () => {
    const store = await openStore("sqlite::memory:");
    await store.stations.upsertMany([station({ id: "s1", name: "驿站一", lat: 30.28, lon: 120.15, openingHours: "24/7", amenities: ["phone_charging"] })]);
    t = await createTestBot({ knowledge: fakeKnowledge([]), store, features: [stationsFeature] });
    const en = { from: { language_code: "en" } };
    await t.sendText("/stations", en);
    await t.sendText("charging", en);
    await t.sendLocation(30.27, 120.15, en);
    expect(said(t)).toContain("Nearest stations with charging, open ones first:");
    expect(said(t)).not.toContain(":(");
    await t.sendText("/stations");
    await t.sendText("充电");
    await t.sendLocation(30.27, 120.15);
    expect(said(t)).toContain("离您最近、能充电的驿站（营业中的排在前面）：");
  });
});
