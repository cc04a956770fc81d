// Facts a member states in their own words, and the one line that repeats them.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type PlaceFinder, factsFromText, parseAmount, parseChineseNumber, placeFinderFrom, saidLine } from "../../../src/knowledge/eligibility/index.js";
import { isDontKnow, parseAnswer } from "../../../src/knowledge/eligibility/answers.js";
import { loadGazetteer } from "../../../src/knowledge/places/gazetteer.js";

let places: PlaceFinder;
beforeAll(async () => {
  places = placeFinderFrom(await loadGazetteer(path.resolve("data")));
});

describe("factsFromText", () => {
  it("reads place, self-paid amount and hardship from a Chinese question", () => {
    const { facts, placeLabel } = factsFromText("我在淮安,看病自己花了四千多,我家是困难职工家庭,工会能兜底吗?", places);
    expect(facts).toMatchObject({ city: "淮安市", self_paid_medical_yuan: { min: 4001, max: 4999 }, hardship_registered: true });
    expect(placeLabel).toBe("淮安市");
  });

  it("reads the place of an English question, apostrophe included, and no status from 'hardship aid'", () => {
    const { facts } = factsFromText("Am I eligible for hardship aid in Huai'an?", places);
    expect(facts).toEqual({ province: "江苏省", city: "淮安市" });
  });

  it("keeps ranges honest: 两千到四千 is a range, 5千多 is 5001–5999, about 4000 is ±10 %", () => {
    expect(factsFromText("看病自己花了两千到四千", places).facts.self_paid_medical_yuan).toEqual({ min: 2000, max: 4000 });
    expect(factsFromText("报销后自费5千多", places).facts.self_paid_medical_yuan).toEqual({ min: 5001, max: 5999 });
    expect(factsFromText("I paid about 4000 yuan myself for hospital bills", places).facts.self_paid_medical_yuan).toEqual({ min: 3600, max: 4400 });
  });

  it("tells the total and the reimbursement from the self-paid part", () => {
    expect(factsFromText("看病一共花了一万，报销了六千五", places).facts).toEqual({ medical_total_yuan: 10000, insurance_reimbursed_yuan: 6500 });
    // An amount next to medical costs without "myself" is the total, never silently the self-paid part.
    expect(factsFromText("住院花了八千", places).facts).toEqual({ medical_total_yuan: 8000 });
  });

  it("reads negations and 'not yet' as no, and a question about a group as nothing", () => {
    expect(factsFromText("我家是困难家庭，还没建档", places).facts.hardship_registered).toBe(false);
    expect(factsFromText("我家不是困难家庭", places).facts.hardship_registered).toBe(false);
    expect(factsFromText("We are not registered as a hardship family", places).facts.hardship_registered).toBe(false);
    expect(factsFromText("困难职工能申请什么", places).facts).toEqual({});
  });

  it("reads being out of work (not 'registered'), occupation and age", () => {
    expect(factsFromText("我失业了，在海盐，想学技能", places).facts).toMatchObject({ county: "海盐县", unemployed: true });
    expect(factsFromText("我失业了", places).facts.registered_unemployed).toBeUndefined();
    expect(factsFromText("I lost my job, I am 45", places).facts).toMatchObject({ unemployed: true, age: 45 });
    expect(factsFromText("我是送外卖的骑手", places).facts.occupation).toBe("外卖配送员");
    // "点外卖" is not a job.
    expect(factsFromText("晚上点外卖", places).facts.occupation).toBeUndefined();
  });

  it("guards absurd input: a hundred thousand 四 is no amount, and the call stays fast", () => {
    const started = performance.now();
    const { facts } = factsFromText(`我在淮安看病自己花了${"四".repeat(100_000)}`, places);
    expect(facts.self_paid_medical_yuan).toBeUndefined();
    expect(facts.medical_total_yuan).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2000);
    expect(parseChineseNumber("四".repeat(100_000))).toBeUndefined();
    expect(parseAmount("四".repeat(100_000))).toBeUndefined();
    expect(parseAnswer("self_paid_medical_yuan", "四".repeat(100_000)).ok).toBe(false);
  });

  it("reads each message on its own: the second member's words are read as fully as the first's", () => {
    // The word patterns are compiled once and shared; nothing of one message's matching may carry over.
    const message = "我是外卖骑手,有助理社工师证,重度肢体残疾,还没建档";
    const first = factsFromText(message, places).facts;
    expect(first).toMatchObject({ occupation: "外卖配送员", social_worker_certificate: "初级", disability: "肢体", severe_disability: true, hardship_registered: false });
    expect(factsFromText("社工证有的,肢体残疾", places).facts).toMatchObject({ social_worker_certificate: true, disability: "肢体" });
    expect(factsFromText(message, places).facts).toEqual(first);
  });
});

describe("amounts and don't-know answers", () => {
  it("reads ranges with 到/至/-, open ranges and 'about'", () => {
    expect(parseAmount("两千到四千")).toEqual({ min: 2000, max: 4000 });
    expect(parseAmount("2000-4000元")).toEqual({ min: 2000, max: 4000 });
    expect(parseAmount("4,000+")).toEqual({ min: 4000, max: null });
    expect(parseAmount("about 4000 yuan")).toEqual({ min: 3600, max: 4400 });
    expect(parseAmount("不到3000")).toEqual({ min: 0, max: 2999 });
  });

  it("takes 我不太清楚 and not sure as 'don't know', a question as not", () => {
    for (const s of ["不知道", "不清楚", "不确定", "我不太清楚", "我也不知道", "not sure", "I don't know"]) expect(isDontKnow(s), s).toBe(true);
    for (const s of ["不是", "不清楚哪里能热饭?", "没有"]) expect(isDontKnow(s), s).toBe(false);
  });
});

describe("saidLine", () => {
  it("says in one line what was understood, in Chinese and English", () => {
    expect(saidLine({ self_paid_medical_yuan: { min: 4001, max: 4999 } }, "zh-CN", "淮安")).toBe("按您说的：淮安，自费约4000多元");
    expect(saidLine({ self_paid_medical_yuan: { min: 4001, max: 4999 } }, "en", "Huai'an")).toBe("From what you said: Huai'an, about 4,000+ yuan paid yourself");
    expect(saidLine({ self_paid_medical_yuan: { min: 2000, max: 4000 }, hardship_registered: false }, "zh-CN")).toBe(
      "按您说的：自费2000到4000元，还不是工会建档的困难职工家庭",
    );
    expect(saidLine({}, "zh-CN")).toBeUndefined();
  });

  it("names an illness in English with the Chinese beside it, never Chinese alone", () => {
    expect(saidLine(factsFromText("我得了尿毒症", places).facts, "en")).toBe("From what you said: Kidney failure (尿毒症)");
    expect(saidLine(factsFromText("淮安 困难职工 大病", places).facts, "en", "Huaian")).toBe(
      "From what you said: Huaian, a hardship family registered by the union, Serious illness (大病)",
    );
    expect(saidLine(factsFromText("my wife has cancer", places).facts, "en")).toBe("From what you said: Cancer (癌症)");
    // Typed in Chinese and not a listed illness: said to be an illness, in the member's words.
    expect(saidLine({ diagnosis: "肺结核" }, "en")).toBe("From what you said: illness (肺结核)");
    expect(saidLine({ diagnosis: "尿毒症" }, "zh-CN")).toBe("按您说的：尿毒症");
  });

  it("reads 大病 as a serious illness, but not 大病保险 or a negated one", () => {
    expect(factsFromText("家里有人得了大病", places).facts.diagnosis).toBe("大病");
    expect(factsFromText("我有大病保险", places).facts.diagnosis).toBeUndefined();
    expect(factsFromText("没得大病", places).facts.diagnosis).toBeUndefined();
  });
});
