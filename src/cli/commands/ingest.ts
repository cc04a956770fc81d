/** `ingest`: parses issue files and stores them; each file is stored whole or not at all. */
import { parseArgs } from "node:util";
import { parseConfig } from "../../config.js";
import { expandIssueArgs, ingestFiles, type IngestResult } from "../../knowledge/newspaper/index.js";
import { withCliApp } from "../app.js";
import type { CliCommand, CliIo } from "../command.js";
import { UsageError, writeLine } from "../command.js";

const HELP = `Usage: npm run --silent cli -- ingest [--json] FILE|FOLDER ...

Parses newspaper issue files and stores them with their articles in the database (DATABASE_URL), where
every later process (the bot, \`ask\`) finds them. A FOLDER stands for the .txt/.md files directly in it
(README files excluded).

Each file is parsed completely before anything of it is stored, and stored in one transaction:
  - an issue already stored under the same id (same paper, date, issue number and page as printed; for
    pages that print none of these, the same text) is replaced with its articles: no duplicates;
  - a file ingested again without a change (same path, same content) is skipped:
    "unchanged ... already stored, skipped", nothing is written;
  - a file that cannot be parsed (empty, binary, not UTF-8/GBK text, no recognisable newspaper text,
    a missing title or a bad front matter field) is refused with a message naming the file and the reason, and
    nothing from it is stored. The other files are still stored.

Options:
  --json      one JSON object per file on stdout:
                {"file", "status": "new"|"replaced"|"unchanged", "issue": {"id", "paper", "date", "number"}, "articles": N,
                 "warnings": [...] (only when there are any)}
                {"file", "status": "refused", "error": "FILE: reason"}
  -h, --help  this help

A story whose front matter has no date is stored undated (cited as 日期不详) with a warning on stderr.

Progress ("[3/12] file") goes to stderr when more than one file is given; a summary line ends the run.

Exit code: 0 all files stored; 1 at least one file refused (the others are stored) or the database cannot
be opened; 2 wrong options or no FILE.

Examples:
  npm run --silent cli -- ingest data/issues/zjgrb-2024-11-07-12773.txt
  npm run --silent cli -- ingest --json inbox/*.txt story.md
  npm run --silent cli -- ingest data/issues`;

function line(result: IngestResult): string {
  if (result.status === "refused") return `refused   ${result.error}`;
  const issue = result.issue!;
  const printed = [issue.date ?? "undated", issue.number ? `总第${issue.number}号` : "no number"].join(" ");
  const skipped = result.status === "unchanged" ? ": already stored, skipped" : "";
  return `${result.status.padEnd(9)} ${result.file} -> ${issue.id} (${printed}, ${result.articleCount} article${result.articleCount === 1 ? "" : "s"})${skipped}`;
}

function json(result: IngestResult): unknown {
  if (result.status === "refused") return { file: result.file, status: result.status, error: result.error };
  const { id, paper, date, number } = result.issue!;
  return {
    file: result.file,
    status: result.status,
    issue: { id, paper, date, number },
    articles: result.articleCount,
    ...(result.warnings ? { warnings: result.warnings } : {}),
  };
}

export const ingestCommand: CliCommand = {
  name: "ingest",
  summary: "parse and store newspaper issue files (replaces an issue ingested before)",
  help: HELP,
  async run(argv: string[], io: CliIo): Promise<number> {
    let values: { json?: boolean };
    let positionals: string[];
    try {
      ({ values, positionals } = parseArgs({ args: argv, options: { json: { type: "boolean" } }, allowPositionals: true }));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (positionals.length === 0) throw new UsageError("missing FILE (an issue file, a front-matter story, or a folder of them)");
    const files = await expandIssueArgs(positionals);
    if (files.length === 0) throw new UsageError(`no issue files (.txt, .md) in ${positionals.join(", ")}`);
    const config = parseConfig(io.env);
    return withCliApp(config, io, async (app) => {
      const store = await app.store();
      const results = await ingestFiles(store, files, (done, total, result) => {
        writeLine(io.stdout, values.json ? JSON.stringify(json(result)) : line(result));
        for (const warning of result.warnings ?? []) writeLine(io.stderr, `warning: ${warning}`);
        if (total > 1) writeLine(io.stderr, `[${done}/${total}] ${result.file}`);
      });
      const count = (status: IngestResult["status"]) => results.filter((r) => r.status === status).length;
      const refused = count("refused");
      writeLine(
        io.stderr,
        `ingest: stored ${results.length - refused - count("unchanged")} of ${results.length} files (${count("new")} new, ${count("replaced")} replaced, ${count("unchanged")} already stored)` +
          (refused ? `, refused ${refused}: nothing from those files was stored` : ""),
      );
      return refused ? 1 : 0;
    });
  },
};
