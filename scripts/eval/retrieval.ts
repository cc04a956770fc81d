/**
 * Retrieval evaluation over ../shared/eval/questions_dev.jsonl (or EVAL_QUESTIONS=path).
 * A question is answered at k when every `must` regex is found (whitespace removed) in the answer or the
 * snippets of the first k hits, or when one of the first k hits cites the expected article.
 * `none` questions must be refused (found=false); answerable ones refused are false refusals.
 * Prints top-1, top-3, refusals, false refusals, a per-type breakdown and every miss.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Answer } from "../../src/knowledge/types.js";

export interface EvalQuestion {
  id: string;
  q: string;
  article: string | null;
  must: string[];
  type: string;
  lang?: string;
}

export interface EvalOutcome {
  question: EvalQuestion;
  answer: Answer;
  top1: boolean;
  top3: boolean;
  /** Stricter: the facts themselves (all `must` regexes) are in the answer or snippets; citing is not enough. */
  strict1: boolean;
  strict3: boolean;
}

const squash = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");
/** Headlines as printed vs as parsed: compare without spaces, quotes and brackets. */
const titleKey = (s: string) => squash(s).replace(/["'“”‘’「」『』《》()（）\[\]【】]/g, "");

export function answeredAt(question: EvalQuestion, answer: Answer, k: number, citationCounts = true): boolean {
  if (!answer.found) return false;
  const hits = answer.hits.slice(0, k);
  const text = squash([answer.answer, ...hits.map((h) => h.snippet)].join("\n"));
  if (question.must.length > 0 && question.must.every((m) => new RegExp(m).test(text))) return true;
  if (question.article && citationCounts) {
    const want = titleKey(question.article);
    return hits.some((h) => h.source.title !== null && want.length > 0 && titleKey(h.source.title) === want);
  }
  return false;
}

export function readQuestions(file: string): EvalQuestion[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalQuestion);
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

const pct = (n: number, d: number) => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}%`);
const ratio = (n: number, d: number) => (d === 0 ? "n/a" : (n / d).toFixed(3));

export function report(outcomes: EvalOutcome[], write: (line: string) => void): void {
  const answerable = outcomes.filter((o) => o.question.type !== "none");
  const none = outcomes.filter((o) => o.question.type === "none");
  const top1 = answerable.filter((o) => o.top1).length;
  const top3 = answerable.filter((o) => o.top3).length;
  const refused = none.filter((o) => !o.answer.found).length;
  const falseRefusals = answerable.filter((o) => !o.answer.found).length;
  write(`questions: ${outcomes.length} (${answerable.length} answerable, ${none.length} unanswerable)`);
  write(`top-1 recall: ${ratio(top1, answerable.length)} (${top1}/${answerable.length})   target >= 0.85`);
  write(`top-3 recall: ${ratio(top3, answerable.length)} (${top3}/${answerable.length})   target >= 0.95`);
  const withMust = answerable.filter((o) => o.question.must.length > 0);
  write(
    `facts only (all must regexes in answer/snippets, citation not counted): top-1 ${ratio(withMust.filter((o) => o.strict1).length, withMust.length)}, ` +
      `top-3 ${ratio(withMust.filter((o) => o.strict3).length, withMust.length)}`,
  );
  write(`refusals on unanswerable: ${refused}/${none.length}   target ${none.length}/${none.length}`);
  write(`false refusals: ${falseRefusals}/${answerable.length} = ${pct(falseRefusals, answerable.length)}   target <= 5%`);
  write("");
  write("per type (top-1 / top-3 / refused):");
  const types = [...new Set(outcomes.map((o) => o.question.type))];
  for (const type of types) {
    const group = outcomes.filter((o) => o.question.type === type);
    const r = group.filter((o) => !o.answer.found).length;
    write(
      `  ${type.padEnd(12)} n=${String(group.length).padStart(2)}  ` +
        (type === "none" ? `refused ${r}/${group.length}` : `${group.filter((o) => o.top1).length} / ${group.filter((o) => o.top3).length} / ${r}`),
    );
  }
  const english = answerable.filter((o) => o.question.lang === "en");
  if (english.length > 0) write(`  (English answerable: top-3 ${english.filter((o) => o.top3).length}/${english.length})`);
  write("");
  write("misses (not answered at top-3, wrongly answered none, or only at top-2/3):");
  for (const o of outcomes) {
    const { question: q, answer: a } = o;
    const bad = q.type === "none" ? a.found : !o.top3;
    const weak = q.type !== "none" && ((o.top3 && !o.top1) || (q.must.length > 0 && !o.strict3));
    if (!bad && !weak) continue;
    const label =
      q.type === "none" ? "ANSWERED-NONE"
      : bad ? (a.found ? "MISS" : "FALSE-REFUSAL")
      : !o.strict3 ? "CITED-ONLY" // the right article is cited, but the quoted text lacks a must fact
      : "TOP3-ONLY";
    write(`  [${label}] ${q.id} ${q.type}: ${q.q}`);
    write(`      must ${JSON.stringify(q.must)} in 《${q.article ?? "-"}》`);
    for (const h of a.hits.slice(0, 3)) write(`      - ${h.kind} 《${h.source.title ?? h.title}》 ${h.snippet.slice(0, 70).replace(/\s+/g, " ")}`);
    if (!a.found) write(`      answer: ${a.answer.slice(0, 80)}`);
  }
}

/**
 * Questions no union source can answer (everyday topics). Not from the dev set: a general check that the
 * refusal does not depend on the five dev `none` questions.
 */
export const OFF_TOPIC = [
  "周末去哪里钓鱼比较好？",
  "股票明天会涨吗",
  "红烧肉怎么做才好吃",
  "手机怎么截图",
  "推荐一部好看的电影",
  "高考志愿怎么填报",
  "怎么减肥最快",
  "What's a good recipe for dumplings?",
  "How do I reset my wifi router?",
  "猫咪不吃饭怎么办",
];

async function main(): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = path.resolve(here, "../..");
  const file = process.env.EVAL_QUESTIONS ?? path.resolve(root, "../shared/eval/questions_dev.jsonl");
  if (!fs.existsSync(file)) {
    process.stderr.write(`retrieval eval: question file not found: ${file} (set EVAL_QUESTIONS)\n`);
    process.exitCode = 1;
    return;
  }
  const { openStore } = await import("../../src/storage/open.js");
  const { loadKnowledge } = await import("../../src/knowledge/index.js");
  // A throw-away database: the eval measures the shipped data, not whatever an operator ingested.
  const dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-eval-")), "eval.db");
  const store = await openStore(`sqlite:${dbFile}`);
  try {
    const knowledge = await loadKnowledge({ store, dataDir: path.resolve(process.env.DATA_DIR ?? path.join(root, "data")) });
    const questions = readQuestions(file);
    process.stdout.write(`Retrieval: ${path.basename(file)}, index of ${knowledge.size.programmes} programmes + ${knowledge.size.articles} articles (${knowledge.size.passages} passages)\n`);
    const outcomes = await evaluate(questions, (q) => knowledge.ask(q));
    report(outcomes, (line) => process.stdout.write(`${line}\n`));
    const unknown = new Set(questions.flatMap((q) => knowledge.analyzeFull(q.q).unknownEnglish));
    if (unknown.size > 0) {
      process.stdout.write(`\nEnglish words not in data/dict/english.tsv (ignored when searching): ${[...unknown].sort().join(", ")}\n`);
    }
    const offTopic = await Promise.all(OFF_TOPIC.map((q) => knowledge.ask(q)));
    const refusedOff = offTopic.filter((a) => !a.found);
    process.stdout.write(`\noff-topic questions refused (built-in list, not dev data): ${refusedOff.length}/${OFF_TOPIC.length}\n`);
    for (const a of offTopic) if (a.found) process.stdout.write(`  answered: ${a.q} -> 《${a.hits[0]?.title ?? ""}》\n`);
  } finally {
    await store.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main();
