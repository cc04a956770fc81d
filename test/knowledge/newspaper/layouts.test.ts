/** The same page as other OCR tools or editors produce it: the parser must read it the same way. */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseIssueText } from "../../../src/knowledge/newspaper/index.js";
import { SEEDS, seedPath } from "./seeds.js";

const pages = Object.keys(SEEDS).map((k) => ({ name: k, text: fs.readFileSync(seedPath(k as keyof typeof SEEDS), "utf8") }));
const shape = (text: string) => parseIssueText(text, "page.txt").articles.map((a) => [a.title, a.kind, a.body]);

describe("OCR layouts", () => {
  it.each(pages)("reads $name the same without blank lines, with CRLF and with full-width paragraph indents", ({ text }) => {
    const expected = shape(text);
    expect(shape(text.split("\n").filter((l) => l.trim()).join("\n"))).toEqual(expected);
    expect(shape(text.split("\n").map((l) => (l.trim().length > 30 ? `\u3000\u3000${l}` : l)).join("\r\n"))).toEqual(expected);
  });

  it("starts a new article for a story printed without byline when it has nothing in common with the one above", () => {
    const page = [
      "淮安市总兜底保障助力困难职工",
      "本报讯(通讯员 卢余余)淮安市总工会对困难职工家庭开展医疗救助,个人自费部分超过3000元的,市总工会将给予兜底解决。",
      "今年已对患重病的27户困难职工家庭兜底医疗费用36万多元。",
      "全市职工篮球联赛开幕",
      "昨日,全市职工篮球联赛在体育中心开幕,来自42家企业的球队将进行为期两周的比赛,决出冠亚季军。",
      "比赛设男子组和女子组,赛事由市体育局和市总工会联合主办。",
    ].join("\n");
    const articles = parseIssueText(page, "page.txt").articles;
    expect(articles.map((a) => a.title)).toEqual(["淮安市总兜底保障助力困难职工", "全市职工篮球联赛开幕"]);
    expect(articles[1].body.startsWith("昨日,全市职工篮球联赛在体育中心开幕")).toBe(true);
    expect(articles[0].body).not.toContain("篮球");
  });

  it("keeps a section heading in its story when the section is about the same thing", () => {
    const page = [
      "户外劳动者服务站点提质扩面",
      "本报讯 记者王明报道 全省已建户外劳动者服务站点1.2万个,覆盖服务户外劳动者400余万人。",
      "协同推进",
      "站点建设由工会牵头,住建部门在服务站点规划布局、具体选址方面给予指导,户外劳动者可就近歇脚饮水。",
    ].join("\n");
    const articles = parseIssueText(page, "page.txt").articles;
    expect(articles).toHaveLength(1);
    expect(articles[0].body).toContain("\n协同推进\n站点建设由工会牵头");
  });
});

describe("multi-page dumps", () => {
  it("drops a later page's masthead and editor credits, and keeps the first page's date", () => {
    const text = [
      "2024年11月7日 星期四",
      "甲辰年十月初七 总第12773号",
      "新闻服务热线:88851111",
      "全省职工疗休养工作启动",
      "本报讯 记者王明报道 今年全省工会将组织一线职工疗休养,重点安排快递员、外卖配送员参加。",
      "责任编辑:李红 校对:张三",
      "2024年11月7日 星期四",
      "第2版 要闻",
      "总第12773号",
      "户外劳动者服务站点提质扩面",
      "本报讯 记者王明报道 全省已建户外劳动者服务站点1.2万个,覆盖服务户外劳动者400余万人。",
    ].join("\n");
    const parsed = parseIssueText(text, "two-pages.txt");
    expect(parsed.issue).toMatchObject({ date: "2024-11-07", number: "12773" });
    expect(parsed.articles.map((a) => a.title)).toEqual(["全省职工疗休养工作启动", "户外劳动者服务站点提质扩面"]);
    expect(parsed.articles.map((a) => a.body).join("\n")).not.toMatch(/责任编辑|总第|星期四|第2版/);
  });
});

describe("stories whose end or headline was lost", () => {
  it("starts a new story at a byline even when the text before it stops mid-sentence", () => {
    const text = [
      "全省职工疗休养工作启动",
      "本报讯 记者王明报道 今年全省工会将组织一线职工疗休养,重点安排快递员、外卖配送员参加疗休养活动,名额向",
      "记者李红报道 昨日,全市职工篮球联赛在体育中心开幕,来自42家企业的球队将进行为期两周的比赛。",
    ].join("\n");
    const articles = parseIssueText(text, "cut.txt").articles;
    expect(articles).toHaveLength(2);
    expect(articles[0].body.endsWith("名额向")).toBe(true);
    expect(articles[1]).toMatchObject({ titleMissing: true, byline: "记者李红报道" });
    expect(articles[1].title).toMatch(/^昨日,全市职工篮球联赛在体育中心开幕/);
  });
});

describe("one file per page", () => {
  const page = (label: string, title: string) =>
    [
      `2024年11月7日 星期四`,
      `甲辰年十月初七 总第12773号`,
      label,
      title,
      `本报讯 记者王明报道 今年全省工会将组织一线职工疗休养,重点安排快递员、外卖配送员参加疗休养活动。`,
    ].join("\n");

  it("gives each page that prints its number its own id, so page 2 does not replace page 1", () => {
    const one = parseIssueText(page("第一版 要闻", "全省职工疗休养工作启动"), "p1.txt").issue;
    const two = parseIssueText(page("第2版 综合", "户外劳动者服务站点提质扩面"), "p2.txt").issue;
    expect(one).toMatchObject({ date: "2024-11-07", number: "12773", page: "1" });
    expect(two).toMatchObject({ date: "2024-11-07", number: "12773", page: "2" });
    expect(one.id).not.toBe(two.id);
    expect(two.id).toBe("paper-unknown-2024-11-07-12773-p2");
  });
});

describe("a page laid out differently from the seeds", () => {
  // Written for this test, not a real page (the paper "示例工人报" does not exist): full-width punctuation, indented paragraphs, a slogan kicker
  // above the title, "□ 本报记者 X" and "■ 本报评论员" bylines on their own line.
  const file = new URL("./fixtures/synthetic-fullwidth-page.txt", import.meta.url);
  const parsed = parseIssueText(fs.readFileSync(file, "utf8"), "synthetic.txt");

  it("reads the masthead with the paper's name", () => {
    expect(parsed.issue).toMatchObject({ paper: "示例工人报", date: "2023-05-01", number: "12200" });
  });

  it("finds each story with its headline, kicker and byline", () => {
    expect(parsed.articles.map((a) => [a.title, a.kicker, a.byline])).toEqual([
      ["全省庆祝“五一”国际劳动节暨表彰大会在杭举行", "劳动创造幸福 奋斗成就梦想", "本报讯（记者 王明 通讯员 李红）"],
      ["快递小哥有了“暖心驿站”", null, "本报记者 张三"],
      ["让劳动者体面劳动", null, "本报评论员"],
    ]);
    expect(parsed.articles[0].body).toContain("为奋力推进中国式现代化浙江新篇章贡献力量。");
    expect(parsed.articles[1].body.startsWith("“以前送快递中午没地方歇脚")).toBe(true);
  });
});
