/**
 * Retrieval evaluation: asks every question of each set and prints, per set, top-1, top-3, confident answers
 * that lead with the wrong thing, false refusals, unanswerable questions refused or offered as related, and
 * the confidence table (scoring in support/retrieval-report.ts).
 *
 * Sets: the shared development questions (../shared/eval/questions_dev.jsonl) against the shipped data, and the
 * members'-voice sets (eval/questions_*.jsonl: tuning half, held-out half, fresh set, blind sets) against the
 * shipped data plus the stories written for evaluation (eval/stories), ingested into a throw-away database.
 * EVAL_QUESTIONS=FILE measures one file instead (with the evaluation stories too when EVAL_STORIES=DIR is set).
 *
 * Held-out sets (the held-out half and the newest blind set) print their figures only: the per-question misses and the
 * English words they use that the thesaurus lacks are shown only with --show-heldout, so that whoever tunes word
 * lists and rules does not see held-out failures by accident.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { evaluate, isLostHeadline, readQuestions, report, resolveLostHeadlines, type EvalQuestion, type SetFigures } from "./support/retrieval-report.js";
import { seedsDir } from "./support/seeds.js";

export { answeredAt, evaluate, figures, readQuestions, report, resolveLostHeadlines, type EvalOutcome, type EvalQuestion } from "./support/retrieval-report.js";

/**
 * Questions no union source can answer (everyday topics). Not from any set: a general check that the refusal
 * does not depend on the sets' own `none` questions.
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

interface EvalSet {
  name: string;
  file: string;
  /** Folder of evaluation stories ingested next to the shipped data, or null for the shipped data alone. */
  stories: string | null;
  /** Held out from tuning: per-question misses are printed only with --show-heldout. */
  heldOut: boolean;
}

/** The members'-voice sets nobody tunes on (paths from the repository root). */
export const HELD_OUT_FILES = ["eval/questions_heldout.jsonl", "eval/questions_blind2.jsonl"];

/** ../shared next to the checkout (a worktree sits one level deeper: ../../shared). */
function sharedDevFile(root: string): string {
  const candidates = ["../shared", "../../shared"].map((dir) => path.resolve(root, dir, "eval/questions_dev.jsonl"));
  return candidates.find((f) => fs.existsSync(f)) ?? candidates[0];
}

function defaultSets(root: string): EvalSet[] {
  const stories = path.join(root, "eval/stories");
  const heldOut = new Set(HELD_OUT_FILES.map((f) => path.join(root, f)));
  if (process.env.EVAL_QUESTIONS) {
    const file = path.resolve(process.env.EVAL_QUESTIONS);
    return [{ name: path.basename(file), file, stories: process.env.EVAL_STORIES ? path.resolve(process.env.EVAL_STORIES) : null, heldOut: heldOut.has(file) }];
  }
  return [
    { name: "shared dev", file: sharedDevFile(root), stories: null, heldOut: false },
    { name: "members' voice, tuning half", file: path.join(root, "eval/questions_tune.jsonl"), stories, heldOut: false },
    { name: "members' voice, held-out half", file: path.join(root, "eval/questions_heldout.jsonl"), stories, heldOut: true },
    // Measured blind once, then opened for tuning when the blind set below was written (eval/README.md).
    { name: "members' voice, fresh (tuning)", file: path.join(root, "eval/questions_fresh.jsonl"), stories, heldOut: false },
    // Held out and measured blind on 2026-12-07, then opened for tuning on 2026-12-08 (eval/README.md).
    { name: "members' voice, blind set of 2026-12-07 (tuning)", file: path.join(root, "eval/questions_blind.jsonl"), stories, heldOut: false },
    // Written from the sources only, before the tuning that follows it; nobody tunes on it (eval/README.md).
    { name: "members' voice, blind set of 2026-12-08", file: path.join(root, "eval/questions_blind2.jsonl"), stories, heldOut: true },
  ];
}

/**
 * Reference titles of lost headlines ("[标题缺失] …") resolved to the first-phrase title the parser gives the
 * story, reading the seed pages from ../shared/seeds (whichever folder the question file is in).
 */
async function withLostHeadlines(questions: EvalQuestion[], root: string): Promise<EvalQuestion[]> {
  if (!questions.some((q) => q.seed && isLostHeadline(q.article))) return questions;
  const { parseIssueFile } = await import("../../src/knowledge/newspaper/index.js");
  const seeds = seedsDir(root);
  const stories = new Map<string, Array<{ title: string; body: string }> | null>();
  for (const seed of new Set(questions.filter((q) => q.seed && isLostHeadline(q.article)).map((q) => q.seed!))) {
    const file = seeds ? path.join(seeds, seed) : null;
    if (!file || !fs.existsSync(file)) {
      stories.set(seed, null);
      continue;
    }
    const issue = await parseIssueFile(file);
    stories.set(seed, issue.articles.filter((a) => a.titleMissing).map((a) => ({ title: a.title, body: a.body })));
  }
  return resolveLostHeadlines(questions, (seed) => stories.get(seed) ?? null);
}

async function main(): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = path.resolve(here, "../..");
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, "data"));
  const write = (line: string) => process.stdout.write(`${line}\n`);
  const showHeldOut = process.argv.includes("--show-heldout");
  const { openStore } = await import("../../src/storage/open.js");
  const { loadKnowledge } = await import("../../src/knowledge/index.js");
  const { ingestFiles, listIssueFiles } = await import("../../src/knowledge/newspaper/index.js");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-eval-"));
  const summary: Array<[string, SetFigures]> = [];
  // One knowledge per data set (shipped alone, shipped + stories), each in a throw-away database.
  const loaded = new Map<string, Awaited<ReturnType<typeof loadKnowledge>>>();
  const stores: Array<{ close(): Promise<void> }> = [];
  try {
    for (const set of defaultSets(root)) {
      if (!fs.existsSync(set.file)) {
        process.stderr.write(`retrieval eval: question file not found: ${set.file} (set EVAL_QUESTIONS)\n`);
        process.exitCode = 1;
        continue;
      }
      const key = set.stories ?? "";
      let knowledge = loaded.get(key);
      if (!knowledge) {
        const store = await openStore(`sqlite:${path.join(tmp, `eval-${loaded.size}.db`)}`);
        stores.push(store);
        if (set.stories) {
          const results = await ingestFiles(store, await listIssueFiles(set.stories));
          const refused = results.filter((r) => r.status === "refused");
          for (const r of refused) process.stderr.write(`retrieval eval: story refused: ${r.file}: ${r.error ?? ""}\n`);
        }
        knowledge = await loadKnowledge({ store, dataDir });
        loaded.set(key, knowledge);
      }
      const questions = await withLostHeadlines(readQuestions(set.file), root);
      write(`\n== ${set.name}: ${path.relative(root, set.file)} — ${knowledge.size.programmes} programmes + ${knowledge.size.articles} articles (${knowledge.size.passages} passages)${set.stories ? ", with the evaluation stories" : ""}`);
      const outcomes = await evaluate(questions, (q) => knowledge.ask(q));
      const hidden = set.heldOut && !showHeldOut;
      summary.push([set.name, report(outcomes, write, { misses: process.env.EVAL_MISSES !== "0" && !hidden })]);
      if (hidden) {
        write("(held-out set: figures only; misses and unknown English words are hidden, --show-heldout prints them)");
        continue;
      }
      const unknown = new Set(questions.flatMap((q) => knowledge.analyzeFull(q.q).unknownEnglish));
      if (unknown.size > 0) write(`English words not in the thesaurus or english.tsv (ignored when searching): ${[...unknown].sort().join(", ")}`);
    }
    const shipped = loaded.get("") ?? loaded.values().next().value;
    if (shipped) {
      const offTopic = await Promise.all(OFF_TOPIC.map((q) => shipped.ask(q)));
      const confident = offTopic.filter((a) => a.confidence === "answer");
      write(`\noff-topic questions not answered confidently (built-in list): ${OFF_TOPIC.length - confident.length}/${OFF_TOPIC.length}`);
      for (const a of confident) write(`  answered: ${a.q} -> 《${a.hits[0]?.title ?? ""}》`);
    }
    // The name column fits the longest set name, so no name runs into its figures.
    const width = Math.max(31, ...summary.map(([name]) => name.length + 1));
    write(`\n${"summary".padEnd(width + 2)}top-1  top-3  conf.wrong  false ref.  unanswerable not confident`);
    for (const [name, f] of summary) {
      const r = (n: number, d: number) => (d === 0 ? "  n/a" : (n / d).toFixed(3));
      const p = (n: number, d: number) => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}%`);
      write(
        `  ${name.padEnd(width)}${r(f.top1, f.answerable)}  ${r(f.top3, f.answerable)}  ${p(f.confidentWrong, f.answerable).padStart(10)}  ${p(f.falseRefusals, f.answerable).padStart(10)}  ${p(f.unansweredNone + f.unansweredRelated, f.unanswerable).padStart(10)} (${f.unansweredNone + f.unansweredRelated}/${f.unanswerable})`,
      );
    }
  } finally {
    for (const s of stores) await s.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main();
