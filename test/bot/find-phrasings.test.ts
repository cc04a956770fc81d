// Phrasings members use that the guided checks now understand: English place + amount + status in one
// message, a hedged status (unknown, not "no"), voice input without punctuation and a place whose short
// name is an everyday word. What the member reads, Chinese and English.
import { describe, expect, it } from "vitest";
import { checkCallbackData } from "../../src/bot/conversations/find-shared.js";
import type { TestBot } from "../support/bot-harness.js";
import { en, everything, findBots, huaianSafetyNet, said } from "../support/find-harness.js";

const bots = findBots([huaianSafetyNet]);
let t: TestBot;

const checkButton = (bot: TestBot, text: string) => bot.lastReplies().flatMap((m) => m.buttons.flat()).find((b) => b.text.includes(text));

describe("the question under the answer already says it all", () => {
  it("English: place, status and 'roughly 5k myself after insurance' go straight to the verdict, nothing asked again", async () => {
    t = await bots.open();
    await t.sendText("Huai'an here, we're a registered hardship family and I paid roughly 5k myself after insurance. Can the union cover it?", en);
    const button = checkButton(t, "Do I qualify");
    expect(button?.callback_data).toBe("elig:p18@320800~h1.S4500_5500");
    await t.pressButton(button!.callback_data!, en);
    const reply = said(t);
    expect(reply).toContain("From what you said: Huaian (淮安市), a hardship family registered by the union, about 5,000 yuan paid yourself");
    expect(reply).toContain("✅ You qualify");
    expect(reply).not.toContain("Which city");
    expect(everything(t)).not.toContain("how much did you pay");
  });

  it("English: 'not sure if we're registered' is not a yes: the status is asked, and 'after insurance:' is the self-paid part", async () => {
    t = await bots.open();
    await t.sendText("Not sure if we're registered as a hardship family, I live in Huai'an. Hospital bills after insurance: about 4000 yuan", en);
    const button = checkButton(t, "Do I qualify");
    expect(button?.callback_data).toBe("elig:p18@320800~S3600_4400");
    await t.pressButton(button!.callback_data!, en);
    expect(said(t)).toContain("From what you said: Huaian (淮安市), about 4,000 yuan paid yourself");
    expect(said(t)).toContain("Is your family registered by the union as a hardship worker family?");
    expect(everything(t)).not.toContain("You qualify");
    expect(everything(t)).not.toContain("do not qualify");
  });

  it("Chinese: 不太清楚我家算不算建档困难职工 leaves the status open (asked, never 不符合); 五千多 is not asked again", async () => {
    t = await bots.open();
    await t.sendText("淮安的,看病自己花了五千多,不太清楚我家算不算建档困难职工");
    const button = checkButton(t, "我符合条件吗");
    expect(button?.callback_data).toBe("elig:p18@320800~S5001_5999");
    await t.pressButton(button!.callback_data!);
    expect(said(t)).toContain("按您说的：淮安市，自费约5000多元");
    expect(said(t)).toContain("您家是工会建档的困难职工家庭吗?");
    expect(everything(t)).not.toContain("不符合");
    await t.pressButton("find:a:hardship_registered:y");
    expect(said(t)).toContain("✅ 符合条件");
  });

  it("Chinese: 吃低保 is not 建档困难职工: the status is asked, not assumed", async () => {
    t = await bots.open();
    await t.sendText("淮安的,家里吃低保,看病自己花了四千多");
    const button = checkButton(t, "我符合条件吗");
    expect(button?.callback_data).toBe("elig:p18@320800~S4001_4999");
    await t.pressButton(button!.callback_data!);
    expect(said(t)).toContain("按您说的：淮安市，自费约4000多元");
    expect(said(t)).toContain("您家是工会建档的困难职工家庭吗?");
  });
});

describe("/find listens to the typed need", () => {
  it("voice input without commas, 长兴 as a place (an everyday word too) and a disability: neither asked again", async () => {
    t = await bots.open();
    await t.sendText("/find");
    await t.sendText("长兴的 我是智力残疾 想找份工作");
    const reply = said(t);
    expect(reply).toContain("按您说的：湖州市长兴县，想找工作，智力残疾");
    expect(reply).not.toContain("在哪里");
    expect(everything(t)).not.toContain("有残疾吗");
  });

  it("English: 'I lost my job in Shaoxing and I'm looking for work' is place, out of work and looking for work", async () => {
    t = await bots.open();
    await t.sendText("/find", en);
    await t.sendText("I lost my job in Shaoxing and I'm looking for work", en);
    const reply = said(t);
    expect(reply).toContain("From what you said: Shaoxing (绍兴市), out of work, looking for work");
    expect(reply).not.toContain("Which city");
    expect(everything(t)).not.toContain("out of work at the moment?");
    expect(everything(t)).not.toContain("Do you want to work?");
  });
});

describe("answers typed as sentences or hedges", () => {
  it("a sentence answering the amount question is read (报销完自己出了五千多), not 'not understood'", async () => {
    t = await bots.open();
    await t.pressButton(checkCallbackData("p18", "320800", { hardship_registered: true }));
    expect(said(t)).toContain("医保报销以后自己还花了多少钱");
    await t.sendText("报销完自己出了五千多");
    expect(said(t)).not.toContain("没看懂");
    expect(said(t)).toContain("✅ 符合条件");
  });

  it("'好像是吧' / 'maybe' to a yes/no question is 'don't know': the fact stays open, no verdict is forced", async () => {
    t = await bots.open();
    await t.pressButton(checkCallbackData("p18", "320800", { self_paid_medical_yuan: 5000 }));
    await t.sendText("好像是吧");
    expect(everything(t)).not.toContain("没看懂");
    expect(everything(t)).not.toContain("✅ 符合条件");
    expect(everything(t)).not.toContain("❌");

    await t.close();
    t = await bots.open();
    await t.pressButton(checkCallbackData("p18", "320800", { self_paid_medical_yuan: 5000 }), en);
    await t.sendText("maybe", en);
    expect(everything(t)).not.toContain("didn't understand");
    expect(everything(t)).not.toContain("You qualify");
    expect(everything(t)).not.toContain("do not qualify");
  });
});
