/**
 * Questions put in members' own wording, on hand-made passages: generic words (免费, 帮扶, 工会) are not words a
 * passage must match, so one content word beside them is enough when printed as typed; a homophone slip (反应 for 反映, 考正 for 考证) is read as the word meant;
 * 礼拜几 asks a day of the week, printed as 每周三, not the word 礼拜; a choice question (现金还是打卡里) is
 * answered by a passage printing one of its options, in the words typed or their spellings (打进银行卡); "是真的吗"
 * asks whether a claim is true, and the phone call it tells of is not a number asked for; where a person comes from
 * (安徽来的) is not the region asked about; English words members use for the domain (scan code, cold drink,
 * bottle) are searched in Chinese; when something ends (搞到哪天结束) is answered by its last day (到8月31日);
 * 啥平台 is answered by the platform named (在浙里办上线), which rarely repeats the word 平台; "人家会理我吗" asks
 * whether one is attended to, answered by the conditions (没有书面合同也可以先来咨询); members' words for causes
 * and costs (致困因素, 开销) reach the words printed; when something was set up (什么时候上线的) is answered by the year
 * printed (2023年上线).
 */
import { beforeAll, describe, it } from "vitest";
import type { SearchDocument } from "../../../src/knowledge/search/documents.js";
import type { Answer } from "../../../src/knowledge/types.js";
import { article, askOver, expectAnswer, expectNotAnswer } from "../../support/hand-made-search.js";

const docs: SearchDocument[] = [
  article("mung-bean", "柯桥区送清凉", "柯桥区总工会在全区设立送水点，每天上午9点到下午5点免费发绿豆汤，户外劳动者穿工作服就能领。", "浙江省 绍兴市 柯桥区"),
  article("plum-drink", "柯桥区慰问环卫工人", "柯桥区总工会给环卫工人送去酸梅汤和防暑药品。", "浙江省 绍兴市 柯桥区"),
  article("new-year-visits", "北山区两节送温暖", "北山区总工会春节前走访慰问困难职工，送去慰问金和年货。"),
  article("channels", "东城区新就业群体诉求渠道", "东城区线上通过“职工之声”码、线下借助小哥驿站，畅通骑手的问题诉求反映渠道。"),
  article("cert-class", "南湖区免费考证班开始报名", "南湖区总工会开办免费考证班，开设育婴员、电工两个班。"),
  article("legal-day", "北岸区骑手法律服务日", "北岸区总工会设立骑手法律服务日，每周三下午由律师接听骑手来电。"),
  article("legal-line", "南岸区骑手法律服务热线", "南岸区总工会开通骑手法律服务热线，由律师接听骑手来电。"),
  article("pay-card", "东溪区发放高温津贴", "东溪区总工会发放高温津贴，直接打进职工本人的银行卡，8月底前发放完毕。"),
  article("pay-amount", "西溪区两节送温暖", "西溪区总工会两节送温暖，建档困难职工每户慰问金1000元。"),
  article("join-wechat", "北溪区扫码入会", "北溪区总工会推行扫码入会，关注微信公众号就能加入工会。"),
  article("no-codes", "东岭区总工会提醒职工谨防诈骗", "东岭区总工会提醒，慰问金直接发到职工本人账户，工会不会通过电话或短信要求职工提供验证码。"),
  article("texts", "西岭区推送培训信息", "西岭区总工会给登记失业的职工发短信，邀请参加免费技能培训。"),
  article("retrained", "东海县职工夜校学员再就业", "来自安徽阜阳的蒋春秋在东海县职工夜校学了电工，后来在县里一家电厂当上了维修电工。", "江苏省 连云港市 东海县"),
  article("anhui-stations", "安徽建成一批工会驿站", "安徽省把工会驿站建设纳入全省民生实事，春秋两季还走访慰问户外劳动者。", "安徽省"),
  article("scan-join", "南湖区扫码入会", "南湖区总工会推行扫码入会，职工扫码填写信息，提交后3个工作日内审核通过就成为会员。"),
  article("cold-drinks", "南湖区清凉补给点", "南湖区总工会设立清凉补给点，户外劳动者免费领冷饮，每人每天限领2瓶。"),
  article("cool-until", "东岭区夏送清凉", "东岭区总工会夏送清凉活动从7月1日到8月31日，给一线职工送绿豆汤。"),
  article("cool-started", "北岭区夏送清凉", "北岭区总工会夏送清凉活动7月1日启动，给一线职工送绿豆汤。"),
  article("care-online", "东坪区暖心帮扶系统上线", "东坪区总工会的暖心帮扶系统已在浙里办上线，困难职工可以自主申报。"),
  article("care-data", "西坪区暖心帮扶系统", "西坪区总工会的暖心帮扶系统汇总了多个部门的数据，主动发现困难职工。"),
  article("legal-no-contract", "北港区职工法律援助站", "北港区职工法律援助站帮农民工讨欠薪，来的时候带上身份证，没有书面合同也可以先来咨询。"),
  article("hardship-causes", "北浦区困难职工预警", "北浦区总工会的帮扶系统在职工遭遇因病、因学等致困因子时发出预警。"),
  article("care-launched", "南坪区暖心帮扶系统", "南坪区总工会的暖心帮扶系统2023年在浙里办上线，困难职工可以自主申报。"),
];

let ask: (q: string) => Promise<Answer>;
beforeAll(async () => {
  ask = await askOver(docs);
});

describe("generic words beside one content word", () => {
  it("免费 is not a word the passage must match: the passage printing the drink and its hours answers", async () => {
    await expectAnswer(ask, "柯桥免费绿豆汤每天几点到几点有", { id: "mung-bean" });
    await expectNotAnswer(ask, "柯桥免费酸梅汤每天几点到几点有");
  });

  it("the one content word must be printed as typed, not only as a related word of its concept (春节 for 就地过年)", async () => {
    await expectNotAnswer(ask, "就地过年的职工工会管不管");
  });

  it("a question of generic words alone is not answered", async () => {
    await expectNotAnswer(ask, "免费的工会活动有哪些");
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

describe("which day of the week", () => {
  it("礼拜几 is answered by the weekday printed (每周三), and not by a passage printing none", async () => {
    await expectAnswer(ask, "北岸骑手法律服务日是礼拜几", { id: "legal-day", text: "每周三" });
    await expectNotAnswer(ask, "南岸骑手法律服务热线是礼拜几");
  });
});

describe("a choice question", () => {
  it("给现金还是打卡里 is answered by a passage printing one option (打进银行卡)", async () => {
    await expectAnswer(ask, "东溪高温津贴是给现金还是打卡里", { id: "pay-card", text: "银行卡" });
  });

  it("is not answered by a passage on the topic that prints neither option", async () => {
    await expectNotAnswer(ask, "西溪慰问金是给现金还是打卡里");
  });

  it("an option word jieba only guessed (微信) does not make a passage about something else an answer", async () => {
    await expectNotAnswer(ask, "会费交现金还是微信转账");
  });
});

describe("whether a claim is true", () => {
  it("是真的吗 is answered by a passage speaking of the claim, with no phone number printed", async () => {
    await expectAnswer(ask, "东岭工会打电话要我短信验证码 是真的吗", { id: "no-codes", text: "验证码" });
  });

  it("is not answered by a passage that does not speak of what the claim is about", async () => {
    await expectNotAnswer(ask, "工会发短信说参加培训要先交押金 是真的吗");
  });
});

describe("where a person comes from", () => {
  it("安徽来的蒋春秋 is about 蒋春秋, wherever the story is set, not about 安徽", async () => {
    await expectAnswer(ask, "安徽来的蒋春秋后来在哪上班", { id: "retrained", text: "电厂" });
  });
});

describe("English words for the domain", () => {
  it("scan code is searched as 扫码", async () => {
    await expectAnswer(ask, "join the union by scan code how long to approve", { id: "scan-join" });
  });

  it("cold drink and one person are searched as 冷饮 and 每人, not as cold weather", async () => {
    await expectAnswer(ask, "free cold drink how many bottles can one person take", { id: "cold-drinks" });
  });
});

describe("when something ends", () => {
  it("搞到哪天结束 is answered by the last day printed (到8月31日), not by the day it started", async () => {
    await expectAnswer(ask, "东岭夏送清凉搞到哪天结束", { id: "cool-until", text: "8月31日" });
    await expectNotAnswer(ask, "北岭夏送清凉搞到哪天结束");
  });
});

describe("which platform", () => {
  it("啥平台 is answered by the platform named (在浙里办上线), and not by a passage naming none", async () => {
    await expectAnswer(ask, "东坪暖心帮扶系统在啥平台上能用", { id: "care-online", text: "浙里办" });
    await expectNotAnswer(ask, "西坪暖心帮扶系统在啥平台上能用");
  });
});

describe("whether one is attended to", () => {
  it("人家会理我吗 is answered by the conditions, which need not repeat 理", async () => {
    await expectAnswer(ask, "我们工地从来没签过合同 去北港法律援助站人家会理我吗", { id: "legal-no-contract" });
  });
});

describe("members' words for people and causes", () => {
  it("致困因素 is 致困因子", async () => {
    await expectAnswer(ask, "北浦帮扶系统 孩子读书开销大算不算致困因素", { id: "hardship-causes" });
  });
});

describe("when something was set up", () => {
  it("什么时候启动上线的 is answered by the year printed (a start of classes would need a month or a day)", async () => {
    await expectAnswer(ask, "南坪暖心帮扶系统什么时候启动上线的", { id: "care-launched", text: "2023年" });
  });
});
