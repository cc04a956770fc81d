import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadGazetteer } from "../../../src/knowledge/places/gazetteer.js";
import type { Gazetteer } from "../../../src/knowledge/places/types.js";
import { analyzeQuery } from "../../../src/knowledge/text/analyze.js";
import { missingFacts } from "../../../src/knowledge/text/stated.js";
import { loadLexicon, type Lexicon } from "../../../src/knowledge/text/lexicon.js";

let lexicon: Lexicon;
let gazetteer: Gazetteer;

beforeAll(async () => {
  lexicon = loadLexicon(path.resolve("data/dict"));
  gazetteer = await loadGazetteer(path.resolve("data"));
});

const analyze = (q: string) => analyzeQuery(q, lexicon, gazetteer);

describe("analyzeQuery: synonyms", () => {
  it("maps colloquial words to the words the papers use", () => {
    expect(analyze("骑手在哪休息").terms).toContain("外卖配送员");
    expect(analyze("快递小哥有什么福利").terms).toContain("快递员");
    expect(analyze("看病太贵了").terms).toContain("医疗");
    expect(analyze("附近哪里能歇脚").terms).toContain("休息");
  });

  it("maps phrases jieba cuts apart (没工作 -> 失业)", () => {
    expect(analyze("没工作了有免费培训吗").terms).toContain("失业");
  });

  it("drops question words and particles", () => {
    const terms = analyze("余杭哪里可以充电吗").terms;
    expect(terms).toContain("充电");
    for (const stop of ["哪里", "可以", "吗"]) expect(terms).not.toContain(stop);
  });

  it("reads colloquial money (一万块) as printed money (一万元)", () => {
    expect(analyze("那一万块奖励能拿吗").normalized).toContain("一万元");
    expect(analyze("大家坐一块聊聊").normalized).toContain("一块");
  });
});

describe("analyzeQuery: places", () => {
  it("recognises a county and knows its city", () => {
    const q = analyze("余杭哪里能热饭充电?");
    expect(q.places).toHaveLength(1);
    expect(q.places[0].place.shortName).toBe("余杭");
    expect(q.places[0].place.city).toBe("杭州市");
  });

  it("recognises pinyin place names in English questions", () => {
    const q = analyze("Where can delivery riders rest in Hangzhou?");
    expect(q.english).toBe(true);
    expect(q.places.map((p) => p.place.shortName)).toContain("杭州");
  });
});

describe("analyzeQuery: English", () => {
  it("searches English questions with Chinese terms", () => {
    const q = analyze("Is there a charging station for couriers?");
    expect(q.english).toBe(true);
    expect(q.terms).toEqual(expect.arrayContaining(["充电", "驿站", "快递员"]));
  });

  it("treats a Chinese question with a Latin word as Chinese", () => {
    expect(analyze("在APP上怎么申请补贴").english).toBe(false);
  });
});

describe("analyzeQuery: what is asked", () => {
  it("notes the detail noun a question asks for", () => {
    expect(analyze("互助会一年要交多少会费？").asked.details).toContain("会费");
    // The papers to bring are asked by category (材料) and named by what they are (身份证): a procedure to list.
    for (const q of ["补贴去哪个部门申请，要带啥材料？", "兜底保障需要提交哪些材料？"]) {
      expect(analyze(q).asked.kinds, q).toContain("apply");
      expect(analyze(q).asked.documents, q).toBe(true);
    }
    expect(analyze("系统的预算是多少？").asked.details).toContain("预算");
  });

  it("takes the noun after 哪个 as a hint only (the answer names an instance: 哪个平台 -> 浙里办)", () => {
    const asked = analyze("越温暖系统是在哪个平台上线的？").asked;
    expect(asked.details).not.toContain("平台");
    expect(asked.hints).toContain("平台");
    expect(asked.kinds).not.toContain("place");
  });

  it("notes phone, money and date questions", () => {
    expect(analyze("What's the hotline number of the union?").asked.kinds).toContain("phone");
    expect(analyze("取暖救助花了多少钱").asked.kinds).toContain("money");
    expect(analyze("会议是哪几天开的").asked.kinds).toContain("day");
    expect(analyze("系统是哪年上线的").asked.kinds).toContain("year");
    expect(analyze("什么时候开始报名").asked.kinds).toContain("date");
  });

  it("keeps printed codes such as 1+1+N for literal matching", () => {
    expect(analyze("“1+1+N”关爱行动送些啥").literals).toContain("1+1+n");
  });
});

describe("missingFacts", () => {
  const money = { kinds: ["money" as const], details: [] };
  it("finds printed amounts and does not take areas or head counts for money", () => {
    expect(missingFacts(money, "每人每年最高2万元", false)).toEqual([]);
    expect(missingFacts(money, "发放取暖补贴19.1亿元", false)).toEqual([]);
    expect(missingFacts(money, "拆除障碍物面积超1万平方米,惠及2万人", false)).toEqual(["money"]);
  });

  it("does not count a catalogue note that a fact is unknown as the fact", () => {
    const apply = { kinds: ["apply" as const], details: [] };
    expect(missingFacts(apply, "申请：原文未说明申请办法。", false)).toEqual(["apply"]);
    expect(missingFacts(apply, "申请：在浙里办自主申报。", false)).toEqual([]);
  });
});

describe("analyzeQuery: choice questions", () => {
  it("reads the two options of A还是B, and not 还是 meaning still", () => {
    expect(analyze("慰问金是给现金还是打卡里").choice?.spellings).toEqual(expect.arrayContaining(["现金", "银行卡"]));
    expect(analyze("我还是想问一下入会要交钱吗").choice).toBeUndefined();
    expect(analyze("工会还是会管吗").choice).toBeUndefined();
  });
});

describe("analyzeQuery: where a person comes from", () => {
  it("河南来的, 来自安徽, 老家四川 name an origin, not the region asked about; 杭州人社 is still 杭州", () => {
    const names = (q: string) => analyze(q).places.map((p) => p.place.shortName);
    expect(names("河南来的蒋四清后来在哪上班")).not.toContain("河南");
    expect(names("老家四川的在杭州打工能领吗")).toEqual(["杭州"]);
    expect(names("杭州人社局电话多少")).toContain("杭州");
  });
});

describe("analyzeQuery: members' words for older workers and women", () => {
  it("年纪大点的妇女 is searched as 年龄偏大 (cut 年龄/偏大), 大龄 and 女性, as the papers print it", () => {
    const terms = analyze("海盐那边年纪大点的妇女能学啥手艺").terms;
    expect(terms).toEqual(expect.arrayContaining(["年龄", "偏大", "大龄", "女性"]));
  });
});
