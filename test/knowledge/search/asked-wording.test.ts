/**
 * Questions put in members' own wording, on hand-made passages: a place name jieba does not know (柯桥) still
 * names what the question is about; a homophone slip (反应 for 反映, 考正 for 考证) is read as the word meant.
 */
import { beforeAll, describe, it } from "vitest";
import type { SearchDocument } from "../../../src/knowledge/search/documents.js";
import type { Answer } from "../../../src/knowledge/types.js";
import { article, askOver, expectAnswer, expectNotAnswer } from "../../support/hand-made-search.js";

const docs: SearchDocument[] = [
  article("mung-bean", "柯桥区送清凉", "柯桥区总工会在全区设立送水点，每天上午9点到下午5点免费发绿豆汤，户外劳动者穿工作服就能领。", "浙江省 绍兴市 柯桥区"),
  article("plum-drink", "柯桥区慰问环卫工人", "柯桥区总工会给环卫工人送去酸梅汤和防暑药品。", "浙江省 绍兴市 柯桥区"),
  article("channels", "东城区新就业群体诉求渠道", "东城区线上通过“职工之声”码、线下借助小哥驿站，畅通骑手的问题诉求反映渠道。"),
  article("cert-class", "南湖区免费考证班开始报名", "南湖区总工会开办免费考证班，开设育婴员、电工两个班。"),
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

describe("a homophone slip", () => {
  it("反应 where a problem is reported is 反映", async () => {
    await expectAnswer(ask, "外卖小哥有问题找哪里反应 有啥渠道", { id: "channels" });
  });

  it("考正 is 考证", async () => {
    await expectAnswer(ask, "南湖免费考正班有哪几个班", { id: "cert-class" });
  });
});
