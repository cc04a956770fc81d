/**
 * Newspaper segmentation check: for every question of ../shared/eval/questions_dev.jsonl that names the
 * article holding its answer, parses the seed page with the OCR parser and looks for that headline among the
 * article titles (whitespace removed). Reference titles in brackets ("[标题缺失] …", "[片段] …") describe a
 * story whose headline was lost: they count as found when the parser marks a headline-less story in that seed.
 * Figures: distinct reference titles found / all, and questions whose article was found / all.
 * Also prints the number of articles per seed.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseIssueFile } from "../../src/knowledge/newspaper/index.js";
import type { ParsedIssue } from "../../src/knowledge/types.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const shared = path.resolve(root, "..", "shared");
const questionsFile = process.env.QUESTIONS_EVAL_FILE ?? path.join(shared, "eval", "questions_dev.jsonl");
const seedsDir = process.env.SEEDS_DIR ?? path.join(shared, "seeds");

const squash = (s: string) => s.replace(/\s+/gu, "");

async function main(): Promise<number> {
  if (!fs.existsSync(questionsFile) || !fs.existsSync(seedsDir)) {
    console.log(`segmentation: skipped, ${questionsFile} or ${seedsDir} not found`);
    return 0;
  }
  const questions = fs
    .readFileSync(questionsFile, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; seed: string | null; article: string | null });
  const parsed = new Map<string, ParsedIssue>();
  for (const seed of fs.readdirSync(seedsDir).filter((f) => f.endsWith(".txt")).sort()) {
    const issue = await parseIssueFile(path.join(seedsDir, seed));
    parsed.set(seed, issue);
    const kinds = issue.articles.reduce<Record<string, number>>((acc, a) => ({ ...acc, [a.kind]: (acc[a.kind] ?? 0) + 1 }), {});
    console.log(
      `${seed}: ${issue.articles.length} articles (${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(", ")}); ` +
        `date ${issue.issue.date ?? "not printed"}, number ${issue.issue.number ?? "not printed"}`,
    );
  }
  const found = (seed: string, title: string): boolean => {
    const issue = parsed.get(seed);
    if (!issue) return false;
    if (title.startsWith("[")) return issue.articles.some((a) => a.titleMissing);
    return issue.articles.some((a) => squash(a.title) === squash(title));
  };
  const withArticle = questions.filter((q) => q.seed && q.article);
  const distinct = new Map<string, { seed: string; title: string }>();
  for (const q of withArticle) distinct.set(`${q.seed}|${q.article}`, { seed: q.seed!, title: q.article! });
  const missed = [...distinct.values()].filter((d) => !found(d.seed, d.title));
  const plain = [...distinct.values()].filter((d) => !d.title.startsWith("["));
  const plainFound = plain.filter((d) => found(d.seed, d.title)).length;
  const questionsFound = withArticle.filter((q) => found(q.seed!, q.article!)).length;
  console.log(`\nprinted headlines found as an article title: ${plainFound}/${plain.length}`);
  console.log(`all reference titles found (lost headlines: a headline-less story marked): ${distinct.size - missed.length}/${distinct.size}`);
  console.log(`questions whose article title was found: ${questionsFound}/${withArticle.length}`);
  for (const m of missed) console.log(`  missed: ${m.seed} ${m.title}`);
  return 0;
}

process.exitCode = await main();
