/**
 * The three kinds of reply over the shipped data, as a member reads them in Chinese and in English: an answer
 * cites its sources; "may be related" says plainly it is not an answer and offers 12351; "not found" says so
 * with a next step. A guess must never read as an answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestBot, visibleText, type TestBot } from "../support/bot-harness.js";

let t: TestBot;
beforeAll(async () => {
  t = await createTestBot();
}, 120_000);
afterAll(async () => t?.close());

const english = { from: { id: 501, language_code: "en" } };

describe("the three kinds of reply (zh-CN)", () => {
  it("an answer quotes the source and lists it under 来源, with the eligibility check for a programme", async () => {
    const [reply] = await t.sendText("淮安困难职工看病自己花的钱工会能兜底吗");
    const text = visibleText(reply.text);
    expect(text).toContain("3000元");
    expect(text).toContain("来源：");
    expect(text).not.toContain("可能相关");
    expect(reply.buttons.flat().some((b) => b.callback_data?.startsWith("elig:"))).toBe(true);
  });

  it("a question the sources touch but do not answer (how long) gets 'may be related', not an answer", async () => {
    const [reply] = await t.sendText("淮安兜底的钱多久能到账");
    const text = visibleText(reply.text);
    expect(text).toContain("没有找到直接回答这个问题的内容");
    expect(text).toContain("可能相关");
    expect(text).toContain("要多长时间");
    expect(text).toContain("12351");
    expect(text).not.toContain("来源：");
    expect(text).not.toMatch(/^服务项目「|^根据/);
    // The related results open, but no eligibility check is offered on a guess.
    const buttons = reply.buttons.flat();
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.every((b) => b.callback_data?.startsWith("hit:"))).toBe(true);
  });

  it("a question only generic words match (工会, 多少) is not answered", async () => {
    const [reply] = await t.sendText("工会多少钱");
    const text = visibleText(reply.text);
    expect(text).not.toContain("来源：");
    expect(text).toContain("12351");
  });

  it("a question about the hotline itself is not answered by a card's advice to call it", async () => {
    const [reply] = await t.sendText("12351是什么");
    const text = visibleText(reply.text);
    expect(text).not.toContain("来源：");
    expect(text).toContain("12351");
  });

  it("an off-topic question gets 'not found' with the hotline and the menu", async () => {
    const [reply] = await t.sendText("红烧肉怎么做才好吃");
    const text = visibleText(reply.text);
    expect(text).toContain("没有在工会报和服务目录里找到");
    expect(text).toContain("12351");
    expect(text).not.toContain("可能相关");
    expect(reply.buttons.flat().map((b) => b.callback_data)).toEqual(["menu:stations", "menu:find", "menu:subscribe", "menu:ask"]);
  });
});

describe("the three kinds of reply (en)", () => {
  it("an answer says where it is quoted from and lists the sources", async () => {
    const [reply] = await t.sendText("Can the Huaian union cover medical costs for hardship families?", english);
    const text = visibleText(reply.text);
    expect(text).toContain("Sources:");
    expect(text).toContain("3000元");
    expect(text).not.toContain("May be related");
  });

  it("'may be related' says the results are not an answer and offers 12351", async () => {
    const [reply] = await t.sendText("How long does it take for the Huaian medical aid money to arrive?", english);
    const text = visibleText(reply.text);
    expect(text).toContain("Nothing I found answers this directly");
    expect(text).toContain("May be related (not a confirmed answer)");
    expect(text).toContain("how long it takes");
    expect(text).toContain("12351");
    expect(text).not.toContain("Sources:");
  });

  it("'not found' says so with the hotline and the menu", async () => {
    const [reply] = await t.sendText("How do I reset my wifi router?", english);
    const text = visibleText(reply.text);
    expect(text).toContain("do not answer this question");
    expect(text).toContain("12351");
    expect(text).not.toContain("May be related");
    expect(reply.buttons.flat()[0].text).toContain("Find a station");
  });
});
