/**
 * Ranking behaviour on a small hand-made corpus (independent of what the shipped issues happen to hold).
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadGazetteer } from "../../../src/knowledge/places/gazetteer.js";
import type { Gazetteer } from "../../../src/knowledge/places/types.js";
import { answerQuestion } from "../../../src/knowledge/search/ask.js";
import type { SearchDocument } from "../../../src/knowledge/search/documents.js";
import { SearchEngine } from "../../../src/knowledge/search/engine.js";
import { analyzeQuery } from "../../../src/knowledge/text/analyze.js";
import { loadLexicon, type Lexicon } from "../../../src/knowledge/text/lexicon.js";
import type { Answer } from "../../../src/knowledge/types.js";

const paper = "测试工人报";
function article(id: string, title: string, body: string, extra: Partial<SearchDocument> = {}): SearchDocument {
  return { kind: "article", id, title, extraTitle: "", body, source: { paper, date: "2024-06-01", issue: "100", title }, regionText: "", ...extra };
}

const docs: SearchDocument[] = [
  article("a-yuhang", "余杭新建十座爱心驿站", "杭州市余杭区总工会在街道新建十座户外劳动者爱心驿站，外卖配送员、快递员可以在驿站休息、热饭、充电、饮水。驿站开放时间为每天8点到20点。"),
  article("a-ningbo", "宁波新增户外劳动者驿站", "宁波市总工会今年新增户外劳动者驿站30座，提供休息、热饭、充电服务，方便环卫工人和外卖配送员。"),
  article("a-huaian", "淮安兜底保障困难职工医疗支出", "淮安市总工会对建档困难职工经医保报销后个人自付医疗费用超过3000元的部分给予兜底救助，每人每年最高2万元。职工大病互助会低成本、低缴费。"),
  article(
    "a-courses",
    "绍兴县总工会职业技能培训",
    [
      // Long enough that neither the snippet (160) nor the answer (220 characters) can hold every sentence.
      "绍兴县总工会今年继续开展职业技能培训，培训覆盖全县各镇街和重点企业，参加培训的职工可以按规定享受培训补贴，培训结束后由绍兴县总工会统一组织考核。",
      "绍兴县总工会在各镇设立培训点，培训点由镇工会负责日常管理，绍兴县总工会定期派人检查培训质量，培训时间安排在周末和晚上，方便在职职工参加。",
      "绍兴县总工会表示，培训内容根据企业用工需求每年调整，今年新增了数控、电工、焊工等课程，培训合格的职工由工会推荐到合作企业上岗。",
      "年龄偏大的女职工可以学面点师、家政、育婴员。",
      "绍兴县总工会还组织专场招聘会。",
    ].join(""),
  ),
  article("a-weather", "本周气温回升", "本周全省气温回升，最高气温将超过25℃，部分地区有大雾，请注意交通安全。"),
  article("a-training", "海盐工会免费技能培训助失业人员再就业", "海盐县总工会面向失业人员和转岗职工开展免费技能培训，开设面点师、家政、育婴员等课程，两年帮助1950人重新上岗。"),
  {
    kind: "programme",
    id: "P-stations",
    title: "浙江省户外劳动者服务站点",
    extraTitle: "爱心驿站 服务站点",
    body: "浙江省总工会在全省建设户外劳动者服务站点，为户外劳动者提供歇脚、饮水、热饭、如厕、充电服务。",
    source: { paper, date: "2024-05-01", issue: "99", title: "户外劳动者服务站点建设动员会" },
    regionText: "浙江省",
  },
];

let lexicon: Lexicon;
let gazetteer: Gazetteer;
let engine: SearchEngine;
let ask: (q: string) => Promise<Answer>;

beforeAll(async () => {
  lexicon = loadLexicon(path.resolve("data/dict"));
  gazetteer = await loadGazetteer(path.resolve("data"));
  engine = SearchEngine.build(docs, gazetteer);
  ask = (q) => answerQuestion(q, { engine, analyze: (x) => analyzeQuery(x, lexicon, gazetteer), providers: [] });
});

describe("search ranking", () => {
  it("narrows to the named region: a county inside the named city counts", async () => {
    const answer = await ask("杭州哪里能热饭充电?");
    expect(answer.found).toBe(true);
    expect(answer.hits[0].id).toBe("a-yuhang");
    expect(answer.hits.map((h) => h.id)).not.toContain("a-ningbo");
  });

  it("prefers the other city's content when that city is named", async () => {
    const answer = await ask("宁波的环卫工人哪里能歇脚?");
    expect(answer.hits[0].id).toBe("a-ningbo");
    expect(answer.hits.map((h) => h.id)).not.toContain("a-yuhang");
  });

  it("finds content through synonyms (骑手 -> 外卖配送员, 没工作 -> 失业)", async () => {
    const answer = await ask("没工作了有免费培训吗?");
    expect(answer.found).toBe(true);
    expect(answer.hits[0].id).toBe("a-training");
  });

  it("ranks a catalogue programme before news when both answer", async () => {
    const answer = await ask("户外劳动者服务站点能充电吗");
    expect(answer.hits[0].kind).toBe("programme");
  });

  it("answers English questions from Chinese content, with English framing", async () => {
    const answer = await ask("Where can delivery riders charge their phones in Hangzhou?");
    expect(answer.found).toBe(true);
    expect(answer.hits[0].id).toBe("a-yuhang");
    expect(answer.answer).toMatch(/^From /);
  });

  it("builds the snippet around the matched words and cites the source", async () => {
    const answer = await ask("淮安困难职工看病自己花的钱工会能兜底吗");
    const top = answer.hits[0];
    expect(top.id).toBe("a-huaian");
    expect(top.snippet).toContain("兜底");
    expect(top.source).toEqual({ paper, date: "2024-06-01", issue: "100", title: "淮安兜底保障困难职工医疗支出" });
    expect(answer.answer).toContain("3000元");
    expect(answer.answer).toContain("测试工人报");
  });
});

describe("answer text", () => {
  it("quotes the sentence with the question's rare word, not the ones repeating the headline", async () => {
    const answer = await ask("绍兴县工会培训能学面点吗");
    expect(answer.hits[0].id).toBe("a-courses");
    // The answer looks at the whole article (the snippet shows the best-matching ~300-character passage).
    expect(answer.answer).toContain("面点师");
  });
});

describe("refusals", () => {
  it("says found=false with the 12351 next step for an unrelated question", async () => {
    const answer = await ask("股票明天会涨吗");
    expect(answer.found).toBe(false);
    expect(answer.hits).toEqual([]);
    expect(answer.answer).toContain("12351");
  });

  it("refuses when the passage lacks the asked detail (a fee the source does not state)", async () => {
    const answer = await ask("淮安大病互助会一年要交多少会费?");
    expect(answer.found).toBe(false);
    expect(answer.answer).toContain("会费");
    expect(answer.answer).toContain("12351");
  });

  it("refuses a phone-number question when no relevant passage prints one", async () => {
    const answer = await ask("余杭爱心驿站的电话是多少?");
    expect(answer.found).toBe(false);
  });

  it("answers when the passage does hold the asked kind of fact", async () => {
    const answer = await ask("海盐工会培训帮多少人重新上岗了?");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("1950");
  });

  it("refuses when the named region has nothing and only other regions do", async () => {
    const answer = await ask("南京有没有外卖配送员的爱心驿站?");
    expect(answer.found).toBe(false);
    expect(answer.answer).toContain("南京");
  });

  it("refuses Zhejiang content for a question about a place outside Zhejiang and Jiangsu", async () => {
    for (const [question, place] of [
      ["上海有没有专门给外卖小哥歇脚的驿站？", "上海"],
      ["广州哪里有爱心驿站可以热饭充电?", "广州"],
    ]) {
      const answer = await ask(question);
      expect(answer.found, question).toBe(false);
      expect(answer.answer, question).toContain(place);
    }
  });
});
