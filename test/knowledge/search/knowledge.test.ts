/**
 * loadKnowledge over the shipped data (data/issues, data/programmes, data/dict, data/places), as the bot and
 * the CLI use it. jieba costs ~1.2 s and ~240 MB per process: the knowledge is loaded once for the file.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HitProvider } from "../../../src/knowledge/knowledge.js";
import { loadKnowledge, type LoadedKnowledge } from "../../../src/knowledge/index.js";
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

describe("loadKnowledge on the shipped data", () => {
  it("indexes the catalogue and the shipped issues", () => {
    expect(knowledge.size.programmes).toBeGreaterThan(0);
    expect(knowledge.size.articles).toBeGreaterThan(0);
    expect(knowledge.size.passages).toBeGreaterThanOrEqual(knowledge.size.programmes + knowledge.size.articles);
  });

  it("answers a known question with a cited source (paper, date, issue, article)", async () => {
    const answer = await knowledge.ask("我在淮安，困难职工看病医保报完自己还掏了四千多，工会能兜底吗？");
    expect(answer.found).toBe(true);
    expect(answer.hits[0].title).toMatch(/淮安/);
    expect(answer.answer).toMatch(/3000元/);
    expect(answer.answer).toMatch(/《.*淮安.*》/);
  });

  it("cites date and issue number when the page prints them", async () => {
    const answer = await knowledge.ask("绍兴越温暖系统有哪些功能？");
    expect(answer.found).toBe(true);
    const top = answer.hits[0];
    expect(top.source.date).toBe("2024-11-07");
    expect(top.source.issue).toBe("12773");
    expect(top.source.title).toMatch(/越温暖/);
    expect(answer.answer).toContain("2024-11-07");
  });

  it("says found=false and points to 12351 for an unrelated question", async () => {
    const answer = await knowledge.ask("周末去哪里钓鱼比较好？");
    expect(answer.found).toBe(false);
    expect(answer.hits).toEqual([]);
    expect(answer.answer).toContain("12351");
  });

  it("refuses a question about a real programme's detail the sources do not print", async () => {
    const answer = await knowledge.ask("淮安职工特殊疾病互助会一年要交多少会费？");
    expect(answer.found).toBe(false);
    expect(answer.answer).toContain("12351");
  });

  it("answers English questions with English framing and Chinese quotes", async () => {
    const answer = await knowledge.ask("How many outdoor worker service stations has the Zhejiang union built?");
    expect(answer.found).toBe(true);
    expect(answer.answer).toMatch(/^(From|Union programme)/);
    expect(answer.answer).toMatch(/\p{Script=Han}/u);
  });

  it("merges hits from a registered provider (stations) into the answer", async () => {
    const provider: HitProvider = {
      kind: "station",
      async search(query) {
        if (!query.terms.includes("充电")) return [];
        return [{ kind: "station", id: "S1", title: "【示例数据】测试驿站", snippet: "可充电", score: 1, sample: true, source: { paper: null, date: null, issue: null, title: null } }];
      },
    };
    knowledge.addHitProvider(provider);
    const answer = await knowledge.ask("上海哪里有驿站能充电");
    expect(answer.hits.some((h) => h.kind === "station" && h.id === "S1")).toBe(true);
    const unrelated = await knowledge.ask("周末去哪里钓鱼比较好？");
    expect(unrelated.hits.some((h) => h.kind === "station")).toBe(false);
  });
});
