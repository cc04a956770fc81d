// The guided checks listen: facts already said are used (and repeated in one line), "don't know" is an
// answer, a new question or a command leaves, back words work, settled questions are skipped, a status
// the union grants means "ask the union", training without a stated fee says so. Chinese and English.
import { describe, expect, it } from "vitest";
import { checkCallbackData } from "../../src/bot/conversations/find-shared.js";
import type { TestBot } from "../support/bot-harness.js";
import { checkProgramme, conversationStored, en, everything, findBots, huaianSafetyNet, said, startFind } from "../support/find-harness.js";

const bots = findBots([huaianSafetyNet]);
let t: TestBot;

describe("facts the member already said", () => {
  it("/find: place and amount from the typed need are used and repeated in one line, not asked again", async () => {
    t = await bots.open();
    await t.sendText("/find");
    await t.sendText("我在淮安,看病自己花了四千多,工会能兜底吗?");
    expect(said(t)).toContain("按您说的：江苏省淮安市，自费约4000多元");
    expect(said(t)).not.toContain("你在哪里工作或生活");
    await t.pressButton("find:a:mutual_aid_member:n");
    await t.pressButton("find:a:hardship_registered:y");
    const result = said(t);
    expect(result).toContain("结果如下");
    expect(result).toMatch(/✅[\s\S]*兜底/);
    expect(everything(t)).not.toContain("自己还花了多少钱");
  });

  it("a range straddling the line (两千到四千 vs more than 3000) is asked again, not guessed", async () => {
    t = await bots.open();
    await t.pressButton(checkCallbackData("p18", "320800", { hardship_registered: true, self_paid_medical_yuan: { min: 2000, max: 4000 } }));
    expect(said(t)).toContain("按您说的：淮安市，工会建档的困难职工家庭，自费2000到4000元");
    expect(said(t)).toContain("医保报销以后自己还花了多少钱");
    await t.sendText("三千五");
    expect(said(t)).toContain("✅ 符合条件");
  });

  it("the 我符合条件吗? button under an answer carries the question's facts: the check asks neither place nor amount", async () => {
    t = await bots.open();
    await t.sendText("我在淮安,看病自己花了四千多,工会能兜底吗?");
    const button = t.lastReplies().flatMap((m) => m.buttons.flat()).find((b) => b.text.includes("我符合条件吗"));
    expect(button?.callback_data).toBe("elig:p18@320800~S4001_4999");
    await t.pressButton(button!.callback_data!);
    expect(said(t)).toContain("按您说的：淮安市，自费约4000多元");
    expect(said(t)).not.toContain("哪个城市");
    expect(said(t)).toContain("您家是工会建档的困难职工家庭吗?");
    await t.pressButton("find:a:hardship_registered:y");
    expect(said(t)).toContain("✅ 符合条件");
  });

  it("English: 'Am I eligible for hardship aid in Huai'an?' → Do I qualify? does not ask the city again", async () => {
    t = await bots.open();
    await t.sendText("Am I eligible for hardship aid in Huai'an? I paid about 4000 yuan myself", en);
    const button = t.lastReplies().flatMap((m) => m.buttons.flat()).find((b) => b.text.includes("Do I qualify"));
    expect(button?.callback_data).toMatch(/^elig:p18@320800~S3600_4400$/);
    await t.pressButton(button!.callback_data!, en);
    expect(said(t)).toContain("From what you said: Huaian (淮安市), about 4,000 yuan paid yourself");
    expect(said(t)).not.toContain("Which city");
    expect(said(t)).toContain("Is your family registered by the union as a hardship worker family?");
  });

  it("an absurd amount (四 typed 4000 times) is not read as a number: asked again, never Infinity", async () => {
    t = await bots.open();
    await t.pressButton(checkCallbackData("p18", "320800", { hardship_registered: true }));
    await t.sendText("四".repeat(4000));
    expect(said(t)).toContain("没看懂这个回答");
    expect(said(t)).not.toMatch(/Infinity|NaN/);
    await t.sendText("我在淮安看病自己花了" + "四".repeat(3000));
    expect(everything(t)).not.toMatch(/Infinity|NaN/);
  });

  it("the member can drop what was read from their words and be asked instead", async () => {
    t = await bots.open();
    await t.pressButton(checkCallbackData("p18", "320800", { self_paid_medical_yuan: 4200 }));
    await t.pressButton("find:unsay");
    expect(said(t)).toContain("我重新问");
    await t.pressButton("find:a:hardship_registered:y");
    expect(said(t)).toContain("医保报销以后自己还花了多少钱");
  });
});

describe("never trapped", () => {
  it("我不太清楚 is an answer: the fact stays unknown and the questions go on", async () => {
    t = await bots.open();
    await startFind(t, "medical", "p18");
    expect(said(t)).toContain("互助会");
    await t.sendText("我不太清楚");
    expect(said(t)).not.toContain("没看懂");
    expect(said(t)).toContain("困难职工家庭吗");
  });

  it("English 'not sure' is an answer too", async () => {
    t = await bots.open();
    await startFind(t, "medical", "p18", en);
    await t.sendText("not sure", en);
    expect(said(t)).not.toContain("did not understand");
    expect(said(t)).toContain("Is your family registered by the union");
  });

  it("a new question typed mid-flow leaves it and is answered as a question", async () => {
    t = await bots.open();
    await startFind(t, "medical", "p18");
    await t.sendText("余杭哪里能热饭?");
    expect(said(t)).not.toContain("没看懂");
    expect(said(t)).toContain("已退出申请条件问答");
    expect(said(t)).toContain("没有找到能回答这个问题的内容"); // the ask feature answered it
    expect(await conversationStored(t)).toBe(false);
  });

  it("/start in the middle ends the flow: the next 是 does not answer the old question", async () => {
    t = await bots.open();
    await startFind(t, "medical", "p18");
    expect(said(t)).toContain("互助会");
    await t.sendText("/start");
    expect(said(t)).toContain("已退出刚才的问答");
    expect(await conversationStored(t)).toBe(false);
    await t.sendText("是");
    expect(said(t)).not.toContain("困难职工家庭吗");
  });

  it("the menu still lists /start first, then /help, though conversations' command handling runs before them", async () => {
    t = await bots.open();
    const commands = t.bot.features.flatMap((f) => f.commands ?? []).map((c) => c.command);
    expect(commands.slice(0, 2)).toEqual(["start", "help"]);
    expect(t.bot.features[0]!.name).toBe("conversation-commands");
  });

  it("typed ⬅️, 返回 and back go back one step", async () => {
    t = await bots.open();
    await startFind(t, "medical", "p18");
    await t.pressButton("find:a:mutual_aid_member:n");
    expect(said(t)).toContain("困难职工家庭吗");
    await t.sendText("⬅️");
    expect(said(t)).toContain("互助会");
    await t.sendText("返回");
    expect(said(t)).toContain("你在哪里工作或生活");
    await startFind(t, "medical", undefined, en);
    await t.sendText("back", en);
    expect(said(t)).toContain("What do you need help with most?");
  });
});

describe("settled questions and honest verdicts", () => {
  it("does not ask about a small business after the member said they are out of work", async () => {
    t = await bots.open();
    await t.sendText("/find");
    await t.sendText("我失业了，在海盐，想学技能");
    expect(said(t)).toContain("按您说的：嘉兴市海盐县，目前没有工作");
    for (let i = 0; i < 8 && !said(t).includes("结果如下"); i++) {
      const answer = t.lastReplies().flatMap((m) => m.buttons.flat()).find((b) => /:y$/.test(b.callback_data ?? ""));
      if (!answer) break;
      await t.pressButton(answer.callback_data!);
    }
    expect(everything(t)).not.toContain("小微企业工作");
    expect(said(t)).toContain("结果如下");
  });

  it("a family not yet registered is told to ask the union to assess them, with the way to ask (zh and en)", async () => {
    t = await bots.open();
    await checkProgramme(t, "p20");
    await t.pressButton("find:a:hardship_registered:n");
    const zh = said(t);
    expect(zh).toContain("还不能确定");
    expect(zh).not.toContain("不符合条件");
    expect(zh).toContain("可以请当地工会评估您家的情况");
    expect(zh).toContain("怎么申请：原文未说明申请办法;可联系淮安市总工会或拨打12351");
    await checkProgramme(t, "p20", en);
    await t.pressButton("find:a:hardship_registered:n", en);
    const english = said(t);
    expect(english).toContain("Cannot tell yet");
    expect(english).not.toContain("You do not qualify");
    expect(english).toContain("Ask your local union to assess your family");
  });

  it("training whose source does not say it is free says so (zh and en)", async () => {
    t = await bots.open();
    await checkProgramme(t, "p23");
    await t.pressButton("find:a:small_business_worker:y");
    expect(said(t)).toContain("原文没有说明培训是否免费");
    await checkProgramme(t, "p23", en);
    await t.pressButton("find:a:small_business_worker:y", en);
    expect(said(t)).toContain("does not say whether the training is free");
    // Not on programmes that offer no training.
    await checkProgramme(t, "p20");
    await t.pressButton("find:a:hardship_registered:y");
    expect(said(t)).not.toContain("培训是否免费");
  });
});
