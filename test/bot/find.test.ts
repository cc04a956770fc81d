import { describe, expect, it, vi } from "vitest";
import { openStore } from "../../src/storage/open.js";
import { sweepConversations } from "../../src/app/conversation-sweep.js";
import { createTestBot, type TestBot } from "../support/bot-harness.js";
import { buttons, checkProgramme, conversationStored, en, findBots, said, startFind } from "../support/find-harness.js";

const bots = findBots();
let t: TestBot;

describe("/find help-finding conversation", () => {
  it("need → where → only the needed questions → results, eligible first with how to apply and source", async () => {
    t = await bots.open();
    await t.sendText("/find");
    expect(said(t)).toContain("你现在最需要哪方面的帮助");
    await t.pressButton("find:need:medical");
    expect(said(t)).toContain("你在哪里工作或生活");
    expect(buttons(t).map((b) => b.text)).toContain("淮安");
    await t.sendText("我在淮安");
    expect(said(t)).toContain("地点：江苏省淮安市");
    // Non-sensitive first; 浙江 programmes are already out, so nothing about them is asked.
    expect(said(t)).toContain("您参加了职工医疗互助(互助会)吗?");
    await t.sendText("不是");
    expect(said(t)).toContain("您家是工会建档的困难职工家庭吗?");
    expect(said(t)).toContain("只用于这次判断");
    await t.pressButton("find:a:hardship_registered:y");
    expect(said(t)).toContain("医保报销以后自己还花了多少钱");
    await t.sendText("四千多");
    const result = said(t);
    expect(result).toContain("符合条件");
    const eligibleAt = result.indexOf('淮安市总工会困难职工医疗"兜底"保障');
    const notAt = result.indexOf("不符合");
    expect(eligibleAt).toBeGreaterThan(-1);
    expect(eligibleAt).toBeLessThan(notAt);
    expect(result).toContain("怎么申请：原文未说明申请办法");
    expect(result).toContain("联系方式：原文未说明，请咨询 12351 或当地工会");
    expect(result).toContain("《淮安市总「兜底」保障助力困难职工走出困境》");
    expect(result).toMatch(/淮安市职工特殊疾病互助会:不符合「互助会会员」/);
    expect(result).toContain("另有 2 个项目只在其他地区");
    // Details of one programme quote the source.
    await t.pressButton("find:more:p18");
    expect(said(t)).toContain("原文:「困难职工家庭年度医疗支出除去医保报销之后");
    await t.pressButton("find:done");
    expect(said(t)).toContain("回答没有保存");
    expect((await t.store.users.get(4242))?.rememberedFacts ?? {}).toEqual({});
  });

  it("understands a typed need and re-asks an unreadable answer with an example", async () => {
    t = await bots.open();
    await t.pressButton("menu:find");
    await t.sendText("看病自己花了很多钱");
    expect(said(t)).toContain("你在哪里工作或生活");
    await t.pressButton("find:where:p18");
    await t.pressButton("find:a:mutual_aid_member:y");
    await t.pressButton("find:a:hardship_registered:y");
    await t.sendText("挺多的");
    expect(said(t)).toContain("没看懂这个回答");
    expect(said(t)).toContain("4200");
    await t.sendText("4200元");
    expect(said(t)).toContain("结果如下");
    expect(said(t)).toContain("✅");
  });

  it("back returns to the previous question and forgets its answer; cancel ends and text is a question again", async () => {
    t = await bots.open();
    await startFind(t, "medical", "p18");
    await t.pressButton("find:a:mutual_aid_member:n");
    expect(said(t)).toContain("困难职工家庭吗");
    await t.pressButton("find:back");
    expect(said(t)).toContain("互助会");
    await t.pressButton("find:back");
    expect(said(t)).toContain("你在哪里工作或生活");
    await t.pressButton("find:back");
    expect(said(t)).toContain("最需要哪方面的帮助");
    await t.pressButton("find:cancel");
    expect(said(t)).toContain("已取消");
    expect(await conversationStored(t)).toBe(false);
    await t.sendText("淮安看病能报销吗");
    expect(said(t)).toContain("没有找到能回答这个问题的内容"); // answered by the ask feature
  });

  it("keeps answers only when the member asks, and /forget erases them", async () => {
    t = await bots.open();
    await startFind(t, "cert");
    await t.sendText("宁波");
    await t.pressButton("find:a:social_worker_certificate:2"); // 高级
    await t.pressButton("find:a:full_time_social_worker:n");
    expect(said(t)).toContain("宁波社会工作者资格证书补贴");
    await t.pressButton("find:remember");
    expect(said(t)).toContain("已记住");
    const remembered = (await t.store.users.get(4242))?.rememberedFacts;
    expect(remembered).toMatchObject({ city: "宁波市", social_worker_certificate: "高级", full_time_social_worker: false });
    // Next time the remembered place and certificate are not asked again.
    await t.sendText("/find");
    expect(said(t)).toContain("之前让我记住");
    await t.pressButton("find:need:cert");
    expect(said(t)).toContain("结果如下");
    await t.pressButton("find:done");
    await t.sendText("/forget");
    await t.pressButton("forget:confirm");
    expect((await t.store.users.get(4242))?.rememberedFacts ?? {}).toEqual({});
  });

  it("a long silence ends the conversation politely and the new text is answered", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-01T08:00:00Z"));
    t = await bots.open();
    await startFind(t, "job");
    vi.setSystemTime(new Date("2026-06-01T09:00:00Z"));
    await t.sendText("海盐有什么培训");
    const text = said(t);
    expect(text).toContain("太久没有回复，已经自动结束");
    expect(text).toContain("没有找到能回答这个问题的内容");
  });

  it("takes the place from a whole sentence typed at the where step", async () => {
    t = await bots.open();
    await startFind(t, "medical");
    await t.sendText("我在淮安,看病自己花了四千多");
    expect(said(t)).toContain("按您说的：江苏省淮安市，自费约4000多元");
    await t.pressButton("find:a:mutual_aid_member:n");
    await t.pressButton("find:a:hardship_registered:y");
    // The amount was already said: straight to the results.
    expect(said(t)).not.toContain("自己还花了多少钱");
    expect(said(t)).toMatch(/✅[\s\S]*兜底/);
  });

  it("a very long unknown place gets a short re-ask and the questions go on", async () => {
    t = await bots.open();
    await startFind(t, "medical");
    const [reask] = await t.sendText("某".repeat(4090));
    expect(reask.text).toContain("没找到");
    expect(reask.text.length).toBeLessThan(200);
    await t.sendText("我在淮安");
    expect(said(t)).toContain("地点：江苏省淮安市");
  });

  it("answers of a member who walks away mid-conversation are deleted once it has timed out", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-01T08:00:00Z"));
    t = await bots.open();
    await startFind(t, "medical");
    await t.sendText("我在淮安"); // ... and the member stops answering
    expect(await conversationStored(t)).toBe(true);
    const sweep = { kv: t.store.kv, logger: t.deps.logger };
    vi.setSystemTime(new Date("2026-06-01T08:10:00Z"));
    await sweepConversations(sweep);
    expect(await conversationStored(t)).toBe(true); // still within the timeout
    vi.setSystemTime(new Date("2026-06-01T08:40:00Z"));
    await sweepConversations(sweep);
    expect(await conversationStored(t)).toBe(false);
  });

  it("/help in the middle ends the questions and shows help; /cancel ends them too", async () => {
    t = await bots.open();
    await startFind(t, "job");
    await t.sendText("/help");
    expect(said(t)).toContain("已退出刚才的问答");
    expect(said(t)).toContain("娘家能做什么");
    expect(await conversationStored(t)).toBe(false);
    await startFind(t, "job");
    await t.sendText("/cancel");
    expect(said(t)).toContain("已取消");
    expect(await conversationStored(t)).toBe(false);
  });

  it("a typed answer that says \"don't know\" skips the question instead of counting as no", async () => {
    t = await bots.open();
    await startFind(t, "medical", "p18");
    await t.sendText("不知道");
    expect(said(t)).toContain("困难职工家庭吗");
    await t.pressButton("find:a:hardship_registered:y");
    await t.sendText("五千");
    expect(said(t)).toContain("结果如下");
    expect(said(t)).toMatch(/✅[\s\S]*兜底/);
    expect(said(t)).toContain("淮安市职工特殊疾病互助会");
  });

  it("survives a restart in the middle: the state comes back from storage", async () => {
    const store = await openStore("sqlite::memory:");
    const first = await createTestBot({ ...bots.loaded(), store });
    await first.sendText("/find");
    await first.pressButton("find:need:medical");
    await first.sendText("淮安");
    await first.pressButton("find:a:mutual_aid_member:n");
    // A new bot process over the same database.
    t = await bots.open({ store });
    await t.pressButton("find:a:hardship_registered:y");
    expect(said(t)).toContain("医保报销以后自己还花了多少钱");
    await t.sendText("3000");
    expect(said(t)).toMatch(/不符合「年度医疗支出除去医保报销后,个人自费超过3000元」/);
    await store.close();
  });
});

describe("/find with a typed need, place and location", () => {
  it("takes the place from the typed need and does not ask for it again", async () => {
    t = await bots.open();
    await t.sendText("/find");
    await t.sendText("我在淮安,看病自己花了很多钱");
    expect(said(t)).toContain("地点：江苏省淮安市");
    expect(said(t)).not.toContain("你在哪里工作或生活");
    expect(said(t)).toContain("互助会");
  });

  it("accepts a shared location for the place", async () => {
    t = await bots.open();
    await startFind(t, "job");
    await t.sendLocation(30.53, 120.94);
    expect(said(t)).toContain("地点：嘉兴市海盐县");
    expect(said(t)).toContain("登记失业人员");
  });
});

describe("skipping the place", () => {
  it("does not ask for the place again and says which programmes depend on it", async () => {
    t = await bots.open();
    await startFind(t, "cert");
    await t.pressButton("find:where-skip");
    expect(said(t)).not.toMatch(/哪个(城市|省|县)/);
    expect(said(t)).toContain("社会工作者资格证书");
    await t.pressButton("find:a:social_worker_certificate:1"); // 中级
    await t.pressButton("find:a:full_time_social_worker:y");
    const text = said(t);
    expect(text).toContain("可能符合");
    expect(text).toContain("还需要知道：您在哪个城市(地级市)");
    expect(text).not.toContain("✅");
  });
});

describe("English", () => {
  it("asks in English for an English-speaking member", async () => {
    t = await bots.open();
    await t.sendText("/find", en);
    expect(said(t)).toContain("What do you need help with most?");
    await t.pressButton("find:need:medical", en);
    await t.sendText("Huai'an", en);
    expect(said(t)).toContain("Are you a member of the workers' mutual medical aid scheme?");
    await t.pressButton("find:cancel", en);
    expect(said(t)).toContain("OK, cancelled.");
  });

  it("explains an English-speaking member's verdict in English, quoting the Chinese source as written", async () => {
    t = await bots.open();
    await checkProgramme(t, "p14", en);
    await t.sendText("报名了还没考下来", en);
    const text = said(t);
    expect(text).toContain("Does not meet “");
    expect(text).toContain("(your answer: no). Source: “在宁波,取得社会工作者资格证书的");
    expect(text).not.toContain("不符合「");
  });
});

describe("我符合条件吗? for one programme", () => {
  it("asks only this programme's questions and explains the verdict with the source", async () => {
    t = await bots.open();
    await t.pressButton("elig:p14");
    expect(said(t)).toContain("宁波社会工作者资格证书补贴");
    expect(said(t)).toContain("您在哪个城市");
    expect(buttons(t).map((b) => b.text)).toContain("宁波");
    await t.pressButton("find:p:p14");
    expect(said(t)).toContain("社会工作者资格证书");
    await t.sendText("报名了还没考下来");
    const text = said(t);
    expect(text).toContain("不符合条件");
    expect(text).toContain("原文:「在宁波,取得社会工作者资格证书的,可以获得最高5000元/人的补贴」");
    expect(text).toContain("最高5000元/人的补贴");
  });

  it("a total instead of the self-paid amount leads to the reimbursement question, then the derived amount decides", async () => {
    t = await bots.open();
    await checkProgramme(t, "p18");
    await t.pressButton("find:a:hardship_registered:y");
    await t.sendText("看病一共花了一万");
    expect(said(t)).toContain("其中医保报销了多少钱");
    await t.sendText("六千五");
    expect(said(t)).toContain("符合条件");
    expect(said(t)).toContain("您的情况:3500元");
  });

  it("unknown when the source does not state the rule, without asking anything it cannot use", async () => {
    t = await bots.open();
    await t.pressButton("elig:p19");
    await t.sendText("淮安");
    await t.pressButton("find:a:mutual_aid_member:y");
    const text = said(t);
    expect(text).toContain("还不能确定");
    expect(text).toContain("原文没有列出哪些疾病属于\"特殊疾病\"");
    expect(text).not.toContain("原文未说明:原文");
    expect(text).not.toContain("得的是什么病");
  });

  it("an unknown programme id gets a clear message", async () => {
    t = await bots.open();
    await t.pressButton("elig:p99");
    expect(said(t)).toContain("没有找到这个项目");
  });
});
