import { describe, expect, it } from "vitest";
import { prepareArticles, selectArticles } from "../../../src/knowledge/digest/match.js";
import { scoreTopics, topicsOf } from "../../../src/knowledge/digest/topics.js";
import { summarize } from "../../../src/knowledge/digest/summary.js";
import type { Gazetteer, Place } from "../../../src/knowledge/places/types.js";
import type { SubscriptionRegion } from "../../../src/knowledge/digest/types.js";
import { article, sampleIssue } from "./fixtures.js";

const titles = (seqs: number[]) => {
  const issue = sampleIssue();
  return seqs.map((s) => issue.articles.find((a) => a.seq === s)!.title);
};

const place = (p: Partial<Place> & Pick<Place, "id" | "name" | "level" | "province">): Place => ({
  shortName: p.name.replace(/[省市区县]$/, ""),
  aliases: [],
  city: null,
  county: null,
  parentId: null,
  lat: 0,
  lon: 0,
  ...p,
});

const places = [
  place({ id: "33", name: "浙江省", shortName: "浙江", level: "province", province: "浙江省" }),
  place({ id: "3301", name: "杭州市", shortName: "杭州", level: "city", province: "浙江省", city: "杭州市" }),
  place({ id: "330110", name: "余杭区", shortName: "余杭", level: "county", province: "浙江省", city: "杭州市", county: "余杭区" }),
  place({ id: "32", name: "江苏省", shortName: "江苏", level: "province", province: "江苏省" }),
  place({ id: "3208", name: "淮安市", shortName: "淮安", level: "city", province: "江苏省", city: "淮安市" }),
  place({ id: "11", name: "北京市", shortName: "北京", level: "province", province: "北京市", city: "北京市" }),
];

/** A tiny gazetteer: exact short/full name matches, enough to test the region rules. */
const gazetteer: Gazetteer = {
  places,
  resolve: (name) => places.find((p) => p.name === name || p.shortName === name),
  findInText: (text) =>
    places.flatMap((p) => {
      const name = [p.name, p.shortName].find((n) => text.includes(n));
      if (!name) return [];
      const start = text.indexOf(name);
      return [{ place: p, matched: name, start, end: start + name.length }];
    }),
  within: (p) => places.filter((q) => q.province === p.province),
};

const region = (p: Place): SubscriptionRegion => ({
  name: p.name,
  placeId: p.id,
  level: p.level,
  province: p.province,
  city: p.city,
  county: p.county,
  aliases: [p.shortName],
});

describe("topic classification", () => {
  it("puts each sample article in its topic and the economy news in none", () => {
    const issue = sampleIssue();
    const topics = issue.articles.map((a) => topicsOf(scoreTopics(a.title, a.body)));
    expect(topics[0]).toContain("stations_outdoor");
    expect(topics[1]).toContain("hardship_medical");
    expect(topics[2]).toContain("training_jobs");
    expect(topics[3]).toContain("rights_law");
    expect(topics[4]).toEqual([]);
  });

  it("matches words split by OCR spaces", () => {
    expect(topicsOf(scoreTopics("困难 职工 帮扶", "送温 暖活动"))).toContain("hardship_medical");
  });
});

describe("selecting a subscriber's articles", () => {
  const articles = prepareArticles(sampleIssue().articles, gazetteer);

  it("filters by topic", () => {
    expect(titles(selectArticles(articles, { topics: ["training_jobs"], region: null, keywords: [] }))).toEqual(["免费技能培训报名启动"]);
    expect(titles(selectArticles(articles, { topics: ["rights_law", "hardship_medical"], region: null, keywords: [] }))).toEqual([
      "困难职工医疗互助二次报销开始申请",
      "劳动争议法律援助进园区",
    ]);
  });

  it("'all' takes every article, union topics first", () => {
    const seqs = selectArticles(articles, { topics: ["all"], region: null, keywords: [] });
    expect(seqs).toHaveLength(5);
    expect(titles(seqs).at(-1)).toBe("我国民营经济主体增长超4倍");
  });

  it("filters by region: drops local news from elsewhere, keeps general news", () => {
    const yuhang = region(places[2]);
    const seqs = titles(selectArticles(articles, { topics: ["all"], region: yuhang, keywords: [] }));
    expect(seqs[0]).toBe("余杭新建20家户外劳动者驿站");
    expect(seqs).not.toContain("免费技能培训报名启动"); // 淮安 is in Jiangsu
    expect(seqs).toContain("劳动争议法律援助进园区"); // names no place
    const huaian = region(places[4]);
    expect(titles(selectArticles(articles, { topics: ["training_jobs"], region: huaian, keywords: [] }))).toEqual(["免费技能培训报名启动"]);
    expect(selectArticles(articles, { topics: ["stations_outdoor"], region: huaian, keywords: [] })).toEqual([]);
  });

  it("the national dateline (新华社北京…电) does not make an article Beijing news", () => {
    const zhejiang = region(places[0]);
    expect(titles(selectArticles(articles, { topics: ["all"], region: zhejiang, keywords: [] }))).toContain("我国民营经济主体增长超4倍");
  });

  it("keywords add articles outside the topics and rank first", () => {
    const seqs = titles(selectArticles(articles, { topics: ["training_jobs"], region: null, keywords: ["民营"] }));
    expect(seqs).toEqual(["我国民营经济主体增长超4倍", "免费技能培训报名启动"]);
  });

  it("leaves out a continuation from another page that the parser could not join", () => {
    const fragment = { ...article("[上接第一版]职工技能培训继续推进", "职工参加免费技能培训,培训合格推荐就业岗位,活动持续一周。"), continuedFrom: "第一版" };
    expect(prepareArticles([fragment])).toEqual([]);
  });

  it("returns nothing when nothing matches", () => {
    expect(selectArticles(articles, { topics: [], region: null, keywords: ["航天"] })).toEqual([]);
  });

  it("keeps at most 8 articles, most relevant first", () => {
    const many = prepareArticles(
      Array.from({ length: 12 }, (_, i) => article(`第${i}期职业技能培训`, i === 7 ? "免费培训 培训 技能培训 就业 招聘 岗位,面向全市职工开放报名。" : "职工参加培训活动,提升技能水平,活动持续一周。")),
    );
    const seqs = selectArticles(many, { topics: ["training_jobs"], region: null, keywords: [] });
    expect(seqs).toHaveLength(8);
    expect(seqs[0]).toBe(many[7].seq);
  });
});

describe("summary", () => {
  it("takes the first sentence from the article without the dateline or OCR spaces", () => {
    expect(summarize("本报讯(记者 王鑫)余杭区总工会新建20家户外劳动者服务 驿站。外卖骑手可以在驿站热饭。")).toBe(
      "余杭区总工会新建20家户外劳动者服务驿站。外卖骑手可以在驿站热饭。",
    );
    expect(summarize("新华社北京11月6日电 市场监管总局获悉,民营经济主体增长。")).toBe("市场监管总局获悉,民营经济主体增长。");
  });

  it("cuts a long first sentence with an ellipsis", () => {
    const s = summarize("很".repeat(200));
    expect(Array.from(s)).toHaveLength(90);
    expect(s.endsWith("…")).toBe(true);
  });
});
