/**
 * While the station list is the sample set, sample stations never push content out of the first three results
 * of `ask`; real stations still lead where-questions.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge, type LoadedKnowledge } from "../../../src/knowledge/index.js";
import { mergeProviderHits } from "../../../src/knowledge/search/ask.js";
import type { Hit } from "../../../src/knowledge/types.js";
import { openStore } from "../../../src/storage/open.js";
import type { Store } from "../../../src/storage/store.js";

const hit = (kind: Hit["kind"], id: string, sample = false): Hit => ({
  kind,
  id,
  title: id,
  snippet: "",
  source: { paper: null, date: null, issue: null, title: null },
  score: 1,
  ...(sample ? { sample: true } : {}),
});

describe("merging station hits with content hits", () => {
  const content = ["a1", "a2", "a3", "a4"].map((id) => hit("article", id));

  it("puts sample stations after the first three content hits", () => {
    const merged = mergeProviderHits([hit("station", "s1", true), hit("station", "s2", true)], content, 5);
    expect(merged.map((h) => h.id)).toEqual(["a1", "a2", "a3", "s1", "s2"]);
  });

  it("lets real stations lead a where-question in up to two places", () => {
    const merged = mergeProviderHits([hit("station", "r1"), hit("station", "r2"), hit("station", "r3")], content, 5);
    expect(merged.map((h) => h.id)).toEqual(["r1", "r2", "a1", "a2", "a3"]);
  });

  it("shows sample stations when no content answers (marked as samples by their titles)", () => {
    expect(mergeProviderHits([hit("station", "s1", true)], [], 5).map((h) => h.id)).toEqual(["s1"]);
  });
});

describe("ask over the shipped data with the sample station list", () => {
  let store: Store;
  let knowledge: LoadedKnowledge;
  beforeAll(async () => {
    store = await openStore("sqlite::memory:");
    knowledge = await loadKnowledge({ store, dataDir: path.resolve("data") });
  });
  afterAll(async () => {
    await store?.close();
  });

  it.each(["余杭哪里能热饭充电?", "海盐有驿站吗", "杭州哪里有户外劳动者服务站点可以热饭"])("%s: content keeps the first three places", async (q) => {
    const answer = await knowledge.ask(q);
    expect(answer.found).toBe(true);
    const stations = answer.hits.filter((h) => h.kind === "station");
    expect(stations.length).toBeGreaterThan(0);
    expect(stations.every((h) => h.sample)).toBe(true);
    expect(answer.hits.slice(0, 3).map((h) => h.kind)).not.toContain("station");
    // The content is quoted first; the place's stations follow it, each marked, with the note that they are samples.
    expect(answer.answer.split("\n")[0]).not.toMatch(/示例驿站/);
    expect(answer.stations).toBeDefined();
    expect(answer.answer.endsWith(answer.stations!)).toBe(true);
    expect(answer.answer.indexOf(answer.stations!)).toBeGreaterThan(0);
    const named = [...answer.stations!.matchAll(/(.{6})示例驿站/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((before) => before.endsWith("【示例数据】"))).toBe(true);
    expect(answer.stations).toContain("注意：这些是示例数据");
  });
});
