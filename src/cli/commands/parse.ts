/** `parse`: shows how an issue file is read, without storing anything. */
import path from "node:path";
import { parseArgs } from "node:util";
import { IssueFileError, readIssueFile } from "../../knowledge/newspaper/index.js";
import type { ParsedIssue } from "../../knowledge/types.js";
import type { CliCommand, CliIo } from "../command.js";
import { UsageError, writeLine } from "../command.js";

const HELP = `Usage: npm run --silent cli -- parse [--json] [--full] FILE

Parses one newspaper issue file and prints what was found, without storing anything (use \`ingest\` to store).

FILE is either
  - an OCR text of a newspaper page (.txt): the masthead gives paper, date and issue number when printed
    (null when not); the page is cut into articles (headline, kicker/sub-headline, kind, body), or
  - one story in Markdown or text with YAML front matter (title, date, source, url, optional paper, issue).
See README "Data formats / Newspaper issues".

Options:
  --json    print one JSON object:
              {"issue": {"paper", "date", "number"},
               "articles": [{"title", "kicker", "kind", "body"}]}
            kind is news, photo, brief, feature, notice or other; unknown fields are null;
            body paragraphs are separated by "\\n".
  --full    with --json: every field (ids, byline, cn, lunarDate, titleMissing, continuedFrom, continuesTo)
  -h, --help  this help

Exit code: 0 parsed; 1 the file was refused (the message names the file and the reason: empty, binary,
no recognisable text, bad front matter field ...); 2 wrong options.

Examples:
  npm run --silent cli -- parse data/issues/zjgrb-2024-11-07-12773.txt
  npm run --silent cli -- parse --json data/issues/zjgrb-2024-11-07-12773.txt | jq '.articles[].title'`;

/** The `parse --json` contract. */
export function parseJson(parsed: ParsedIssue, full = false): unknown {
  if (full) return parsed;
  return {
    issue: { paper: parsed.issue.paper, date: parsed.issue.date, number: parsed.issue.number },
    articles: parsed.articles.map((a) => ({ title: a.title, kicker: a.kicker, kind: a.kind, body: a.body })),
  };
}

export function describeIssue(parsed: ParsedIssue): string {
  const { issue } = parsed;
  return [
    issue.paper ?? "paper not printed",
    issue.date ?? "date not printed",
    issue.number ? `总第${issue.number}号` : "number not printed",
    ...(issue.cn ? [issue.cn] : []),
  ].join(" · ");
}

function summary(file: string, parsed: ParsedIssue): string {
  const lines = [`${path.basename(file)}: ${describeIssue(parsed)} · ${parsed.articles.length} article${parsed.articles.length === 1 ? "" : "s"} · id ${parsed.issue.id}`];
  for (const a of parsed.articles) {
    const chars = a.body.replace(/\s+/gu, "").length;
    const flags = [a.titleMissing ? "headline lost" : "", a.continuesTo ? `continues on ${a.continuesTo}` : ""].filter(Boolean);
    lines.push(`${String(a.seq).padStart(3)}. [${a.kind}] ${a.title}${flags.length ? ` (${flags.join(", ")})` : ""}`);
    if (a.kicker) lines.push(`       ${a.kicker}`);
    const first = a.body.split("\n")[0] ?? "";
    lines.push(`       ${a.byline ? `${a.byline} · ` : ""}${chars} 字 · ${first.slice(0, 40)}${first.length > 40 ? "…" : ""}`);
  }
  return lines.join("\n");
}

export const parseCommand: CliCommand = {
  name: "parse",
  summary: "parse a newspaper issue file (OCR text or front-matter story) without storing it",
  help: HELP,
  async run(argv: string[], io: CliIo): Promise<number> {
    let values: { json?: boolean; full?: boolean };
    let positionals: string[];
    try {
      ({ values, positionals } = parseArgs({
        args: argv,
        options: { json: { type: "boolean" }, full: { type: "boolean" } },
        allowPositionals: true,
      }));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "missing FILE" : "give exactly one FILE");
    if (values.full && !values.json) throw new UsageError("--full goes with --json");
    const file = positionals[0];
    try {
      const { parsed } = await readIssueFile(file);
      writeLine(io.stdout, values.json ? JSON.stringify(parseJson(parsed, values.full)) : summary(file, parsed));
      return 0;
    } catch (error) {
      if (error instanceof IssueFileError) {
        writeLine(io.stderr, `parse: refused ${error.message}`);
        return 1;
      }
      throw error;
    }
  },
};
