/** Search over hand-made passages with the shipped dictionaries and gazetteer (no station list). */
import path from "node:path";
import { loadGazetteer } from "../../src/knowledge/places/gazetteer.js";
import { expect } from "vitest";
import { answerQuestion } from "../../src/knowledge/search/ask.js";
import type { SearchDocument } from "../../src/knowledge/search/documents.js";
import { SearchEngine } from "../../src/knowledge/search/engine.js";
import { analyzeQuery } from "../../src/knowledge/text/analyze.js";
import { loadLexicon } from "../../src/knowledge/text/lexicon.js";
import type { Answer } from "../../src/knowledge/types.js";

/** A story of a made-up paper; `regionText` as the story's places read ("浙江省 杭州市 桐庐县"). */
export const article = (id: string, title: string, body: string, regionText = ""): SearchDocument => ({
  kind: "article",
  id,
  title,
  extraTitle: "",
  body,
  source: { paper: "测试工人报", date: "2025-03-01", issue: "7", title },
  regionText,
});

/** What a member asking a question gets from these passages alone. */
export async function askOver(docs: SearchDocument[]): Promise<(q: string) => Promise<Answer>> {
  const lexicon = loadLexicon(path.resolve("data/dict"));
  const gazetteer = await loadGazetteer(path.resolve("data"));
  const engine = SearchEngine.build(docs, gazetteer);
  return (q) => answerQuestion(q, { engine, analyze: (x) => analyzeQuery(x, lexicon, gazetteer), providers: [] });
}

type Ask = (q: string) => Promise<Answer>;

/** The question is answered: confidently, led by passage `id` when given, the reply quoting `text` when given. */
export async function expectAnswer(ask: Ask, q: string, expected: { id?: string; text?: string } = {}): Promise<Answer> {
  const a = await ask(q);
  expect(a.confidence, q).toBe("answer");
  if (expected.id !== undefined) expect(a.hits[0].id, q).toBe(expected.id);
  if (expected.text !== undefined) expect(a.answer, q).toContain(expected.text);
  return a;
}

/** The question is not confidently answered (the passages do not state what it asks). */
export async function expectNotAnswer(ask: Ask, q: string): Promise<Answer> {
  const a = await ask(q);
  expect(a.confidence, q).not.toBe("answer");
  return a;
}
