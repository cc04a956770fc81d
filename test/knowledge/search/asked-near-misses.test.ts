/**
 * Near misses on hand-made passages: the question names a real programme, story or place and asks a fact the
 * source does not print (an amount per household, next class's dates, a neighbouring district's phone number,
 * whether another group of people is let in). Each is offered as possibly related, never as an answer; the
 * same sources still answer what they do print.
 */
import { beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import type { SearchDocument } from "../../../src/knowledge/search/documents.js";
import { loadGazetteer } from "../../../src/knowledge/places/gazetteer.js";
import { analyzeQuery } from "../../../src/knowledge/text/analyze.js";
import { loadLexicon } from "../../../src/knowledge/text/lexicon.js";
import type { Answer } from "../../../src/knowledge/types.js";
import { article, askOver, expectAnswer, expectNotAnswer } from "../../support/hand-made-search.js";

const docs: SearchDocument[] = [
  article("care-total", "上城区两节送温暖", "杭州市上城区总工会春节前共发放慰问金120万元，走访困难职工家庭800户。"),
  article("care-household", "拱墅区两节送温暖", "杭州市拱墅区总工会春节前走访困难职工家庭，每户发放慰问金1000元。"),
  article("aid-total", "湖州职工医疗互助", "湖州市职工医疗互助会成立以来，累计救助会员1万人次，救助金额2000万元。", "浙江省 湖州市"),
  article("join-free", "嘉善扫码入会", "嘉善县总工会推行扫码入会，入会后享受免费法律咨询。", "浙江省 嘉兴市 嘉善县"),
  article("join-dues", "平湖扫码入会", "平湖市总工会推行扫码入会，会员按月交会费，会费每月5元。", "浙江省 嘉兴市 平湖市"),
  article("grades", "义乌工会技能夜校开课", "义乌市总工会开办技能夜校，学员拿到职业技能等级证书的，工会给补贴：初级证书每人500元，中级证书每人1000元。", "浙江省 金华市 义乌市"),
  article("second-class", "清溪区第二期免费考证班开始报名", "清溪区总工会第二期免费考证班开始报名，9月1日起报名，9月20日开班。"),
  article("join-days", "南湖区扫码入会", "南湖区总工会推行扫码入会，到全区任何一个户外劳动者服务站点现场登记，3个工作日内就能成为会员。", "浙江省 嘉兴市 南湖区"),
  article("gift-when", "莲都区两节慰问标准", "莲都区春节期间在岗的一线职工每人一份慰问品，慰问品在1月10日至春节前发放。", "浙江省 丽水市 莲都区"),
  article("gift-list", "柯城区两节慰问标准", "柯城区春节期间在岗的一线职工每人一份慰问品，领慰问品的名单由单位工会报送。", "浙江省 衢州市 柯城区"),
  article("gift-unit", "吴兴区两节慰问标准", "吴兴区春节期间在岗的一线职工每人一份慰问品，没领到慰问品的，可以向所在单位工会或者乡镇（街道）工会反映。", "浙江省 湖州市 吴兴区"),
  article("app-functions", "越暖系统上线", "越暖系统有“自主申报”“帮扶记录”“政策清单”三大功能，已提供帮扶6万人次。"),
  article("app-papers", "甬工惠平台开通困难申报", "甬工惠平台开通困难职工自主申报，申报时需要提供身份证和收入证明。"),
  article("allowance-unsaid", "北仑区社工证补贴", "在北仑区，取得社会工作者资格证书的，可以获得最高5000元的补贴。"),
  article("allowance-where", "镇海区社工证补贴", "在镇海区，取得社会工作者资格证书的，可以获得最高5000元的补贴，到区职工服务中心窗口领取。"),
  article("allowance-other-enrolment", "鄞州区社工证补贴", "在鄞州区，取得社会工作者资格证书的，可以获得最高5000元的补贴。另外，今年全区报名参加技能大赛的职工有300人。", "浙江省 宁波市 鄞州区"),
  article("clinic", "路桥工会开设骑手法律门诊", "台州市路桥区总工会开设骑手法律门诊，为外卖骑手解答法律问题，门诊电话0576-82416351。"),
  article("stations-examples", "户外劳动者服务站点纳入民生实事", "今年浙江新建户外劳动者服务站点1000家。各地多有实践，例如安徽省将工会驿站建设纳入全省50项民生实事；在四川，工会户外劳动者服务站点建设也被纳入全省30件民生实事。"),
  article("social-worker-reward", "金华高级社会工作者证书奖励", "在金华，考取高级社会工作者证书的，奖励一万元。", "浙江省 金华市"),
  article("course", "婺城工会免费考证班开始报名", "金华市婺城区总工会开办免费职业技能等级证书培训班，开设养老护理员、育婴员两个班，拿到证书后工会还会组织推荐就业。", "浙江省 金华市 婺城区"),
  article("county-allowance", "浙江部分县专职社工津贴", "在浙江的一些县(市、区)，取得社会工作者职业资格证书并被聘为专职社工的，每个月能获得200元到600元不等的津贴。", "浙江省"),
  article("night-school-towns", "技能夜校开到县里", "技能夜校今年在义乌市、东阳市两地开班，免费教电工和面点。", "浙江省 金华市"),
  article("legal-aid", "瓯海职工法律援助站", "温州市瓯海区总工会职工法律援助站设在瓯海区职工服务中心一楼，咨询和代理都不收费。", "浙江省 温州市 瓯海区"),
  article("cool-station", "桐庐环卫工人有了清凉驿站", "桐庐县总工会为环卫工人设立清凉驿站，中午环卫工人可以进门歇脚喝水。", "浙江省 杭州市 桐庐县"),
];

let ask: (q: string) => Promise<Answer>;
beforeAll(async () => {
  ask = await askOver(docs);
});

describe("the basis and the grade of an asked amount", () => {
  it("每户多少 asks an amount per household, not a total handed out", async () => {
    await expectNotAnswer(ask, "上城区困难职工家庭每户慰问金多少钱");
    await expectAnswer(ask, "拱墅区困难职工家庭每户慰问金多少钱", { id: "care-household" });
  });

  it("an English amount 'one year' asks the yearly amount, not the total paid out", async () => {
    await expectNotAnswer(ask, "huzhou mutual aid how much money one year");
  });

  it("'fee per month' asks the amount without a question word", async () => {
    await expectNotAnswer(ask, "jiashan union membership fee per month?");
    await expectAnswer(ask, "pinghu union membership fee per month?", { id: "join-dues", text: "5元" });
  });

  it("an English grade (advanced, intermediate) is the grade the amount is asked for", async () => {
    await expectNotAnswer(ask, "yiwu night school advanced certificate subsidy how much");
    await expectAnswer(ask, "yiwu night school intermediate certificate subsidy how much", { id: "grades", text: "1000元" });
  });

  it("社工证 is the social worker's certificate, not any certificate (义乌's 中级证书 is a skills certificate)", async () => {
    await expectNotAnswer(ask, "金华考中级社工证奖励多少");
  });

  it("奖励多少 asks an amount: the grade named must be printed with one", async () => {
    await expectNotAnswer(ask, "义乌技能夜校高级证书奖励多少");
    await expectAnswer(ask, "义乌技能夜校中级证书奖励多少", { id: "grades", text: "1000元" });
  });
});

describe("which one is asked", () => {
  it("第三期 is not answered by the second class's dates", async () => {
    await expectNotAnswer(ask, "清溪区第三期免费考证班什么时候报名");
    await expectAnswer(ask, "清溪区第二期免费考证班什么时候报名", { id: "second-class" });
    await expectAnswer(ask, "清溪区第2期免费考证班什么时候报名", { id: "second-class" });
  });

  it("哪几个县有 needs the counties named, not 'some counties of the province'", async () => {
    await expectNotAnswer(ask, "专职社工津贴具体是哪几个县有");
    await expectAnswer(ask, "技能夜校是哪几个县有", { id: "night-school-towns" });
  });
});

describe("a value of another kind that looks like the one asked", () => {
  it("3个工作日 is how long joining takes, not opening hours", async () => {
    await expectNotAnswer(ask, "南湖区户外劳动者服务站点晚上几点关门");
  });

  it("在1月10日至春节前发放 says when, not where", async () => {
    await expectNotAnswer(ask, "莲都区春节在岗一线职工的慰问品在哪里领");
  });

  it("where an action is done is said in one clause (在岗…, 领…名单 is not a place to collect)", async () => {
    await expectNotAnswer(ask, "柯城区春节在岗一线职工的慰问品在哪里领");
  });

  it("所在单位 (one's own workplace) is not an address", async () => {
    await expectNotAnswer(ask, "吴兴区春节在岗一线职工的慰问品在哪里领");
  });

  it("papers to bring are named where bringing them is spoken of, not a function called 帮扶记录", async () => {
    await expectNotAnswer(ask, "越暖系统自主申报要交哪些材料");
    await expectAnswer(ask, "甬工惠平台自主申报要交哪些材料", { id: "app-papers" });
  });

  it("怎么领 needs how or where it is collected", async () => {
    await expectNotAnswer(ask, "北仑区社工证补贴怎么领");
    await expectAnswer(ask, "镇海区社工证补贴怎么领", { id: "allowance-where" });
  });

  it("how to apply is said about the thing asked: another event's 报名 does not say how to claim the allowance", async () => {
    await expectNotAnswer(ask, "鄞州区社工证补贴怎么申请");
  });
});

describe("the place asked", () => {
  it("a neighbouring district's clinic is not the one asked about, though the headline names it by its everyday short name", async () => {
    await expectNotAnswer(ask, "黄岩区有没有骑手法律门诊 电话多少");
    await expectNotAnswer(ask, "taizhou huangyan rider lawyer clinic phone number");
    await expectAnswer(ask, "路桥区骑手法律门诊电话多少", { id: "clinic", text: "0576-82416351" });
  });

  it("a story naming several places answers for one of them only where it speaks of it", async () => {
    await expectNotAnswer(ask, "四川纳入民生实事的户外劳动者站点建了多少个");
    await expectAnswer(ask, "浙江今年新建户外劳动者服务站点多少家", { id: "stations-examples", text: "1000家" });
  });

  it("the named place's own story lacking the amount is not answered by a province-wide allowance", async () => {
    await expectNotAnswer(ask, "婺城考证班拿到证书以后工会还补钱吗 补多少");
  });

  it("a place named for comparison (像瓯海那样) is not the place asked", async () => {
    const a = await expectNotAnswer(ask, "鹿城区有没有像瓯海那样的职工法律援助站 在哪");
    expect(a.answer).toContain("鹿城");
    await expectAnswer(ask, "瓯海职工法律援助站在哪", { id: "legal-aid" });
  });
});

describe("whom a service is for", () => {
  it("a yes/no question about a group the source does not name, when it says whom it is for, is not answered", async () => {
    await expectNotAnswer(ask, "外卖骑手能进桐庐清凉驿站歇脚吗");
    await expectNotAnswer(ask, "does the tonglu cooling station let delivery riders in");
    await expectAnswer(ask, "环卫工人能进桐庐清凉驿站歇脚吗", { id: "cool-station" });
  });

  it("retired and older people are such a group", async () => {
    await expectNotAnswer(ask, "莲都区退休职工还能领慰问品吗");
  });
});

describe("English place names", () => {
  it("a city followed by an English word keeps the word ('hangzhou high temperature': 高温 is asked)", async () => {
    const lexicon = loadLexicon(path.resolve("data/dict"));
    const gazetteer = await loadGazetteer(path.resolve("data"));
    const a = analyzeQuery("hangzhou high temperature allowance how much per month", lexicon, gazetteer);
    expect(a.places.map((p) => p.place.shortName)).toEqual(["杭州"]);
    expect(a.terms).toContain("高温");
  });
});
