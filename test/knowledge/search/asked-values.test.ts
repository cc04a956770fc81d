/**
 * Confidence rules for values a source may leave out, on hand-made passages: a share or rate (比例), a price per
 * piece (多少钱一个), opening hours on the days asked (周末), where to go to do something (去哪里领),
 * an amount for the grade asked (高级), the amount after "要交会费吗", a hotline's hours when the question
 * gives its number, the words naming the asked kind (报名, 电话) not counting as the topic, the most specific
 * place a question names, and questions that were refused for the way they are put (热线电话多少, 要不要钱,
 * 给多少…的人, 公会 for 工会).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { SearchDocument } from "../../../src/knowledge/search/documents.js";
import type { Answer } from "../../../src/knowledge/types.js";
import { article, askOver, expectAnswer, expectNotAnswer } from "../../support/hand-made-search.js";

const docs: SearchDocument[] = [
  article("share-unprinted", "北塘区职工医疗互助", "北塘区职工参加医疗互助，住院后医保报销以外自己负担的部分，互助金按比例补助。"),
  article("share-printed", "西塘区职工医疗互助", "西塘区职工参加医疗互助，住院后医保报销以外自己负担的部分，互助金按60%补助。"),
  article("sales", "南溪村共富工坊", "南溪村共富工坊组织残疾人制作手机支架，已制作手机支架超16万个，销售收入近万元。"),
  article("price", "北溪村共富工坊", "北溪村共富工坊组织残疾人制作手机支架，手机支架每个卖2元，收入归参加的人。"),
  article("evenings", "清河区职工服务站开放", "清河区职工服务站开门时间延长到晚上10点，职工可以进来歇脚喝水。"),
  article("weekend", "西塘区职工服务站开放", "西塘区职工服务站周六周日照常开放，上午9点到下午5点，职工可以进来歇脚喝水。"),
  article("handed-out", "青溪区两节送温暖", "青溪区总工会春节前走访一线职工，环卫工人每人领到一份暖冬包，里面有棉手套和暖宝宝。"),
  article("where-handed", "三江区两节送温暖", "三江区总工会春节前送温暖，环卫工人凭工作证到街道工会服务站领取暖冬包，里面有棉手套和暖宝宝。"),
  article("grades", "长河区技能夜校开课", "长河区总工会开办技能夜校，学员拿到职业技能等级证书的，工会给补贴：初级证书每人500元，中级证书每人1000元。"),
  article("free-advice", "南塘区扫码入会", "南塘区总工会推行扫码入会，入会后会员可以参加职工医疗互助，享受免费法律咨询。"),
  article("dues", "东塘区扫码入会", "东塘区总工会推行扫码入会，会员按月交会费，每月5元，入会后享受免费法律咨询。"),
  article("hotline-named", "北溪区职工服务中心", "北溪区职工服务中心帮职工找工作，职工也可以拨打职工服务热线12351咨询。"),
  article("workshop", "长河村共富工坊", "长河村共富工坊组织残疾人在家门口做手工，每月能挣几百元。"),
  article("enrolment", "清河区职工技能培训班开始报名", "清河区职工技能培训班开始报名，报名电话0571-86001234。"),
  article("rider-line", "南塘区开通骑手维权热线", "南塘区总工会开通骑手维权热线0571-82761235，每周三有律师接听。"),
  article("flu", "西坪区老年人接种流感疫苗", "西坪区为60岁以上老年人免费接种流感疫苗。"),
  article("job-news", "三江区推送招工信息", "三江区总工会给1200名登记在册的失业人员推送了招工信息。"),
  article("legal-day", "西坪区骑手法律服务日", "西坪区总工会设立骑手法律服务日，每周三下午由律师接听骑手来电。协调不成的，工会帮骑手向区劳动人事争议仲裁院申请仲裁。"),
  article("tonglu", "桐庐县环卫工人有了清凉驿站", "桐庐县总工会在城区迎春南路设立环卫工人清凉驿站，中午可以进门歇脚。", "浙江省 杭州市 桐庐县"),
];

let ask: (q: string) => Promise<Answer>;
beforeAll(async () => {
  ask = await askOver(docs);
});

describe("a share or rate", () => {
  it("报销比例是多少 is answered by a printed percentage, not by 按比例", async () => {
    await expectAnswer(ask, "西塘区医疗互助报销比例是多少", { text: "60%" });
    await expectNotAnswer(ask, "北塘区医疗互助报销比例是多少");
  });
});

describe("a price per piece", () => {
  it("多少钱一个 is answered by a price per piece, not by what the sales brought in", async () => {
    await expectAnswer(ask, "北溪村共富工坊的手机支架多少钱一个", { id: "price" });
    await expectNotAnswer(ask, "南溪村共富工坊的手机支架多少钱一个");
  });
});

describe("opening hours on the days asked", () => {
  it("周末开不开 needs the days printed (周六周日, every day, working days), not the hours alone", async () => {
    await expectAnswer(ask, "西塘区职工服务站周末开不开门", { id: "weekend" });
    await expectNotAnswer(ask, "清河区职工服务站周末开不开门");
  });

  it("the hours alone still answer 几点关门", async () => {
    await expectAnswer(ask, "清河区职工服务站几点关门", { id: "evenings" });
  });
});

describe("where to go to do something", () => {
  it("去哪里领 is answered by where it is handed out, not by a story saying people got one", async () => {
    await expectAnswer(ask, "三江区暖冬包去哪里领", { id: "where-handed" });
    await expectNotAnswer(ask, "青溪区暖冬包去哪里领");
  });

  it("在哪里办 is not answered by where something else is applied for (向仲裁院申请仲裁); 去哪里申请仲裁 is", async () => {
    await expectNotAnswer(ask, "西坪区骑手法律服务日在哪里办");
    await expectAnswer(ask, "西坪区骑手去哪里申请仲裁", { id: "legal-day" });
  });

  it("what is inside (包里有啥东西) is the contents, not papers to bring", async () => {
    await expectAnswer(ask, "青溪区暖冬包里有些啥东西", { id: "handed-out" });
  });
});

describe("an amount for the grade asked", () => {
  it("amounts printed for 初级 and 中级 do not answer 高级; 中级 is answered", async () => {
    await expectNotAnswer(ask, "长河区夜校考出高级证书补多少");
    await expectAnswer(ask, "长河区夜校考出中级证书补多少", { text: "1000元" });
  });
});

describe("whether it costs, then how much", () => {
  it("要交会费吗 一个月多少 needs a monthly amount, not 免费 said of something else", async () => {
    await expectNotAnswer(ask, "南塘区入会要交会费吗 一个月多少");
    await expectAnswer(ask, "东塘区入会要交会费吗 一个月多少", { id: "dues" });
  });
});

describe("a hotline's hours when the question gives its number", () => {
  it("12351热线几点有人接 is not answered by a passage that only prints the number", async () => {
    await expectNotAnswer(ask, "12351热线几点有人接");
  });

  it("a number the member gives in another clause (their own mobile) still leaves the phone number asked", async () => {
    await expectNotAnswer(ask, "我手机13812345678，北溪区职工服务中心电话是多少");
    await expectAnswer(ask, "我手机13812345678，南塘区骑手维权热线电话是多少");
  });
});

describe("the words naming the asked kind (报名, 电话) are not the topic", () => {
  it("another course's enrolment phone number does not answer 共富工坊怎么报名 打谁电话", async () => {
    await expectNotAnswer(ask, "长河村共富工坊怎么报名 打谁电话");
    await expectAnswer(ask, "清河区技能培训班怎么报名 打谁电话", { id: "enrolment" });
  });
});

describe("the most specific place named", () => {
  it("a story about 桐庐 (in 杭州) does not answer a question about 杭州滨江; it answers 杭州桐庐", async () => {
    await expectNotAnswer(ask, "杭州滨江的清凉驿站在哪条路");
    await expectAnswer(ask, "杭州桐庐的清凉驿站在哪条路", { id: "tonglu" });
  });
});

describe("questions that were refused for the way they are put", () => {
  it("热线电话多少 needs a number, not the word 热线电话 printed", async () => {
    await expectAnswer(ask, "南塘区骑手维权热线电话多少", { text: "82761235" });
  });

  it("要不要钱 is a cost question; 不要 is not what it asks about", async () => {
    await expectAnswer(ask, "西坪区60岁以上老人打流感疫苗要不要钱", { id: "flu" });
  });

  it("给多少…的人 asks how many people, not an amount of money", async () => {
    await expectAnswer(ask, "三江区给多少登记失业的人推了招工信息", { text: "1200名" });
  });

  it("公会, a common slip for 工会, is read as 工会", async () => {
    await expectAnswer(ask, "长河区考出中级证书能拿多少公会补贴", { text: "1000元" });
  });
});
