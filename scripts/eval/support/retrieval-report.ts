/**
 * Scoring and printing of the retrieval evaluation (scripts/eval/retrieval.ts runs it).
 *
 * A question is answered at k when every `must` regex is found (whitespace removed) in the answer or the
 * snippets of the first k hits, or when one of the first k hits cites the expected article. "Right passage in
 * top k" looks at the hits whatever the confidence (a "related" reply lists them too); a confident answer
 * ("answer") whose first hit is not right leads with the wrong thing.
 *
 * A reference title in brackets ("[标题缺失] 户外劳动者服务站点建设动员会", "[片段] …") describes a story whose
 * headline was lost; the bot names such a story by its first phrase. `resolveLostHeadlines` reads the seed page
 * and gives the question the title the parser gave that story (`titles`), so citing it counts.
 */
import fs from "node:fs";
import type { Answer, AnswerConfidence } from "../../../src/knowledge/types.js";

export interface EvalQuestion {
  id: string;
  q: string;
  article: string | null;
  must: string[];
  type: string;
  lang?: string;
  seed?: string | null;
  /** Titles the bot may cite for `article` (a lost headline's first-phrase title); `article` itself when absent. */
  titles?: string[];
}

export interface EvalOutcome {
  question: EvalQuestion;
  answer: Answer;
  /** The right passage is the first hit / among the first three (any confidence). */
  top1: boolean;
  top3: boolean;
  /** Stricter: the facts themselves (all `must` regexes) are in the answer or snippets; citing is not enough. */
  strict1: boolean;
  strict3: boolean;
}

export interface SetFigures {
  questions: number;
  answerable: number;
  unanswerable: number;
  top1: number;
  top3: number;
  /** Confident answers ("answer") to answerable questions whose first hit is not the right one. */
  confidentWrong: number;
  /** Answerable questions not answered confidently ("related" or "none"). */
  falseRefusals: number;
  falseRelated: number;
  /** Unanswerable questions: refused ("none"), offered as related, answered confidently. */
  unansweredNone: number;
  unansweredRelated: number;
  unansweredConfident: number;
  table: Record<"answerable" | "unanswerable", Record<AnswerConfidence, number>>;
}

/** Text as the `must` patterns are matched against: NFKC, without whitespace. */
export const squash = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");
/** Headlines as printed vs as parsed: compare without spaces, quotes and brackets. */
export const titleKey = (s: string) => squash(s).replace(/["'“”‘’「」『』《》()（）\[\]【】]/g, "");

export function answeredAt(question: EvalQuestion, answer: Answer, k: number, citationCounts = true): boolean {
  const hits = answer.hits.slice(0, k);
  if (hits.length === 0) return false;
  // The reply's own text counts only when it is an answer (a "related" reply's text says it is not).
  const text = squash([answer.confidence === "answer" ? answer.answer : "", ...hits.map((h) => h.snippet)].join("\n"));
  if (question.must.length > 0 && question.must.every((m) => new RegExp(m.normalize("NFKC")).test(text))) return true;
  if (question.article && citationCounts) {
    const wanted = (question.titles ?? [question.article]).map(titleKey).filter((t) => t.length > 0);
    return hits.some((h) => h.source.title !== null && wanted.includes(titleKey(h.source.title)));
  }
  return false;
}

/** A reference title that describes a story whose headline was lost ("[标题缺失] …", "[片段] …"). */
export const isLostHeadline = (article: string | null): boolean => article !== null && /^\s*\[[^\]]+\]/.test(article);

/** Character pairs of a text (Chinese characters, letters and digits only). */
function bigrams(text: string): Set<string> {
  const t = squash(text).replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, "");
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

/**
 * Gives each question whose reference title describes a lost headline the title the parser gave that story in
 * the question's seed page: the headline-less story there, or of several the one sharing most of the
 * description's character pairs. Questions without a seed page (or whose page has no such story) are unchanged.
 * @param storiesOf the headline-less stories of a seed page ({title, body}), or null when the page is unknown
 */
export function resolveLostHeadlines(
  questions: EvalQuestion[],
  storiesOf: (seed: string) => Array<{ title: string; body: string }> | null,
): EvalQuestion[] {
  return questions.map((q) => {
    if (!q.seed || !isLostHeadline(q.article)) return q;
    const stories = storiesOf(q.seed);
    if (!stories || stories.length === 0) return q;
    const want = bigrams(q.article!.replace(/^\s*\[[^\]]+\]/, ""));
    const overlap = (s: { title: string; body: string }) => [...bigrams(`${s.title}${s.body}`)].filter((b) => want.has(b)).length;
    const best = stories.length === 1 ? stories[0] : [...stories].sort((a, b) => overlap(b) - overlap(a))[0];
    return { ...q, titles: [q.article!, best.title] };
  });
}

export function readQuestions(file: string): EvalQuestion[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as EvalQuestion;
      } catch (error) {
        throw new Error(`${file}:${i + 1}: not a JSON object (${(error as Error).message})`);
      }
    });
}

export async function evaluate(questions: EvalQuestion[], ask: (q: string) => Promise<Answer>): Promise<EvalOutcome[]> {
  const out: EvalOutcome[] = [];
  for (const question of questions) {
    const answer = await ask(question.q);
    out.push({
      question,
      answer,
      top1: answeredAt(question, answer, 1),
      top3: answeredAt(question, answer, 3),
      strict1: answeredAt(question, answer, 1, false),
      strict3: answeredAt(question, answer, 3, false),
    });
  }
  return out;
}

export function figures(outcomes: EvalOutcome[]): SetFigures {
  const answerable = outcomes.filter((o) => o.question.type !== "none");
  const none = outcomes.filter((o) => o.question.type === "none");
  const count = (list: EvalOutcome[], c: AnswerConfidence) => list.filter((o) => o.answer.confidence === c).length;
  return {
    questions: outcomes.length,
    answerable: answerable.length,
    unanswerable: none.length,
    top1: answerable.filter((o) => o.top1).length,
    top3: answerable.filter((o) => o.top3).length,
    confidentWrong: answerable.filter((o) => o.answer.confidence === "answer" && !o.top1).length,
    falseRefusals: answerable.filter((o) => o.answer.confidence !== "answer").length,
    falseRelated: count(answerable, "related"),
    unansweredNone: count(none, "none"),
    unansweredRelated: count(none, "related"),
    unansweredConfident: count(none, "answer"),
    table: {
      answerable: { answer: count(answerable, "answer"), related: count(answerable, "related"), none: count(answerable, "none") },
      unanswerable: { answer: count(none, "answer"), related: count(none, "related"), none: count(none, "none") },
    },
  };
}

const pct = (n: number, d: number) => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}%`);
const ratio = (n: number, d: number) => (d === 0 ? "n/a" : (n / d).toFixed(3));

export function report(outcomes: EvalOutcome[], write: (line: string) => void, options: { misses?: boolean } = {}): SetFigures {
  const f = figures(outcomes);
  const answerable = outcomes.filter((o) => o.question.type !== "none");
  write(`questions: ${f.questions} (${f.answerable} answerable, ${f.unanswerable} unanswerable)`);
  write(`right passage first (top-1):   ${ratio(f.top1, f.answerable)} (${f.top1}/${f.answerable})`);
  write(`right passage in top 3:        ${ratio(f.top3, f.answerable)} (${f.top3}/${f.answerable})   target >= 0.95`);
  const withMust = answerable.filter((o) => o.question.must.length > 0);
  write(
    `facts only (must regexes in answer/snippets, citation not counted): top-1 ${ratio(withMust.filter((o) => o.strict1).length, withMust.length)}, ` +
      `top-3 ${ratio(withMust.filter((o) => o.strict3).length, withMust.length)}`,
  );
  write(`confident answer leading with the wrong thing: ${f.confidentWrong}/${f.answerable} = ${pct(f.confidentWrong, f.answerable)}   target <= 2%`);
  write(`false refusals (answerable, not answered confidently): ${f.falseRefusals}/${f.answerable} = ${pct(f.falseRefusals, f.answerable)} (${f.falseRelated} offered as related)   target <= 3%`);
  const notConfident = f.unansweredNone + f.unansweredRelated;
  write(
    `unanswerable not answered confidently: ${notConfident}/${f.unanswerable} = ${pct(notConfident, f.unanswerable)} ` +
      `(refused ${f.unansweredNone}, offered as related ${f.unansweredRelated})   target >= 95%`,
  );
  write("confidence table (rows: question kind; columns: the bot's reply):");
  write(`  ${"".padEnd(14)}${"answer".padStart(8)}${"related".padStart(9)}${"none".padStart(6)}`);
  for (const row of ["answerable", "unanswerable"] as const) {
    const r = f.table[row];
    write(`  ${row.padEnd(14)}${String(r.answer).padStart(8)}${String(r.related).padStart(9)}${String(r.none).padStart(6)}`);
  }
  write("per type (top-1 / top-3 / not confident):");
  for (const type of [...new Set(outcomes.map((o) => o.question.type))]) {
    const group = outcomes.filter((o) => o.question.type === type);
    const r = group.filter((o) => o.answer.confidence !== "answer").length;
    write(
      `  ${type.padEnd(12)} n=${String(group.length).padStart(3)}  ` +
        (type === "none" ? `not confident ${r}/${group.length}` : `${group.filter((o) => o.top1).length} / ${group.filter((o) => o.top3).length} / ${r}`),
    );
  }
  const english = answerable.filter((o) => o.question.lang === "en");
  if (english.length > 0) write(`  (English answerable: top-3 ${english.filter((o) => o.top3).length}/${english.length})`);
  if (options.misses === false) return f;
  write("misses:");
  for (const o of outcomes) {
    const { question: q, answer: a } = o;
    const c = a.confidence;
    const label =
      q.type === "none" ? (c === "answer" ? "ANSWERED-NONE" : null)
      : c === "answer" && !o.top1 ? "CONFIDENT-WRONG"
      : !o.top3 ? (c === "none" ? "NOTHING-FOUND" : "MISS")
      : c !== "answer" ? (c === "related" ? "ONLY-RELATED" : "FALSE-REFUSAL")
      : !o.top1 ? "TOP3-ONLY"
      : null;
    if (!label) continue;
    write(`  [${label}] ${q.id} ${q.type}: ${q.q}`);
    write(`      must ${JSON.stringify(q.must)} in 《${q.article ?? "-"}》`);
    for (const h of a.hits.slice(0, 3)) write(`      - ${h.kind} 《${h.source.title ?? h.title}》 ${h.snippet.slice(0, 70).replace(/\s+/g, " ")}`);
    if (c !== "answer") write(`      ${c}: ${a.answer.slice(0, 80)}`);
  }
  return f;
}
