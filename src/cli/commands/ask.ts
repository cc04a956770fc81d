/**
 * `ask [--json] [--locale zh-CN|en] [--limit N] [QUESTION]`: answers a question from the newspaper issues and
 * the programme catalogue, citing sources. Without QUESTION, answers every line of stdin in order (plain text,
 * or a JSON object with a `q` field), loading the knowledge once. stdout carries answers only; logs go to stderr.
 */
import { MAX_QUESTION_CHARS } from "../../knowledge/text/limits.js";
import readline from "node:readline";
import { parseConfig } from "../../config.js";
import type { Answer } from "../../knowledge/types.js";
import { withCliApp } from "../app.js";
import { localeOption, UsageError, writeLine, type CliCommand, type CliIo } from "../command.js";
import type { Locale } from "../../locale.js";

const HELP = `Usage: npm run --silent cli -- ask [--json] [--locale zh-CN|en] [--limit N] [QUESTION...]

Answers a question from the union newspaper issues and the programme catalogue (data/issues,
data/programmes, plus issues ingested into the database), citing paper, date, issue and article.
When nothing answers it, says so (found: false) and points to the 12351 hotline.

  QUESTION        the question; several words are joined with spaces.
                  Without QUESTION, reads questions from stdin, one per line: plain text or a
                  JSON object with a "q" field ({"q":"余杭哪里能充电?"}). Blank lines are skipped.
  --json          print one JSON object per question, one per line:
                  {"q","found","confidence","answer","hits":[{"kind","id","title","snippet",
                   "source":{"paper","date","issue","title"}}]}  (hits best first; unknown source fields null)
                  confidence: "answer" (the first hit states what was asked; found is true only
                  then), "related" (hits on the topic that do not state it) or "none".
                  kind "faq": an answer written by union staff (data/faq); its source adds
                  "author" and "url", and "date" is when it was written.
  --locale L      language of the answer text: zh-CN (default) or en. English questions get
                  English framing automatically. Quoted content stays as printed (Chinese).
  --limit N       at most N hits per question (default 5, 1-20).
  -h, --help      this help.

Environment: DATABASE_URL, DATA_DIR, LOG_LEVEL (see README "Configuration").
Exit codes: 0 answered (found or not), 1 a stdin line could not be read or the data failed to load,
2 wrong options.

Examples:
  npm run --silent cli -- ask 余杭哪里能热饭充电?
  npm run --silent cli -- ask --json "我在淮安,看病自己花了四千多,工会能兜底吗?"
  printf '没工作了有免费培训吗?\\n{"q":"Where can couriers rest in Hangzhou?"}\\n' | npm run --silent cli -- ask --json`;

interface AskArgs {
  json: boolean;
  locale?: Locale;
  limit: number;
  question: string | null;
}

function parseArgs(argv: string[]): AskArgs {
  const args: AskArgs = { json: false, limit: 5, question: null };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") args.json = true;
    else if (a === "--locale" || a.startsWith("--locale=")) {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      args.locale = localeOption(v);
    } else if (a === "--limit" || a.startsWith("--limit=")) {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 20) throw new UsageError(`--limit expects a whole number from 1 to 20, got "${v ?? ""}"`);
      args.limit = n;
    } else if (a === "--") {
      words.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith("--")) throw new UsageError(`unknown option ${a}`);
    else words.push(a);
  }
  const q = words.join(" ").trim();
  // An empty argument is a mistake (a shell variable that was not set), not a request to read stdin.
  if (words.length > 0 && q === "") throw new UsageError("the QUESTION argument is empty");
  if ([...q].length > MAX_QUESTION_CHARS) {
    throw new UsageError(`the question is too long (${[...q].length} characters; at most ${MAX_QUESTION_CHARS}): ask one short question at a time`);
  }
  args.question = q === "" ? null : q;
  return args;
}

/** The `ask --json` line: exactly the contract's fields. */
export function answerJson(answer: Answer): string {
  return JSON.stringify({
    q: answer.q,
    found: answer.found,
    confidence: answer.confidence,
    answer: answer.answer,
    hits: answer.hits.map((h) => ({
      kind: h.kind,
      id: h.id,
      title: h.title,
      snippet: h.snippet,
      source: {
        paper: h.source.paper ?? null,
        date: h.source.date ?? null,
        issue: h.source.issue ?? null,
        title: h.source.title ?? null,
        // A staff-written answer names who wrote it (date: when) and its link.
        ...(h.kind === "faq" ? { author: h.source.author ?? null, url: h.source.url ?? null } : {}),
      },
    })),
  });
}

function answerText(answer: Answer): string {
  const lines = [answer.answer];
  answer.hits.forEach((h, i) => {
    const where = [h.kind === "faq" ? `staff: ${h.source.author}` : null, h.source.paper, h.source.date, h.source.issue ? `#${h.source.issue}` : null]
      .filter(Boolean)
      .join(" ");
    lines.push(`  ${i + 1}. [${h.kind}] ${h.title}${where ? `  (${where}${h.source.title && h.source.title !== h.title ? ` 《${h.source.title}》` : ""})` : ""}`);
    lines.push(`     ${h.snippet}`);
  });
  return lines.join("\n");
}

/** A stdin line: plain text, or JSON with a string `q`. Returns null for blank lines. */
export function questionFromLine(line: string, lineNumber: number): string | null {
  const text = line.trim();
  if (text === "") return null;
  if (!text.startsWith("{")) return checkedLength(text, lineNumber);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`stdin line ${lineNumber}: starts with "{" but is not valid JSON`);
  }
  const q = (parsed as { q?: unknown }).q;
  if (typeof q !== "string" || q.trim() === "") throw new Error(`stdin line ${lineNumber}: JSON object without a non-empty string "q" field`);
  return checkedLength(q.trim(), lineNumber);
}

function checkedLength(q: string, lineNumber: number): string {
  const length = [...q].length;
  if (length > MAX_QUESTION_CHARS) {
    throw new Error(`stdin line ${lineNumber}: the question is too long (${length} characters; at most ${MAX_QUESTION_CHARS})`);
  }
  return q;
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  return withCliApp(parseConfig(io.env), io, async (app) => {
    // The same services as the bot: station hits judge "open now" in TIME_ZONE.
    const { knowledge } = await app.services();
    const answerOne = async (q: string) => {
      const answer = await knowledge.ask(q, { locale: args.locale, limit: args.limit });
      writeLine(io.stdout, args.json ? answerJson(answer) : `${answerText(answer)}\n`);
    };
    if (args.question !== null) {
      await answerOne(args.question);
      return 0;
    }
    let failed = 0;
    let lineNumber = 0;
    const lines = readline.createInterface({ input: io.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      lineNumber++;
      let q: string | null;
      try {
        q = questionFromLine(line, lineNumber);
      } catch (error) {
        writeLine(io.stderr, `ask: ${(error as Error).message}`);
        failed++;
        continue;
      }
      if (q !== null) await answerOne(q);
    }
    return failed > 0 ? 1 : 0;
  });
}

export const askCommand: CliCommand = {
  name: "ask",
  summary: "answer a question from the newspaper and the programme catalogue, with sources (stdin: one per line)",
  help: HELP,
  run,
};
