/** What English- and Chinese-speaking members read on programme cards and verdicts (catalogue fields). */
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createCatalogue, loadCatalogue, type Catalogue } from "../../src/knowledge/catalogue/index.js";
import type { Knowledge } from "../../src/knowledge/knowledge.js";
import { loadGazetteer } from "../../src/knowledge/places/gazetteer.js";
import { createTestBot, visibleText, type TestBot } from "../support/bot-harness.js";
import { fakeKnowledge, makeHit } from "../support/fake-knowledge.js";

let catalogue: Catalogue;
let knowledge: Knowledge;
beforeAll(async () => {
  catalogue = await loadCatalogue(path.resolve("data/programmes"));
  const hits = ["p18", "p14"].map((id) => {
    const p = catalogue.get(id)!;
    return makeHit({ kind: "programme", id, title: p.name, snippet: p.description, source: { paper: null, date: null, issue: null, title: p.sources[0]!.title } });
  });
  knowledge = { ...fakeKnowledge([{ match: /兜底|safety net|hardship/i, answer: "淮安市总工会兜底保障", hits }]), gazetteer: await loadGazetteer(path.resolve("data")) };
});

let t: TestBot | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const en = { from: { language_code: "en" } };
const said = (bot: TestBot) => visibleText(bot.lastReplies().map((m) => m.text).join("\n"));

describe("programme card", () => {
  it("an English-speaking member reads the card in English, with the Chinese source sentence beside it", async () => {
    t = await createTestBot({ knowledge, catalogue });
    await t.sendText("Can the union cover my medical costs in Huai'an? safety net", en);
    const [card] = await t.pressButton("hit:1:0", en);
    const text = visibleText(card!.text);
    expect(text).toContain(`Huai'an Federation of Trade Unions medical "safety net" (兜底) for workers in hardship`);
    expect(text).toContain("What you get:");
    expect(text).toContain("the city union gives a \"safety net\" solution (how much it covers, any cap and how it is worked out: not stated in the source)");
    expect(text).toContain("How to apply: Not stated in the source; the union finds workers in hardship");
    expect(text).toContain("Area: Huai'an, Jiangsu");
    expect(text).toContain("Source text (Chinese): 「工会“兜底”保障,就是困难职工家庭年度医疗支出除去医保报销之后,个人自费部分超过3000元的,市总工会将给予“兜底”解决。」");
    expect(text).not.toContain("only available in Chinese");
  });

  it("an English-speaking member's answer leads with what the programme offers in English, then the Chinese source sentence", async () => {
    t = await createTestBot({ knowledge, catalogue });
    await t.sendText("Can the union cover my medical costs in Huai'an? safety net", en);
    const text = said(t);
    expect(text).toContain(`Union programme: Huai'an Federation of Trade Unions medical "safety net" (兜底) for workers in hardship (淮安市总工会困难职工医疗"兜底"保障)`);
    expect(text).toContain("What you get:");
    expect(text).toContain("How to apply: Not stated in the source");
    expect(text).toContain("Source text (Chinese): 「工会“兜底”保障");
    // The sources list and the buttons name programmes in English too.
    expect(text).toContain(`1. [Service] Huai'an Federation of Trade Unions medical "safety net" (兜底) for workers in hardship`);
    expect(t.lastReplies().at(-1)!.buttons.flat().map((b) => b.text)[0]).toMatch(/^1\. Huai'an Federation/);
  });

  it("a Chinese-speaking member's answer quotes the source as before, without an English summary", async () => {
    t = await createTestBot({ knowledge, catalogue });
    await t.sendText("淮安看病兜底");
    const text = said(t);
    expect(text).toContain("淮安市总工会兜底保障");
    expect(text).not.toContain("服务项目：");
    expect(text).toContain("1. [服务项目] 淮安市总工会困难职工医疗\"兜底\"保障");
  });

  it("a Chinese-speaking member reads the audited wording: no promise to pay 'the part over 3000'", async () => {
    t = await createTestBot({ knowledge, catalogue });
    await t.sendText("淮安看病兜底");
    const [card] = await t.pressButton("hit:1:0");
    const text = visibleText(card!.text);
    expect(text).toContain("• 困难职工家庭年度医疗支出除去医保报销后,个人自费部分超过3000元的,由市总工会给予\"兜底\"解决(兜底多少、有无上限、怎样计算,原文未说明)");
    expect(text).not.toContain("超过3000元的部分");
    expect(text).toContain("原文：「工会“兜底”保障");
  });

  it("where the English is missing, the member reads the Chinese text and is told it is only available in Chinese", async () => {
    const p18 = catalogue.get("p18")!;
    const untranslated = { ...p18, en: { ...p18.en!, name: undefined, benefits: undefined } };
    const partial = fakeKnowledge([{ match: /safety net/i, answer: "x", hits: [makeHit({ kind: "programme", id: "p18", title: p18.name })] }]);
    t = await createTestBot({ knowledge: partial, catalogue: createCatalogue([untranslated]) });
    await t.sendText("safety net", en);
    const [card] = await t.pressButton("hit:1:0", en);
    const text = visibleText(card!.text);
    expect(text).toContain(`淮安市总工会困难职工医疗"兜底"保障 (only available in Chinese)`);
    expect(text).toContain("• 困难职工家庭年度医疗支出除去医保报销后,个人自费部分超过3000元的,由市总工会给予\"兜底\"解决(兜底多少、有无上限、怎样计算,原文未说明) (only available in Chinese)");
    // Fields that are translated stay English.
    expect(text).toContain("Area: Huai'an, Jiangsu");
  });
});

describe("verdicts for one programme", () => {
  it("English: the programme name, the condition and what you get are English; the source is quoted in Chinese", async () => {
    t = await createTestBot({ knowledge, catalogue });
    await t.pressButton("elig:p14", en);
    expect(said(t)).toContain("Ningbo subsidy for social worker qualification certificates");
    await t.pressButton("find:p:p14", en);
    await t.sendText("yes", en);
    const text = said(t);
    expect(text).toContain("Meets “Holds a social worker qualification certificate” (your answer: yes)");
    expect(text).toContain("Source: “在宁波,取得社会工作者资格证书的,可以获得最高5000元/人的补贴”");
    expect(text).toContain("What you get: A subsidy of up to 5,000 yuan per person");
    expect(text).toContain("Area matches: this programme is for Ningbo, Zhejiang");
  });

  it("Chinese: the same check reads the catalogue's Chinese fields", async () => {
    t = await createTestBot({ knowledge, catalogue });
    await t.pressButton("elig:p14");
    expect(said(t)).toContain("宁波社会工作者资格证书补贴");
    await t.pressButton("find:p:p14");
    await t.sendText("是");
    const text = said(t);
    expect(text).toContain("已取得社会工作者资格证书");
    expect(text).toContain("能得到：最高5000元/人的补贴");
    expect(text).not.toContain("subsidy");
  });
});
