/** `ingest`: parses issue files and stores them; each file is stored whole or not at all. */
import { parseArgs } from "node:util";
import { parseConfig } from "../../config.js";
import { translate } from "../../i18n.js";
import type { Locale } from "../../locale.js";
import { expandIssueArgs, ingestFiles, type IngestResult } from "../../knowledge/newspaper/index.js";
import { withCliApp } from "../app.js";
import type { CliCommand, CliIo } from "../command.js";
import { localeOption, UsageError, writeLine } from "../command.js";

const HELP = `Usage: npm run --silent cli -- ingest [--json] [--locale zh-CN|en] FILE|FOLDER ...

Parses newspaper issue files and stores them with their articles in the database (DATABASE_URL), where
every later process (the bot, \`ask\`) finds them. A FOLDER stands for the .txt/.md files directly in it
(README files excluded).

Each file is parsed completely before anything of it is stored, and stored in one transaction:
  - an issue already stored under the same id (same paper, date, issue number and page as printed; for
    pages that print none of these, the same text) is replaced with its articles: no duplicates;
  - a file ingested again without a change (same path, same content) is skipped:
    "unchanged ... already stored, skipped" (未变 … 已存储，跳过), nothing is written;
  - a file that cannot be parsed (empty, binary, not UTF-8/GBK text, no recognisable newspaper text,
    a missing title or a bad front matter field) is refused with a message naming the file and the reason, and
    nothing from it is stored. The other files are still stored.

Options:
  --json      one JSON object per file on stdout (the same in every locale):
                {"file", "status": "new"|"replaced"|"unchanged", "issue": {"id", "paper", "date", "number"}, "articles": N,
                 "warnings": [...] (only when there are any)}
                {"file", "status": "refused", "error": "FILE: reason"}
  --locale L  zh-CN (default: DEFAULT_LOCALE) or en, for the lines, warnings and summary
  -h, --help  this help

A story whose front matter has no date is stored undated (cited as 日期不详) with a warning on stderr.

Progress ("[3/12] file") goes to stderr when more than one file is given; a summary line ends the run.

Exit code: 0 all files stored; 1 at least one file refused (the others are stored) or the database cannot
be opened; 2 wrong options or no FILE.

Environment: DATABASE_URL, DEFAULT_LOCALE (see README "Configuration").

Examples:
  npm run --silent cli -- ingest data/issues/zjgrb-2024-11-07-12773.txt
  npm run --silent cli -- ingest --json inbox/*.txt story.md
  npm run --silent cli -- ingest --locale en data/issues`;

const STATUSES: IngestResult["status"][] = ["new", "replaced", "unchanged", "refused"];

/** The status word, padded to the longest of them so that the file names line up. */
function statusWord(locale: Locale, status: IngestResult["status"]): string {
  const width = Math.max(...STATUSES.map((s) => translate(locale, `ingest-status-${s}`).length));
  return translate(locale, `ingest-status-${status}`).padEnd(width);
}

function line(result: IngestResult, locale: Locale): string {
  if (result.status === "refused") return `${statusWord(locale, result.status)} ${result.error}`;
  const issue = result.issue!;
  return translate(locale, result.status === "unchanged" ? "ingest-line-skipped" : "ingest-line", {
    status: statusWord(locale, result.status),
    file: result.file,
    issue: issue.id,
    date: issue.date ?? translate(locale, "ingest-undated"),
    number: issue.number ? `总第${issue.number}号` : translate(locale, "ingest-no-number"),
    articles: result.articleCount!,
  });
}

function json(result: IngestResult): unknown {
  if (result.status === "refused") return { file: result.file, status: result.status, error: result.error };
  const { id, paper, date, number } = result.issue!;
  return {
    file: result.file,
    status: result.status,
    issue: { id, paper, date, number },
    articles: result.articleCount!,
    ...(result.warnings ? { warnings: result.warnings } : {}),
  };
}

export const ingestCommand: CliCommand = {
  name: "ingest",
  summary: "parse and store newspaper issue files (replaces an issue ingested before)",
  help: HELP,
  async run(argv: string[], io: CliIo): Promise<number> {
    let values: { json?: boolean; locale?: string };
    let positionals: string[];
    try {
      ({ values, positionals } = parseArgs({ args: argv, options: { json: { type: "boolean" }, locale: { type: "string" } }, allowPositionals: true }));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const chosen = values.locale !== undefined ? localeOption(values.locale) : undefined;
    if (positionals.length === 0) throw new UsageError("missing FILE (an issue file, a front-matter story, or a folder of them)");
    const files = await expandIssueArgs(positionals);
    if (files.length === 0) throw new UsageError(`no issue files (.txt, .md) in ${positionals.join(", ")}`);
    const config = parseConfig(io.env);
    const locale: Locale = chosen ?? config.DEFAULT_LOCALE;
    return withCliApp(config, io, async (app) => {
      const store = await app.store();
      const results = await ingestFiles(store, files, (done, total, result) => {
        writeLine(io.stdout, values.json ? JSON.stringify(json(result)) : line(result, locale));
        for (const warning of result.warnings ?? []) writeLine(io.stderr, translate(locale, "ingest-warning", { warning }));
        if (total > 1) writeLine(io.stderr, `[${done}/${total}] ${result.file}`);
      });
      const count = (status: IngestResult["status"]) => results.filter((r) => r.status === status).length;
      const refused = count("refused");
      const stored = { stored: results.length - refused - count("unchanged"), files: results.length, new: count("new"), replaced: count("replaced"), unchanged: count("unchanged") };
      writeLine(io.stderr, translate(locale, "ingest-summary", stored) + (refused ? translate(locale, "ingest-summary-refused", { refused }) : ""));
      return refused ? 1 : 0;
    });
  },
};
