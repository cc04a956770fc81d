// What a member already said must be heard: plain negations in Chinese and English (any yes/no fact),
// negations that do not reach past a contrast, hedges that stay unknown, a place that starts the sentence
// ("淮安困难户"), fragments typed with spaces, and town names placing the member in their county.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type PlaceFinder, factsFromText, placeFinderFrom } from "../../../src/knowledge/eligibility/index.js";
import { loadGazetteer, type PlaceIndex } from "../../../src/knowledge/places/gazetteer.js";

let gazetteer: PlaceIndex;
let places: PlaceFinder;
beforeAll(async () => {
  gazetteer = await loadGazetteer(path.resolve("data"));
  places = placeFinderFrom(gazetteer);
});

const read = (text: string) => factsFromText(text, places).facts;

describe("Chinese negations", () => {
  it("没有残疾, 没残疾, 不是残疾人 say no disability; 我有残疾证, 我老公残疾 say yes", () => {
    for (const text of ["我没有残疾", "没残疾", "我不是残疾人", "我们家没人有残疾"]) expect(read(text).disability, text).toBe(false);
    expect(read("我有残疾证").disability).toBe(true);
    expect(read("我老公残疾 想找活干")).toMatchObject({ disability: true, wants_to_work: true });
  });

  it("a plain 不/没 negates every yes/no fact, not only disability", () => {
    expect(read("我不是工会会员").union_member).toBe(false);
    expect(read("我没有失业").unemployed).toBe(false);
    expect(read("我不想创业,想找份工作")).toEqual({ wants_to_start_business: false, wants_to_work: true });
    expect(read("不在一线了 现在坐办公室").frontline_worker).toBe(false);
    expect(read("我们家从来没有建过档").hardship_registered).toBe(false);
    expect(read("没参加过互助会").mutual_aid_member).toBe(false);
  });

  it("低保 and 大病 negated or not are no facts of their own, and say nothing else", () => {
    for (const text of ["家里没有低保", "不是低保户", "没得大病"]) {
      const facts = read(text);
      expect(facts.hardship_registered, text).toBeUndefined();
      expect(facts.diagnosis, text).toBeUndefined();
    }
  });

  it("a negation stops at a contrast, and words that only look like one do not negate", () => {
    expect(read("不是困难户但是残疾人")).toEqual({ hardship_registered: false, disability: true });
    expect(read("我不仅是困难户,还是劳模")).toMatchObject({ hardship_registered: true, model_worker: true });
    expect(read("没想到我失业了").unemployed).toBe(true);
    expect(read("我没有残疾也想找份工作")).toEqual({ disability: false, wants_to_work: true });
    // Everyday words that start with 不/没 and deny nothing about the fact.
    expect(read("不好意思我是困难户").hardship_registered).toBe(true);
    expect(read("家里没钱困难户 看病自己花了五千").hardship_registered).toBe(true);
    // The 不 denies something else, then 是/有 says the fact.
    expect(read("我家条件不好是困难户").hardship_registered).toBe(true);
    expect(read("老公身体不好有残疾").disability).toBe(true);
    expect(read("我没有工作是困难户")).toMatchObject({ unemployed: true, hardship_registered: true });
  });

  it("a group or a programme named is not the member's own status", () => {
    expect(read("残疾人辅助性就业项目怎么申请").disability).toBeUndefined();
    expect(read("困难职工帮扶政策有哪些").hardship_registered).toBeUndefined();
    expect(read("淮安困难职工能申请什么").hardship_registered).toBeUndefined();
  });
});

describe("English negations reach the whole clause", () => {
  it("a negation more than two words before the fact is a no", () => {
    expect(read("I don't have any kind of disability").disability).toBe(false);
    expect(read("nobody in our family has a disability").disability).toBe(false);
    expect(read("I have never been registered as a hardship family").hardship_registered).toBe(false);
    expect(read("none of us is registered as a hardship family").hardship_registered).toBe(false);
    expect(read("I am not a member of the trade union").union_member).toBe(false);
    expect(read("I haven’t joined the union").union_member).toBe(false);
    expect(read("I don't do outdoor work any more").works_outdoors).toBe(false);
  });

  it("nothing is read as said when the sentence says it is not so", () => {
    for (const text of ["nobody in my family is seriously ill", "we are not on dibao / minimum living allowance", "I have never been in an accident at work"]) {
      const facts = read(text);
      expect(facts.diagnosis, text).toBeUndefined();
      expect(facts.hardship_registered, text).toBeUndefined();
    }
  });

  it("'not only … but', 'not X but Y' and '… and I' end the negation's reach", () => {
    expect(read("I'm not only a courier but also disabled")).toMatchObject({ occupation: "快递员", disability: true });
    expect(read("I'm not a courier but a rider").occupation).toBe("外卖配送员");
    expect(read("I'm not registered as unemployed and I want to work")).toMatchObject({ registered_unemployed: false, wants_to_work: true });
    expect(read("We are not on dibao, but my husband is a registered hardship worker").hardship_registered).toBe(true);
  });

  it("a hedge or a question stays unknown, never no", () => {
    expect(read("not sure if I'm disabled").disability).toBeUndefined();
    expect(read("Can I get disability benefits in Changxing?").disability).toBeUndefined();
    expect(read("I don't know if we're registered as a hardship family").hardship_registered).toBeUndefined();
  });

  it("a disability of no stated kind, said of oneself or the family", () => {
    expect(read("I'm disabled").disability).toBe(true);
    expect(read("my husband is disabled, we live in Changxing")).toMatchObject({ county: "长兴县", disability: true });
  });
});

describe("a place that starts the sentence, and fragments", () => {
  it("淮安困难户 reads the place and the status like 我是淮安的困难户", () => {
    const expected = { city: "淮安市", hardship_registered: true };
    expect(read("淮安困难户")).toMatchObject(expected);
    expect(read("淮安的困难户")).toMatchObject(expected);
    expect(read("我是淮安的困难户")).toMatchObject(expected);
    expect(read("Huai'an hardship family here")).toMatchObject(expected);
  });

  it("fragments typed with spaces each count", () => {
    expect(read("淮安 困难职工 大病 自费4000多")).toMatchObject({ city: "淮安市", hardship_registered: true, self_paid_medical_yuan: { min: 4001, max: 4999 } });
    expect(read("外卖骑手 淮安")).toMatchObject({ city: "淮安市", occupation: "外卖配送员" });
  });
});

describe("town names", () => {
  it("a town places the member in its county", () => {
    expect(read("长兴小浦镇的")).toMatchObject({ city: "湖州市", county: "长兴县" });
    expect(read("小浦镇的 想找个活干")).toMatchObject({ county: "长兴县", wants_to_work: true });
    expect(factsFromText("我住小浦镇", places).placeLabel).toBe("长兴县");
  });

  it("a town name two counties share is not guessed, unless other words in the message tell which", () => {
    expect(gazetteer.townsIn("和平镇")[0]!.places.map((p) => p.name).sort()).toEqual(["清江浦区", "长兴县"].sort());
    const alone = read("和平镇的,困难职工");
    expect(alone.county).toBeUndefined();
    expect(alone.city).toBeUndefined();
    expect(read("淮安和平镇的")).toMatchObject({ city: "淮安市", county: "清江浦区" });
    expect(read("长兴和平镇的")).toMatchObject({ city: "湖州市", county: "长兴县" });
    expect(read("浙江和平镇")).toMatchObject({ county: "长兴县" });
  });

  it("a town's name is not read as a namesake district elsewhere (和平镇 is not 和平区)", () => {
    expect(read("和平镇的").county).toBeUndefined();
  });
});
