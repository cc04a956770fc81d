/**
 * Confidence rules decided by what the question asks and whether the passage states that fact about the thing
 * asked, on hand-made passages: a count with its measure word, an amount asked with a paying verb, the time of
 * the event asked about (a payment, an approval, a start) rather than another time in the passage, opening
 * hours, the category asked for (啥平台) not counting as the topic, and a question about another city than the
 * one a programme's headline names.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadGazetteer } from "../../../src/knowledge/places/gazetteer.js";
import { answerQuestion } from "../../../src/knowledge/search/ask.js";
import type { SearchDocument } from "../../../src/knowledge/search/documents.js";
import { SearchEngine } from "../../../src/knowledge/search/engine.js";
import { analyzeQuery } from "../../../src/knowledge/text/analyze.js";
import { loadLexicon } from "../../../src/knowledge/text/lexicon.js";
import type { Answer } from "../../../src/knowledge/types.js";

const article = (id: string, title: string, body: string, regionText = ""): SearchDocument => ({
  kind: "article",
  id,
  title,
  extraTitle: "",
  body,
  source: { paper: "测试工人报", date: "2025-03-01", issue: "7", title },
  regionText,
});

const docs: SearchDocument[] = [
  article("rest-house", "东海区开办货车司机之家", "东海区总工会在高速出口旁开办司机之家，屋里有8张床位和淋浴间，洗澡、充电都不收费。"),
  article("stations", "东湖区建成一批服务驿站", "东湖区总工会今年建成服务驿站1000家以上，方便环卫工人歇脚。"),
  article("mutual", "南山区职工医疗互助", "南山区职工参加医疗互助，每人每年交60元。住院后医保报销以外自己负担的部分按比例补助。出院后3个月内，把出院小结和费用清单交给单位工会，由单位工会统一办理。"),
  article("join", "西河区扫码入会", "西河区总工会推行扫码入会，职工在手机上填写信息，提交后由工会审核，一般3个工作日内就能成为会员。"),
  article("night-school", "北湖区技能夜校开课", "北湖区总工会开办技能夜校，教电工和叉车驾驶，学费全免。学员拿到职业技能等级证书的，工会再给补贴：初级证书每人500元。"),
  article("legal", "中桥区职工法律援助站", "中桥区职工法律援助站设在区总工会一楼，工作日上午9点到下午5点有律师值班，帮职工讨欠薪。"),
  article("legal-nohours", "南桥区职工法律援助站成立", "南桥区职工法律援助站成立以来帮职工讨回欠薪200多万元。"),
  article("care-system", "暖心系统上线", "东城区总工会的“暖心”帮扶系统汇总了多个部门的数据，及时发现困难职工。"),
  article("training-platform", "小微企业技能培训", "省里的“小微通”平台有小微企业技能提升培训系统，职工可以在线报名。"),
  article("huaian", "淮安市总工会医疗兜底保障", "困难职工家庭年度医疗支出除去医保报销之后，个人自费部分超过3000元的，淮安市总工会给予兜底。江苏省总工会对此予以肯定。", "江苏省 淮安市"),
];

let ask: (q: string) => Promise<Answer>;
beforeAll(async () => {
  const lexicon = loadLexicon(path.resolve("data/dict"));
  const gazetteer = await loadGazetteer(path.resolve("data"));
  const engine = SearchEngine.build(docs, gazetteer);
  ask = (q) => answerQuestion(q, { engine, analyze: (x) => analyzeQuery(x, lexicon, gazetteer), providers: [] });
});

describe("how many: the number is printed with the asked measure word", () => {
  it("几张床 is answered by the passage printing 8张床位", async () => {
    const a = await ask("东海区司机之家有几张床");
    expect(a.confidence).toBe("answer");
    expect(a.hits[0].id).toBe("rest-house");
  });

  it("a count of something else (1000家 stations) does not answer 几张床", async () => {
    const a = await ask("东湖区驿站有几张床");
    expect(a.confidence).not.toBe("answer");
  });
});

describe("an amount asked with a paying verb (补多少, 给多少)", () => {
  it("补多少 is answered by the amount printed about the certificate", async () => {
    const a = await ask("北湖考出初级证书工会补多少");
    expect(a.confidence).toBe("answer");
    expect(a.hits[0].id).toBe("night-school");
    expect(a.answer).toContain("500元");
  });

  it("补多少 is not answered by a passage without an amount", async () => {
    const a = await ask("东城暖心系统帮困难职工补多少");
    expect(a.confidence).not.toBe("answer");
  });
});

describe("time questions: the time printed about the event asked", () => {
  it("a deadline for handing in papers does not say how long the payment takes", async () => {
    const a = await ask("南山医疗互助的钱多久能到账");
    expect(a.confidence).toBe("related");
    expect(a.answer).toContain("要多长时间");
  });

  it("an approval time printed about the approval answers 多久能批下来", async () => {
    const a = await ask("西河申请入会多久能批下来");
    expect(a.confidence).toBe("answer");
    expect(a.hits[0].id).toBe("join");
  });

  it("opening hours: printed hours answer 周末开不开, a story without hours does not", async () => {
    const open = await ask("中桥法律援助站周末开不开");
    expect(open.confidence).toBe("answer");
    expect(open.hits[0].id).toBe("legal");
    const none = await ask("南桥法律援助站几点开门");
    expect(none.confidence).not.toBe("answer");
  });
});

describe("what is asked is not the topic", () => {
  it("a passage matching the asked category (平台) and one other word is not an answer about another system", async () => {
    const a = await ask("暖心系统在啥平台上能用");
    expect(a.confidence).not.toBe("answer");
  });
});

describe("another city than the one the headline names", () => {
  it("a 淮安 programme does not answer a question about 南京, and the reply names 南京", async () => {
    const a = await ask("南京工会兜底医疗的标准是多少");
    expect(a.confidence).toBe("none");
    expect(a.answer).toContain("南京");
  });

  it("the same programme still answers its own city and its province", async () => {
    expect((await ask("淮安工会医疗兜底自费超过多少")).confidence).toBe("answer");
    expect((await ask("江苏困难职工医疗兜底自费超过多少元")).hits[0]?.id).toBe("huaian");
  });
});
