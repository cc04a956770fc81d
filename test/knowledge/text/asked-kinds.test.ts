/**
 * Question analysis for benefit questions, time-bound questions, generic words and unknown English words.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeQuery } from "../../../src/knowledge/text/analyze.js";
import { missingFacts } from "../../../src/knowledge/text/stated.js";
import { loadLexicon, type Lexicon } from "../../../src/knowledge/text/lexicon.js";

let lexicon: Lexicon;

beforeAll(() => {
  lexicon = loadLexicon(path.resolve("data/dict"));
});

const analyze = (q: string) => analyzeQuery(q, lexicon);

describe("benefit questions", () => {
  it("asks what one gets, not for the word 补贴 itself", () => {
    const a = analyze("环卫工人有哪些补贴？");
    expect(a.asked.kinds).toContain("benefit");
    expect(a.asked.details).not.toContain("补贴");
    expect(a.weighted.find((t) => t.term === "补贴")?.askWord).toBe(true);
  });

  it("English 'what benefits' asks the same", () => {
    expect(analyze("what benefits are there for truck drivers").asked.kinds).toContain("benefit");
  });

  it("a programme listing benefits satisfies it; a text with nothing given does not", () => {
    const asked = analyze("保安有什么福利").asked;
    expect(missingFacts(asked, "某某驿站提供歇脚、饮水", false, true)).toEqual([]);
    expect(missingFacts(asked, "今年召开了工作会议", false, false)).toContain("benefit");
  });

  it("a noun after 什么 that is not a benefit stays a required detail", () => {
    expect(analyze("申请要带什么证书").asked.details).toContain("证书");
    // 材料 is named by what the papers are (身份证): the papers asked for, a procedure to list.
    expect(analyze("申请要带什么材料").asked.documents).toBe(true);
  });
});

describe("time-bound questions", () => {
  it("marks weather and today/tomorrow questions", () => {
    expect(analyze("后天宁波天气怎么样").asked.timely).toBe(true);
    expect(analyze("today's forecast for hangzhou").asked.timely).toBe(true);
  });

  it("does not mark a member describing their own situation with 现在, or a stated period", () => {
    expect(analyze("我现在没工作了，有培训吗").asked.timely).toBeUndefined();
    expect(analyze("去年全省平均气温多少").asked.timely).toBeUndefined();
  });
});

describe("generic and unknown words", () => {
  it("marks generic words from data/dict/generic.txt", () => {
    const a = analyze("工会能帮我什么");
    expect(a.weighted.find((t) => t.term === "工会")?.generic).toBe(true);
  });

  it("keeps English words the table lacks as terms, so coverage counts them", () => {
    const a = analyze("how do I enrol in the union");
    expect(a.unknownEnglish).toContain("enrol");
    expect(a.terms).toContain("enrol");
  });
});

describe("weekday questions", () => {
  it("礼拜几 and 星期几 ask a day of the week; 一周几次 asks how often", () => {
    expect(analyze("法律服务日是礼拜几").asked.kinds).toEqual(["weekday"]);
    expect(analyze("法律服务日是礼拜几").asked.details).not.toContain("礼拜");
    expect(analyze("夜校星期几上课").asked.kinds).toContain("weekday");
    expect(analyze("夜校一周几次课").asked.kinds).not.toContain("weekday");
  });
});

describe("questions whether a claim is true", () => {
  it("是真的吗 asks yes or no; the call the member tells of is not a phone number asked for", () => {
    const a = analyze("工会打电话要我短信验证码 是真的吗");
    expect(a.asked.kinds).toEqual([]);
    expect(a.asked.yesNo).toBe(true);
    expect(analyze("工会的电话是多少").asked.kinds).toContain("phone");
  });
});
