/**
 * Label check of the members'-voice question sets (eval/questions_*.jsonl), not of the bot: every line is a JSON
 * object with a unique id and a known type; an unanswerable question has no article and no `must`; an answerable
 * one names an article that its seed page or story really holds, and every `must` regex matches that article's
 * text (title and body, whitespace removed, as the retrieval eval compares). A wrong label would count a right
 * answer as a miss, or a wrong one as right.
 *
 * Held-out sets print their number of label problems only (the problems name questions): `--show-heldout` lists
 * them, as in the retrieval eval. EVAL_QUESTIONS=FILE checks one file.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseIssueFile } from "../../src/knowledge/newspaper/index.js";
import { isLostHeadline, squash, titleKey } from "./support/retrieval-report.js";
import { seedsDir } from "./support/seeds.js";
import { HELD_OUT_FILES } from "./retrieval.js";

const TYPES = new Set(["programme", "news", "eligibility", "location", "none"]);

interface SourceArticle {
  title: string;
  titleMissing: boolean;
  text: string;
}

async function readSources(root: string): Promise<Map<string, SourceArticle[]>> {
  const files: string[] = [];
  const seeds = seedsDir(root);
  if (seeds) files.push(...fs.readdirSync(seeds).map((f) => path.join(seeds, f)));
  const stories = path.join(root, "eval/stories");
  files.push(...fs.readdirSync(stories).filter((f) => f.endsWith(".md")).map((f) => path.join(stories, f)));
  const out = new Map<string, SourceArticle[]>();
  for (const file of files) {
    const issue = await parseIssueFile(file);
    out.set(
      path.basename(file),
      issue.articles.map((a) => ({ title: a.title, titleMissing: a.titleMissing === true, text: squash(`${a.title}\n${a.body}`) })),
    );
  }
  return out;
}

/** The label problems of one question line (empty when its labels hold). */
function lineProblems(line: string, ids: Set<string>, sources: Map<string, SourceArticle[]>): string[] {
  let q: { id?: unknown; seed?: unknown; article?: unknown; must?: unknown; type?: unknown };
  try {
    q = JSON.parse(line);
  } catch {
    return ["not a JSON object"];
  }
  const problems: string[] = [];
  const id = String(q.id);
  if (typeof q.id !== "string" || ids.has(id)) problems.push(`id ${id} missing or repeated`);
  ids.add(id);
  if (typeof q.type !== "string" || !TYPES.has(q.type)) problems.push(`${id}: unknown type ${String(q.type)}`);
  const must = Array.isArray(q.must) ? q.must.map(String) : null;
  if (!must) return [...problems, `${id}: must is not a list`];
  if (q.type === "none") {
    if (q.article !== null || must.length > 0) problems.push(`${id}: unanswerable but has an article or must`);
    return problems;
  }
  if (typeof q.seed !== "string") return [...problems, `${id}: answerable without seed`];
  // Without an article the question is scored by its `must` alone: each must hold in some story of the seed.
  if (q.article !== null && typeof q.article !== "string") return [...problems, `${id}: article is not a title or null`];
  // Older sets name a story by its path from the repository root (eval/stories/…), newer ones by file name.
  const articles = sources.get(path.basename(q.seed));
  if (!articles) return [...problems, `${id}: seed ${q.seed} not found`];
  // A lost headline ("[标题缺失] …") is checked against the page's headline-less stories.
  const title = q.article;
  const candidates =
    title === null
      ? articles
      : isLostHeadline(title)
        ? articles.filter((a) => a.titleMissing)
        : articles.filter((a) => titleKey(a.title) === titleKey(title));
  if (candidates.length === 0) return [...problems, `${id}: no article 《${title}》 in ${q.seed}`];
  if (must.length === 0) problems.push(`${id}: answerable without must`);
  for (const m of must) {
    let re: RegExp;
    try {
      re = new RegExp(m.normalize("NFKC"));
    } catch {
      problems.push(`${id}: must /${m}/ is not a regex`);
      continue;
    }
    if (!candidates.some((a) => re.test(a.text))) problems.push(`${id}: must /${m}/ not in ${title === null ? q.seed : `《${title}》`}`);
  }
  return problems;
}

async function main(): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const showHeldOut = process.argv.includes("--show-heldout");
  const heldOut = new Set(HELD_OUT_FILES.map((f) => path.join(root, f)));
  const files = process.env.EVAL_QUESTIONS
    ? [path.resolve(process.env.EVAL_QUESTIONS)]
    : fs
        .readdirSync(path.join(root, "eval"))
        .filter((f) => /^questions_.*\.jsonl$/.test(f))
        .sort()
        .map((f) => path.join(root, "eval", f));
  const sources = await readSources(root);
  let failed = false;
  for (const file of files) {
    const lines = fs.readFileSync(file, "utf8").split("\n").filter((l) => l.trim());
    const ids = new Set<string>();
    const problems = lines.flatMap((line, i) => lineProblems(line, ids, sources).map((p) => `line ${i + 1}: ${p}`));
    const hidden = heldOut.has(file) && !showHeldOut && problems.length > 0 ? " (held-out set: --show-heldout lists them)" : "";
    process.stdout.write(`${path.relative(root, file)}: ${lines.length} questions, ${problems.length} label problems${hidden}\n`);
    if (!hidden) for (const p of problems) process.stdout.write(`  ${p}\n`);
    if (problems.length > 0) failed = true;
  }
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main();
