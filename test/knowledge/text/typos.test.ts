import { describe, expect, it } from "vitest";
import { correctSlips } from "../../../src/knowledge/text/typos.js";

describe("correctSlips: homophone slips in questions", () => {
  it("reads 反应 as 反映 where a problem is reported, not where a reaction is meant", () => {
    expect(correctSlips("外卖小哥有问题找哪里反应")).toBe("外卖小哥有问题找哪里反映");
    expect(correctSlips("反应问题打什么电话")).toBe("反映问题打什么电话");
    expect(correctSlips("打疫苗过敏反应怎么办")).toBe("打疫苗过敏反应怎么办");
  });

  it("reads 再哪 as 在哪, and 那里 as 哪里 only in a question that asks nothing else", () => {
    expect(correctSlips("社保卡再哪里办")).toBe("社保卡在哪里办");
    expect(correctSlips("社保卡在那里办")).toBe("社保卡在哪里办");
    expect(correctSlips("去那里领吗")).toBe("去那里领吗");
    expect(correctSlips("我在那里上班 工会管不管")).toBe("我在那里上班 工会管不管");
  });

  it("corrects words that exist only as slips, and 不给点 only where a supply point is meant", () => {
    expect(correctSlips("免费考正班有哪几个班")).toBe("免费考证班有哪几个班");
    expect(correctSlips("清凉不给点在哪")).toBe("清凉补给点在哪");
    expect(correctSlips("为啥不给点钱")).toBe("为啥不给点钱");
  });
});
