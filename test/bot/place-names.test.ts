/** Place names in /find and /settings: Chinese for Chinese readers, "Huaian (淮安市)" for English ones, as station replies name them. */
import { describe, expect, it } from "vitest";
import type { TestBot } from "../support/bot-harness.js";
import { buttons, en, findBots, said, startFind } from "../support/find-harness.js";

const bots = findBots();
let t: TestBot;

const placeButtons = (bot: TestBot) => buttons(bot).filter((b) => b.callback_data?.startsWith("find:where:")).map((b) => b.text);

describe("/find: where do you live or work", () => {
  it("in English, the place buttons and the place set read in English with the Chinese name beside them", async () => {
    t = await bots.open();
    await startFind(t, "medical", undefined, en);
    const places = placeButtons(t);
    expect(places).toContain("Huaian (淮安市)");
    expect(places).toContain("Zhejiang (浙江省)");
    expect(places.join(" ")).not.toMatch(/(^|\s)[\u4e00-\u9fff]+(\s|$)/);
    await t.pressButton("find:where:p18", en);
    expect(said(t)).toContain("Place: Huaian (淮安市)");
  });

  it("in English, a typed place is confirmed in English", async () => {
    t = await bots.open();
    await startFind(t, "medical", undefined, en);
    await t.sendText("海盐", en);
    expect(said(t)).toContain("Place: Haiyan County (海盐县)");
  });

  it("in Chinese, the buttons and the place set stay Chinese", async () => {
    t = await bots.open();
    await startFind(t, "medical");
    const places = placeButtons(t);
    expect(places).toContain("淮安");
    expect(places).toContain("浙江");
    await t.pressButton("find:where:p18");
    expect(said(t)).toContain("地点：淮安");
    expect(said(t)).not.toContain("Huaian");
  });
});

async function subscribeWithRegion(bot: TestBot, region: string, from?: typeof en): Promise<void> {
  await bot.sendText("/subscribe", from);
  await bot.pressButton("sub:t:all", from);
  await bot.pressButton("sub:next", from);
  await bot.sendText(region, from);
  await bot.pressButton("sub:skip", from);
  await bot.pressButton("sub:d:now", from);
}

describe("/settings: the subscription's region", () => {
  it("in English reads 'Yuhang District (余杭区)', also when saved", async () => {
    t = await bots.open();
    await subscribeWithRegion(t, "余杭", en);
    expect(said(t)).toContain("Region: Yuhang District (余杭区)");
    await t.sendText("/settings", en);
    expect(said(t)).toContain("Region: Yuhang District (余杭区)");
  });

  it("in Chinese reads 杭州市余杭区", async () => {
    t = await bots.open();
    await subscribeWithRegion(t, "余杭");
    await t.sendText("/settings");
    expect(said(t)).toContain("地区：杭州市余杭区");
    expect(said(t)).not.toContain("Yuhang");
  });
});
