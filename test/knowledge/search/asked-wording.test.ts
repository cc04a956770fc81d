/**
 * Questions put in members' own wording, on hand-made passages: a place name jieba does not know (柯桥) still
 * names what the question is about.
 */
import { beforeAll, describe, it } from "vitest";
import type { SearchDocument } from "../../../src/knowledge/search/documents.js";
import type { Answer } from "../../../src/knowledge/types.js";
import { article, askOver, expectAnswer, expectNotAnswer } from "../../support/hand-made-search.js";

const docs: SearchDocument[] = [
  article("mung-bean", "柯桥区送清凉", "柯桥区总工会在全区设立送水点，每天上午9点到下午5点免费发绿豆汤，户外劳动者穿工作服就能领。", "浙江省 绍兴市 柯桥区"),
  article("plum-drink", "柯桥区慰问环卫工人", "柯桥区总工会给环卫工人送去酸梅汤和防暑药品。", "浙江省 绍兴市 柯桥区"),
];

let ask: (q: string) => Promise<Answer>;
beforeAll(async () => {
  ask = await askOver(docs);
});

describe("a place jieba does not know", () => {
  it("柯桥 counts as a word of the question, so the passage about 柯桥's drink and its hours answers", async () => {
    await expectAnswer(ask, "柯桥免费绿豆汤每天几点到几点有", { id: "mung-bean" });
    await expectNotAnswer(ask, "柯桥免费酸梅汤每天几点到几点有");
  });
});
