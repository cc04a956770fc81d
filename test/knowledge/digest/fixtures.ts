import type { Article, ParsedIssue } from "../../../src/knowledge/types.js";

let seq = 0;

export function article(title: string, body: string, issueId = "test-issue"): Article {
  seq++;
  return { id: `${issueId}/${seq}`, issueId, seq, title, kicker: null, kind: "news", body, byline: null, url: null };
}

/** A small issue with one article per topic, plus a local article from elsewhere and a general one. */
export function sampleIssue(issueId = "浙江工人日报-2024-11-07-12773"): ParsedIssue {
  seq = 0;
  const a = (title: string, body: string) => article(title, body, issueId);
  return {
    issue: { id: issueId, paper: "浙江工人日报", date: "2024-11-07", number: "12773" },
    articles: [
      a("余杭新建20家户外劳动者驿站", "本报讯(记者 王鑫)余杭区总工会新建20家户外劳动者服务 驿站,外卖骑手、快递员可以在驿站热饭、充电、歇脚。驿站全年开放。"),
      a("困难职工医疗互助二次报销开始申请", "省总工会启动困难职工医疗互助二次报销,自付医疗费用超过5000元的建档困难职工可申请救助,帮扶金额最高2万元。"),
      a("免费技能培训报名启动", "淮安市总工会面向失业人员开展免费职业技能培训,培训合格推荐就业岗位,报名截止11月30日。"),
      a("劳动争议法律援助进园区", "律师团队进园区为职工提供法律援助,帮助解决欠薪和劳动合同纠纷,维护职工合法权益。"),
      a("我国民营经济主体增长超4倍", "新华社北京11月6日电 市场监管总局获悉,截至2024年9月底,我国实有民营经济主体总量达18086万户,占经营主体总量的九成以上。"),
    ],
  };
}
