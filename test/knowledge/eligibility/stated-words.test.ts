// The words members use for facts (data/dict/stated-facts.yaml): hedges and questions leave a fact unknown,
// negations give no, 低保 is not 建档, amounts as people say them, and a broken word file names the field.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type PlaceFinder, factsFromText, parseAmount, placeFinderFrom } from "../../../src/knowledge/eligibility/index.js";
import { parseStatedWords, statedWords, StatedWordsError } from "../../../src/knowledge/eligibility/stated-words.js";
import { loadGazetteer } from "../../../src/knowledge/places/gazetteer.js";

let places: PlaceFinder;
beforeAll(async () => {
  places = placeFinderFrom(await loadGazetteer(path.resolve("data")));
});

const read = (text: string) => factsFromText(text, places).facts;

describe("hedges, questions and negations", () => {
  it("a hedge or a question leaves the fact unknown, never no", () => {
    expect(read("不太清楚我家算不算建档困难职工").hardship_registered).toBeUndefined();
    expect(read("Not sure if we're registered as a hardship family").hardship_registered).toBeUndefined();
    expect(read("家里吃低保,算困难职工吗").hardship_registered).toBeUndefined();
    expect(read("医保好像是居民医保吧").resident_insured).toBeUndefined();
    expect(read("参加过职工互助会,记不太清了").mutual_aid_member).toBeUndefined();
    expect(read("我在杭州一家小公司上班,不太清楚算不算小微企业").small_business_worker).toBeUndefined();
    expect(read("我家是困难户么").hardship_registered).toBeUndefined();
    // 怎么办 asks what to do, not whether: the member is out of work.
    expect(read("我想问问失业了怎么办").unemployed).toBe(true);
  });

  it("an unsure mention beats a plain one, a definite 'not yet' beats both", () => {
    expect(read("我家是困难户,不过不知道建档没有").hardship_registered).toBeUndefined();
    expect(read("我家是困难家庭,还没建档").hardship_registered).toBe(false);
  });

  it("低保 alone is not the union's 建档困难职工 status", () => {
    expect(read("我们家是低保户").hardship_registered).toBeUndefined();
    expect(read("淮安的,困难户").hardship_registered).toBe(true);
  });

  it("临界困难户 is near hardship, not the 困难户 inside it, unless registration is said too", () => {
    expect(read("家里是临界困难户")).toMatchObject({ near_hardship: true });
    expect(read("家里是临界困难户").hardship_registered).toBeUndefined();
    expect(read("我家是边缘户,我是困难职工家庭建档的")).toMatchObject({ near_hardship: true, hardship_registered: true });
  });
});

describe("facts in members' words", () => {
  it("out of work, looking for work and a job in the brief's words, Chinese and English", () => {
    expect(read("厂子倒闭了没活干,想找个新工作")).toMatchObject({ unemployed: true, wants_to_work: true });
    expect(read("got laid off, want to find a job")).toMatchObject({ unemployed: true, wants_to_work: true });
    expect(read("环卫工 在温州鹿城 扫马路的").occupation).toBe("环卫工人");
    // Two-character job names count where they name the job; 外卖 alone ("点外卖") does not.
    expect(read("我是骑手").occupation).toBe("外卖配送员");
    expect(read("我在温州做环卫").occupation).toBe("环卫工人");
    expect(read("晚上点外卖").occupation).toBeUndefined();
    expect(read("I'm a nurse in Changzhou and worked through the Spring Festival")).toMatchObject({ occupation: "医务人员", on_duty_during_festival: true });
    expect(read("im a welder").special_operations_worker).toBe(true);
    expect(read("我是开网约车的,去年春节一直在跑")).toMatchObject({ occupation: "网约车司机", on_duty_during_festival: true });
    expect(read("I'm a rider in yiwu, 5k self paid for hospital")).toMatchObject({ county: "义乌市", occupation: "外卖配送员", self_paid_medical_yuan: 5000 });
    // "rider" only as a word: a provider is no rider.
    expect(read("my internet provider").occupation).toBeUndefined();
  });

  it("disability with its severity, a diagnosis and a social-worker certificate with its level", () => {
    expect(read("我是重度肢体残疾")).toMatchObject({ disability: "肢体", severe_disability: true });
    expect(read("长兴的,我是视力残疾")).toMatchObject({ county: "长兴县", disability: "视力" });
    expect(read("去年查出尿毒症").diagnosis).toBe("尿毒症");
    expect(read("宁波的,社工证还没考出来").social_worker_certificate).toBe(false);
    expect(read("I hold an intermediate social worker certificate").social_worker_certificate).toBe("中级");
    expect(read("我有助理社工师证").social_worker_certificate).toBe("初级");
  });

  it("ages: 六十多岁 is 61–69, 'im 55' is 55, '3 km' is no age", () => {
    expect(read("我六十多岁了").age).toEqual({ min: 61, max: 69 });
    expect(read("im 55 and live in Hangzhou").age).toBe(55);
    expect(read("I'm 3 km away").age).toBeUndefined();
  });

  it("amounts as people say them", () => {
    expect(read("看病自己花了大概三千块左右").self_paid_medical_yuan).toEqual({ min: 2700, max: 3300 });
    expect(read("paid between 2000 and 4000 myself for hospital").self_paid_medical_yuan).toEqual({ min: 2000, max: 4000 });
    expect(read("今年自己花的医药费不到三千").self_paid_medical_yuan).toEqual({ min: 0, max: 2999 });
    expect(read("Hospital bills after insurance: about 4000 yuan").self_paid_medical_yuan).toEqual({ min: 3600, max: 4400 });
    expect(parseAmount("大概五千")).toEqual({ min: 4500, max: 5500 });
    expect(parseAmount("两三千")).toEqual({ min: 2000, max: 3000 });
    expect(parseAmount("将近四千")).toEqual({ min: 3600, max: 4000 });
    expect(parseAmount("四千来块")).toEqual({ min: 4001, max: 4999 });
    expect(parseAmount("大概四千多")).toEqual({ min: 4001, max: 4999 });
  });
});

describe("the word file", () => {
  it("loads, and a broken file names the field", () => {
    expect(statedWords().facts.length).toBeGreaterThan(10);
    expect(() => parseStatedWords("x.yaml", "facts:\n  nonsense:\n    words: [a]\n")).toThrow(/x\.yaml: facts\.nonsense/);
    expect(() => parseStatedWords("x.yaml", "hedges: {words: [好像]}\nasks: {before: [吗], after: [吗]}\nnegations: [不]\nfacts:\n  unemployed:\n    patterns: ['(']\n")).toThrow(StatedWordsError);
    expect(() => parseStatedWords("x.yaml", "more_specific:\n  near_hardship:\n    over: nonsense\n    words: [临界困难]\n")).toThrow(/x\.yaml: more_specific\.near_hardship\.over/);
  });
});
