/**
 * Confidence decided from what the question asks for and whether the passage states it, on hand-made passages:
 * answer (the passage states it), related (on topic, the asked fact missing), none (nothing about it).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { SearchDocument } from "../../../src/knowledge/search/documents.js";
import type { Answer } from "../../../src/knowledge/types.js";
import { article, askOver, expectAnswer, expectNotAnswer } from "../../support/hand-made-search.js";

const docs: SearchDocument[] = [
  article("rest-house", "东海区开办货车司机之家", "东海区总工会在高速出口旁开办司机之家，屋里有8张床位和淋浴间，全天开放，洗澡、充电都不收费。"),
  article("subsidy", "南湖区发放技能证书补贴", "南湖区总工会对取得职业技能等级证书的职工发放补贴，初级证书每人300元。2019年全区有1200人参加技能考试。"),
  article("fund", "北山区职工互助金", "北山区总工会职工互助金为住院职工补助医疗费用，每次最高补助1万元。"),
  article("chair", "北山区总工会召开全委会", "会议由北山区总工会副主席李明主持，会议总结了去年的工作。"),
  article("chair-named", "西岭区总工会换届", "西岭区总工会召开代表大会，选举王芳为西岭区总工会主席。"),
];

let ask: (q: string) => Promise<Answer>;
beforeAll(async () => {
  ask = await askOver(docs);
});

describe("answer: the passage states what is asked", () => {
  it("a how-many question whose passage prints the number", async () => {
    const a = await expectAnswer(ask, "司机之家有几张床");
    expect(a.found).toBe(true);
    expect(a.hits[0].id).toBe("rest-house");
  });

  it("an amount printed in the sentence about the asked thing", async () => {
    await expectAnswer(ask, "南湖考了初级证书补多少钱", { text: "300元" });
  });

  it("a who-question that names whose chairman, answered by a passage naming the chairman", async () => {
    await expectAnswer(ask, "西岭区总工会主席是谁", { id: "chair-named" });
  });
});

describe("related: on the topic, the asked fact is not there", () => {
  it("how long a payment takes, when the passage gives only amounts", async () => {
    const a = await ask("北山互助金多久能到账");
    expect(a.confidence).toBe("related");
    expect(a.found).toBe(false);
    expect(a.hits.map((h) => h.id)).toContain("fund");
    expect(a.answer).toContain("要多长时间");
    expect(a.answer).toContain("12351");
  });

  it("a date printed about something else in the passage does not answer 'when'", async () => {
    await expectNotAnswer(ask, "南湖证书补贴啥时候发");
  });

  it("a deputy is not the chairman asked about", async () => {
    await expectNotAnswer(ask, "北山区总工会主席是谁");
  });
});

describe("none: nothing about the question, or only generic words", () => {
  it("a chairman question that does not say which union is not answered", async () => {
    await expectNotAnswer(ask, "工会主席是谁");
  });

  it("generic words alone (工会, 免费, 多少, 怎么) are not an answer", async () => {
    for (const q of ["工会多少钱", "免费的怎么弄"]) {
      const a = await ask(q);
      expect(a.confidence, q).toBe("none");
      expect(a.hits, q).toEqual([]);
    }
  });

  it("an off-topic question", async () => {
    const a = await ask("红烧肉怎么做才好吃");
    expect(a.confidence).toBe("none");
    expect(a.found).toBe(false);
  });
});
