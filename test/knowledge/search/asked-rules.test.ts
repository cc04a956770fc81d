/**
 * Confidence rules decided by what the question asks and whether the passage states that fact about the thing
 * asked, on hand-made passages: a count with its measure word, an amount asked with a paying verb, the time of
 * the event asked about (a payment, an approval, a start) rather than another time in the passage, opening
 * hours, the category asked for (啥平台) not counting as the topic, a question about another city than the
 * one a programme's headline names, yes/no questions (the predicate must be spoken of), whether something costs
 * money, where a named place is, the papers to bring, who holds a post (a name, not the post alone), amounts per
 * person or per month, and the literal word said ranking above a concept's general words.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { SearchDocument } from "../../../src/knowledge/search/documents.js";
import type { Answer } from "../../../src/knowledge/types.js";
import { article, askOver, expectAnswer, expectNotAnswer } from "../../support/hand-made-search.js";

const docs: SearchDocument[] = [
  article("rest-house", "东海区开办货车司机之家", "东海区总工会在高速出口旁开办司机之家，屋里有8张床位和淋浴间，洗澡、充电都不收费。"),
  article("stations", "东湖区建成一批服务驿站", "东湖区总工会今年建成服务驿站1000家以上，方便环卫工人歇脚。"),
  article("mutual", "南山区职工医疗互助", "南山区职工参加医疗互助，每人每年交60元。住院后医保报销以外自己负担的部分按比例补助。出院后3个月内，把出院小结和费用清单交给单位工会，由单位工会统一办理。"),
  article("join", "西河区扫码入会", "西河区总工会推行扫码入会，职工在手机上填写信息，提交后由工会审核，一般3个工作日内就能成为会员。"),
  article("night-school", "北湖区技能夜校开课", "北湖区总工会开办技能夜校，教电工和叉车驾驶，学费全免。学员拿到职业技能等级证书的，工会再给补贴：初级证书每人500元。"),
  article("legal", "中桥区职工法律援助站", "中桥区职工法律援助站设在区总工会一楼，工作日上午9点到下午5点有律师值班，帮职工讨欠薪。"),
  article("legal-nohours", "南桥区职工法律援助站成立", "南桥区职工法律援助站成立以来帮职工讨回欠薪200多万元。"),
  article("care-system", "暖心系统上线", "东城区总工会的“暖心”帮扶系统汇总了多个部门的数据，及时发现困难职工。"),
  article("training-platform", "小微企业技能培训", "省里的“小微通”平台有小微企业技能提升培训系统，职工可以在线报名。"),
  article("queue", "西山区司机之家开张", "西山区总工会的司机之家有淋浴间，洗澡、充电都不收费。"),
  article("free-school", "东岭区技能夜校开班", "东岭区总工会的技能夜校免费教电工，每期招40人。"),
  article("paid-school", "北岭区职工书屋", "北岭区职工书屋藏书一万册，去年共有3000名职工借阅，书屋建设投入20万元。"),
  article("address", "南岭区职工法律援助站", "南岭区职工法律援助站设在区总工会一楼的法律服务窗口，帮职工讨欠薪。来的时候带上身份证和劳动合同。"),
  article("no-address", "中岭区职工法律援助站成立", "中岭区职工法律援助站去年帮职工讨回欠薪300多万元。"),
  article("boss", "东港区总工会换届", "东港区总工会召开会员代表大会。区总工会主席陈明介绍了今后五年的工作。"),
  article("boss-unnamed", "西港区总工会开展调研", "西港区总工会相关负责人介绍，今年将走访企业100家。"),
  article("festival", "吴兴区两节送温暖", "吴兴区总工会今年共筹集资金2600万元，走访慰问困难职工。"),
  article("festival-per", "南浔区两节送温暖", "南浔区总工会今年共筹集资金800万元，建档困难职工家庭每户发放慰问金1000元。"),
  article("hotline-only", "淳安县职工服务中心开门", "淳安县职工服务中心帮职工找工作，职工也可以拨打职工服务热线12351咨询。"),
  article("phone", "建德市职工服务中心开门", "建德市职工服务中心帮职工找工作，咨询电话0571-86001234。"),
  article("heat", "临安区高温作业提醒", "临安区总工会提醒，日最高气温达到40℃以上，应当停止当日室外露天作业。"),
  article("lawyer-on-duty", "余姚市职工法律援助站", "余姚市职工法律援助站工作日有律师值班。值班律师提醒，职工受伤后要及时申请工伤认定。"),
  article("lawyer-named", "慈溪市职工法律援助站", "慈溪市职工法律援助站的律师王静说，去年帮职工讨回欠薪100多万元。"),
  article("class-this-year", "奉化区开办职工夜校", "奉化区总工会今年开办职工夜校，教电工和面点。"),
  article("class-dated", "象山县职工夜校开课", "象山县总工会的职工夜校3月1日开课，教电工和面点。"),
  article("social-work", "专职社工有津贴", "在一些县(市、区)，取得社会工作者职业资格证书并被聘为专职社工的，每个月能获得200元到600元不等的津贴。"),
  article("next-class", "宁海县职工夜校招生", "宁海县总工会职工夜校下一期将于9月1日开课，教电工和面点。"),
  article("huaian", "淮安市总工会医疗兜底保障", "困难职工家庭年度医疗支出除去医保报销之后，个人自费部分超过3000元的，淮安市总工会给予兜底。江苏省总工会对此予以肯定。", "江苏省 淮安市"),
];

let ask: (q: string) => Promise<Answer>;
beforeAll(async () => {
  ask = await askOver(docs);
});

describe("how many: the number is printed with the asked measure word", () => {
  it("几张床 is answered by the passage printing 8张床位", async () => {
    await expectAnswer(ask, "东海区司机之家有几张床", { id: "rest-house" });
  });

  it("a count of something else (1000家 stations) does not answer 几张床", async () => {
    await expectNotAnswer(ask, "东湖区驿站有几张床");
  });
});

describe("an amount asked with a paying verb (补多少, 给多少)", () => {
  it("补多少 is answered by the amount printed about the certificate", async () => {
    const a = await expectAnswer(ask, "北湖考出初级证书工会补多少", { id: "night-school" });
    expect(a.answer).toContain("500元");
  });

  it("补多少 is not answered by a passage without an amount", async () => {
    await expectNotAnswer(ask, "东城暖心系统帮困难职工补多少");
  });
});

describe("time questions: the time printed about the event asked", () => {
  it("a deadline for handing in papers does not say how long the payment takes", async () => {
    const a = await ask("南山医疗互助的钱多久能到账");
    expect(a.confidence).toBe("related");
    expect(a.answer).toContain("要多长时间");
  });

  it("an approval time printed about the approval answers 多久能批下来", async () => {
    await expectAnswer(ask, "西河申请入会多久能批下来", { id: "join" });
  });

  it("opening hours: printed hours answer 周末开不开, a story without hours does not", async () => {
    await expectAnswer(ask, "中桥法律援助站周末开不开", { id: "legal" });
    await expectNotAnswer(ask, "南桥法律援助站几点开门");
  });
});

describe("what is asked is not the topic", () => {
  it("a passage matching the asked category (平台) and one other word is not an answer about another system", async () => {
    await expectNotAnswer(ask, "暖心系统在啥平台上能用");
  });
});

describe("another city than the one the headline names", () => {
  it("a 淮安 programme does not answer a question about 南京, and the reply names 南京", async () => {
    const a = await ask("南京工会兜底医疗的标准是多少");
    expect(a.confidence).toBe("none");
    expect(a.answer).toContain("南京");
  });

  it("the same programme still answers its own city and its province", async () => {
    await expectAnswer(ask, "淮安工会医疗兜底自费超过多少");
    expect((await ask("江苏困难职工医疗兜底自费超过多少元")).hits[0]?.id).toBe("huaian");
  });
});

describe("yes/no questions", () => {
  it("a passage that says nothing about the predicate (排队) does not answer yes or no", async () => {
    await expectNotAnswer(ask, "西山区司机之家洗澡要排队吗");
  });

  it("whether it costs money: answered by 不收费 / 免费, not by an amount spent on something", async () => {
    await expectAnswer(ask, "西山区司机之家洗澡要钱吗");
    expect((await ask("东岭区夜校要交学费吗")).hits[0]?.id).toBe("free-school");
    await expectAnswer(ask, "东岭区夜校要交学费吗");
    await expectNotAnswer(ask, "北岭区职工书屋借书要钱吗");
  });
});

describe("where a named place is, and the papers to bring", () => {
  it("an address or venue answers 在哪; a story naming only the district does not", async () => {
    await expectAnswer(ask, "南岭区法律援助站在哪", { id: "address" });
    await expectNotAnswer(ask, "中岭区法律援助站在哪");
  });

  it("要带啥材料 is answered by the papers listed by name", async () => {
    await expectAnswer(ask, "去南岭区法律援助站要带什么材料", { id: "address" });
    await expectNotAnswer(ask, "去中岭区法律援助站要带什么材料");
  });
});

describe("who holds a post", () => {
  it("a passage naming the chairman answers; 'the person in charge said' names no one", async () => {
    await expectAnswer(ask, "东港区总工会主席是谁", { id: "boss" });
    await expectNotAnswer(ask, "西港区总工会负责人是谁");
  });
});

describe("an amount per person", () => {
  it("每人多少钱 is answered by an amount per household or person, not by the total raised", async () => {
    await expectNotAnswer(ask, "吴兴区送温暖每人发多少钱");
    await expectAnswer(ask, "南浔区送温暖每人发多少钱", { text: "1000元" });
  });
});

describe("numbers with units and phone numbers", () => {
  it("the unions' hotline 12351 is not the number of the office asked about", async () => {
    await expectNotAnswer(ask, "淳安县职工服务中心的电话号码");
    await expectAnswer(ask, "建德市职工服务中心的电话号码", { text: "86001234" });
  });

  it("多少度 is answered by a temperature (40℃)", async () => {
    await expectAnswer(ask, "临安区高温多少度以上要停止室外作业", { id: "heat" });
  });
});

describe("who a named professional is", () => {
  it("律师叫什么名字 is answered by a passage naming the lawyer, not by 有律师值班", async () => {
    await expectNotAnswer(ask, "余姚法律援助站的律师叫什么名字");
    await expectAnswer(ask, "慈溪法律援助站的律师叫什么名字", { id: "lawyer-named" });
  });
});

describe("when something starts, and English yes/no", () => {
  it("什么时候开课 needs a month or a day, not 今年", async () => {
    await expectNotAnswer(ask, "奉化夜校什么时候开课");
    await expectAnswer(ask, "象山夜校什么时候开课", { id: "class-dated" });
  });

  it("is it free, in English, is answered by 免费 said of the topic", async () => {
    const a = await expectAnswer(ask, "Is the night school free?");
    expect(["night-school", "free-school"]).toContain(a.hits[0].id);
  });
});

describe("how an amount is counted (一个月, 每人, 每年) is not what the question is about", () => {
  it("高温津贴一个月多少 is not answered by another allowance paid per month", async () => {
    await expectNotAnswer(ask, "杭州高温津贴一个月多少钱");
    await expectAnswer(ask, "专职社工津贴一个月多少钱", { id: "social-work" });
  });
});

describe("the size of one class, and the next time", () => {
  it("一期多少人 is answered by 每期招40人, not by a number of people without that basis", async () => {
    await expectAnswer(ask, "东岭夜校一期多少人", { id: "free-school" });
    await expectNotAnswer(ask, "北岭职工书屋一期多少人");
  });

  it("下次什么时候开课 is answered by a class to come, not by the date of one that started", async () => {
    await expectNotAnswer(ask, "象山夜校下次什么时候开课");
    await expectAnswer(ask, "宁海夜校下次什么时候开课", { id: "next-class" });
  });
});
