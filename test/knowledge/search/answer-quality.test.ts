/**
 * What a member notices in answers over the shipped data: no answer from one generic word, benefit questions
 * answered by a programme's benefits, ended programmes marked, undated sources said to be undated, and no old
 * story passed off as today's or tomorrow's weather. Wording here is our own, not the dev or review set's.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge, type LoadedKnowledge } from "../../../src/knowledge/index.js";
import { formatSource } from "../../../src/knowledge/search/answer.js";
import { openStore } from "../../../src/storage/open.js";
import type { Store } from "../../../src/storage/store.js";

let store: Store;
let knowledge: LoadedKnowledge;

beforeAll(async () => {
  store = await openStore("sqlite::memory:");
  knowledge = await loadKnowledge({ store, dataDir: path.resolve("data") });
});

afterAll(async () => {
  await store?.close();
});

describe("generic words and unknown English words do not make an answer", () => {
  it("refuses a labour-dispute question whose only matches are generic words (公司, 休息)", async () => {
    const answer = await knowledge.ask("宁波单位天天让加班不给休息，我该怎么维权？");
    expect(answer.found).toBe(false);
    expect(answer.answer).toContain("12351");
  });

  it("refuses an English question when the words the table lacks are the topic (only 'union' is known)", async () => {
    const analysis = knowledge.analyzeFull("how can i become a member of the union");
    expect(analysis.unknownEnglish.length).toBeGreaterThan(0);
    const answer = await knowledge.ask("how can i become a member of the union");
    expect(answer.found).toBe(false);
  });

  it("refuses input with no words at all (numbers and brackets)", async () => {
    const answer = await knowledge.ask("[3, 4]");
    expect(answer.found).toBe(false);
    expect(answer.hits).toEqual([]);
  });

  it("still answers a specific question that also holds generic words", async () => {
    const answer = await knowledge.ask("浙江的户外劳动者服务站点能不能充电休息？");
    expect(answer.found).toBe(true);
    expect(answer.hits[0].title).toMatch(/户外劳动者|驿站/);
  });
});

describe("questions about today, tomorrow or the weather", () => {
  it("does not present an undated story as tomorrow's weather (Chinese)", async () => {
    const answer = await knowledge.ask("杭州明天会不会下雨？");
    expect(answer.found).toBe(false);
    expect(answer.hits).toEqual([]);
    expect(answer.answer).toMatch(/天气|日期/);
    expect(answer.answer).not.toMatch(/气温将|冲破/);
  });

  it("does not present an undated story as today's weather (English)", async () => {
    const answer = await knowledge.ask("how is the weather in zhejiang today");
    expect(answer.found).toBe(false);
    expect(answer.hits).toEqual([]);
  });

  it("still answers a temperature fact the story reports for a stated period", async () => {
    const answer = await knowledge.ask("浙江今年的平均气温是多少度？");
    expect(answer.found).toBe(true);
  });
});

describe("benefit questions", () => {
  it("answers 有啥福利 for couriers with a programme that lists what they get", async () => {
    const answer = await knowledge.ask("送快递的有啥福利？");
    expect(answer.found).toBe(true);
    expect(answer.hits[0].kind).toBe("programme");
    expect(answer.answer).toMatch(/套餐|驿站|歇脚/);
  });

  it("answers 有哪些补贴 for ride-hailing drivers", async () => {
    const answer = await knowledge.ask("开网约车的司机有哪些补贴？");
    expect(answer.found).toBe(true);
    expect(answer.hits.some((h) => h.kind === "programme")).toBe(true);
  });

  it("answers an English 'what benefits' question", async () => {
    const answer = await knowledge.ask("What benefits do delivery riders get?");
    expect(answer.found).toBe(true);
    expect(answer.hits[0].kind).toBe("programme");
  });

  it("lists the related hits when refusing for a missing detail, and does not claim content was found", async () => {
    const answer = await knowledge.ask("淮安特殊疾病互助会每年会费交多少钱？");
    expect(answer.found).toBe(false);
    expect(answer.hits.length).toBeGreaterThan(0);
    expect(answer.hits[0].title).toMatch(/互助会|淮安/);
    expect(answer.answer).not.toMatch(/找到了/);
  });
});

describe("ended and planned programmes", () => {
  it("marks an ended programme as ended, with its time, in the answer and the hit", async () => {
    const answer = await knowledge.ask("家里冬天烧不起暖气，有没有取暖补贴？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("【已结束");
    const ended = answer.hits.find((h) => h.id === "p06");
    expect(ended?.snippet).toMatch(/^【已结束（2023年入冬以来）】/);
  });

  it("marks the Spring Festival greetings of 2022 as ended", async () => {
    const answer = await knowledge.ask("春节不回家在江苏上班，工会来看望吗？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toMatch(/【已结束（2022年/);
  });

  it("says ENDED in English framing", async () => {
    const answer = await knowledge.ask("春节不回家在江苏上班，工会来看望吗？", { locale: "en" });
    expect(answer.answer).toContain("[ENDED: 2022年");
  });

  it("marks a planned programme as planned", async () => {
    const answer = await knowledge.ask("浙江困难老人的养老护理补贴有吗？");
    const planned = answer.hits.find((h) => h.id === "p10");
    expect(planned?.snippet).toMatch(/^【计划中（2024年建立）】/);
  });
});

describe("undated sources", () => {
  it("says the date is unknown when the source has neither date nor issue", () => {
    const source = { paper: null, date: null, issue: null, title: "某篇报道" };
    expect(formatSource(source, "zh-CN", "x")).toBe("《某篇报道》（日期不详）");
    expect(formatSource(source, "en", "x")).toBe("“某篇报道” (date unknown)");
  });

  it("does not add the note when the issue is known", () => {
    const source = { paper: "浙江工人日报", date: "2024-11-07", issue: "12773", title: "某篇报道" };
    expect(formatSource(source, "zh-CN", "x")).not.toContain("日期不详");
  });

  it("the answer from an undated catalogue source says so", async () => {
    const answer = await knowledge.ask("宁波考出社工证能拿多少补贴？");
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain("（日期不详）");
  });
});

describe("medical self-pay questions", () => {
  it("ranks the self-paid medical programme first for 看病花了…能补吗", async () => {
    const answer = await knowledge.ask("我是淮安的，住院花了五千多，能补一点吗");
    expect(answer.found).toBe(true);
    expect(answer.hits[0].id).toBe("p18");
  });
});
