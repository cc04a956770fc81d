/**
 * A scripted Knowledge for bot tests that check rendering (sources, escaping, long answers, failures)
 * independently of what the shipped data happens to contain. Each rule answers questions matching it.
 */
import type { Knowledge } from "../../src/knowledge/knowledge.js";
import type { Answer, Hit } from "../../src/knowledge/types.js";

export interface FakeKnowledgeRule {
  match: RegExp;
  answer: string;
  hits: Hit[];
}

export function makeHit(overrides: Partial<Hit> & Pick<Hit, "id" | "title">): Hit {
  return {
    kind: "article",
    snippet: `${overrides.title}的正文片段。`,
    score: 1,
    source: { paper: "工人日报", date: "2024-05-01", issue: "12773", title: overrides.title },
    ...overrides,
  };
}

export function fakeKnowledge(rules: FakeKnowledgeRule[], options: { fail?: RegExp } = {}): Knowledge & { questions: string[] } {
  const questions: string[] = [];
  return {
    questions,
    async ask(question, askOptions): Promise<Answer> {
      questions.push(question);
      if (options.fail?.test(question)) throw new Error("index exploded: /secret/path/index.db");
      const rule = rules.find((r) => r.match.test(question));
      if (!rule) {
        return {
          q: question,
          found: false,
          confidence: "none",
          answer:
            askOptions?.locale === "en"
              ? "Nothing in the sources answers this. Call the workers' hotline 12351."
              : "没有找到能回答这个问题的内容。可以拨打职工服务热线 12351。",
          hits: [],
        };
      }
      return { q: question, found: true, confidence: "answer", answer: rule.answer, hits: rule.hits.slice(0, askOptions?.limit ?? 5) };
    },
    analyze: (raw) => ({ raw, terms: [raw], places: [], english: false }),
    gazetteer: { places: [], resolve: () => undefined, findInText: () => [], within: () => [] },
    addHitProvider: () => undefined,
    reindex: async () => undefined,
  };
}
