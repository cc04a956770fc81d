// The guided checks hear what the member already said, in Chinese and English: a plain "no" (没有残疾,
// "I don't have any kind of disability"), a place that starts the sentence (淮安困难户), a town name (小浦镇,
// 钦工镇; 和平镇 is in two counties and is asked), and an illness named in English with the Chinese beside it.
import { describe, expect, it } from "vitest";
import type { TestBot } from "../support/bot-harness.js";
import type { SendOptions } from "../support/bot-harness.js";
import { buttons, en, everything, findBots, huaianSafetyNet, said } from "../support/find-harness.js";

const bots = findBots([huaianSafetyNet]);
let t: TestBot;

/** Skips every question left, so the results come. */
async function skipToResults(bot: TestBot, from?: SendOptions): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const skip = buttons(bot).find((b) => /^find:a:.*:skip$/.test(b.callback_data ?? ""));
    if (!skip) return;
    await bot.pressButton(skip.callback_data!, from);
  }
}

describe("a plain no is heard", () => {
  it("没有残疾 with a town: the place and the no are repeated, never asked, and the workshop says why not", async () => {
    t = await bots.open();
    await t.sendText("/find");
    await t.sendText("我没有残疾,小浦镇的,想找份工作");
    expect(said(t)).toContain("按您说的：湖州市长兴县，想找工作，没有残疾");
    await skipToResults(t);
    expect(everything(t)).not.toContain("你在哪里工作或生活");
    expect(everything(t)).not.toMatch(/残疾吗|有没有残疾/);
    expect(said(t)).toMatch(/❌ 不符合[\s\S]*杏福花开[\s\S]*您的情况:否/);
  });

  it("English: 'I don't have any kind of disability' is a no, four words away", async () => {
    t = await bots.open();
    await t.sendText("/find", en);
    await t.sendText("I don't have any kind of disability, I live in Changxing and want a job", en);
    expect(said(t)).toContain("From what you said: Changxing County (长兴县), looking for work, no disability");
    await skipToResults(t, en);
    expect(said(t)).toMatch(/You do not qualify[\s\S]*Xingfu Huakai[\s\S]*your answer: no/);
  });
});

describe("a place that starts the sentence", () => {
  it("淮安困难户: the status is read with the place, and the 我符合条件吗? button carries it", async () => {
    t = await bots.open();
    await t.sendText("/find");
    await t.sendText("淮安困难户,看病自己花了四千多");
    expect(said(t)).toContain("按您说的：江苏省淮安市，工会建档的困难职工家庭，自费约4000多元");
    t = await bots.open();
    await t.sendText("淮安困难户,看病自己花了四千多,能兜底吗");
    expect(buttons(t).find((b) => b.text.includes("我符合条件吗"))?.callback_data).toBe("elig:p18@320800~h1.S4001_4999");
  });

  it("English: 'Huai'an hardship family here' says the status too", async () => {
    t = await bots.open();
    await t.sendText("/find", en);
    await t.sendText("Huai'an hardship family here, I paid about 4000 yuan myself for hospital bills", en);
    expect(said(t)).toContain("From what you said: Huaian (淮安市), a hardship family registered by the union, about 4,000 yuan paid yourself");
  });
});

describe("town names", () => {
  it("a typed town is its county; a town two counties share says which they are", async () => {
    t = await bots.open();
    await t.sendText("/find");
    await t.pressButton("find:need:medical");
    await t.pressButton("find:where-other");
    await t.sendText("和平镇");
    expect(said(t)).toContain("好几个地方都有“和平镇”：淮安市清江浦区、湖州市长兴县。请把县区名也告诉我。");
    await t.sendText("淮安和平镇");
    expect(said(t)).toContain("地点：淮安市清江浦区");
  });

  it("a shared town in the first message: the place is asked, naming the counties that have it", async () => {
    t = await bots.open();
    await t.sendText("/find");
    await t.sendText("和平镇的,困难职工,看病自费四千多");
    expect(said(t)).toContain("好几个地方都有“和平镇”：淮安市清江浦区、湖州市长兴县。");
    expect(said(t)).toContain("你在哪里工作或生活");
    await t.sendText("长兴和平镇");
    expect(said(t)).toContain("地点：湖州市长兴县");
  });

  it("English: the shared town's counties are named in English with the Chinese", async () => {
    t = await bots.open();
    await t.sendText("/find", en);
    await t.pressButton("find:need:medical", en);
    await t.pressButton("find:where-other", en);
    await t.sendText("钦工镇", en);
    expect(said(t)).toContain("Place: Huaian District (淮安区)");
    t = await bots.open();
    await t.sendText("/find", en);
    await t.pressButton("find:need:medical", en);
    await t.pressButton("find:where-other", en);
    await t.sendText("和平镇", en);
    expect(said(t)).toMatch(/There is a “和平镇” in more than one place: Qingjiangpu District \(清江浦区\), Changxing County \(长兴县\)/);
  });
});

describe("an illness in the member's words", () => {
  it("English shows an English name with the Chinese beside it, Chinese shows Chinese", async () => {
    t = await bots.open();
    await t.sendText("/find", en);
    await t.sendText("Huai'an, I have kidney failure, hospital bills after insurance 5000", en);
    const line = said(t).split("\n").find((l) => l.startsWith("From what you said"))!;
    expect(line).toBe("From what you said: Huaian (淮安市), Kidney failure (尿毒症), 5,000 yuan paid yourself");
    t = await bots.open();
    await t.sendText("/find", en);
    await t.sendText("淮安 困难职工 大病 自费4000多", en);
    expect(said(t)).toContain("Serious illness (大病)");
    // Chinese outside brackets would be a word the English reader cannot place.
    expect(said(t).split("\n").find((l) => l.startsWith("From what you said"))!.replace(/\([^)]*\)/g, "")).not.toMatch(/[\u4e00-\u9fff]/);
    t = await bots.open();
    await t.sendText("/find");
    await t.sendText("淮安的,我得了尿毒症,看病报销后自己花了五千");
    expect(said(t)).toContain("按您说的：江苏省淮安市，尿毒症，自费5000元");
  });
});
