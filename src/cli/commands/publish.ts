import { parseConfig } from "../../config.js";
import type { PublishFileResult } from "../../delivery/publish.js";
import { quietHoursEnd } from "../../delivery/schedule.js";
import { expandIssueArgs } from "../../knowledge/newspaper/index.js";
import { withCliApp } from "../app.js";
import { UsageError, writeLine, type CliCommand } from "../command.js";

const HELP = `Usage: npm run --silent cli -- publish [--json] FILE|FOLDER ...

Publishes newspaper issues: each FILE is parsed and stored exactly as \`ingest\` does (OCR text .txt, or one
story in Markdown with YAML front matter; a FOLDER stands for the .txt/.md files directly in it, README
files excluded, in name order), then a digest is queued for every subscriber with at least one
matching article (topics, region, keywords). The bot's digest sender delivers them at Telegram's pace,
respecting each subscriber's quiet hours (default 22:00-07:00) and daily delivery time; follow progress
with \`digest-status\`.

Publishing the same issue again (same paper, date and number) stores the file again but queues nothing:
"already published, nothing queued".

Options:
  --json       one JSON object per file on stdout:
               {"file","status":"published"|"already-published"|"refused","issueId","paper","date","number",
                "articles","queued","publishedAt"?,"error"?}
  -h, --help   this text

Reads DATABASE_URL and DATA_DIR (the gazetteer in DATA_DIR/places is used to match subscribers' regions).
Progress goes to stderr. Exit code 0 when every file was published or already published, 1 when a file
was refused (the others are still published), 2 on bad usage.

Staff can also publish by dropping files into INBOX_DIR (the running bot publishes them) or by sending
the file to the bot as a document from an account listed in ADMIN_IDS.

Examples:
  npm run --silent cli -- publish data/issues/zjgrb-2024-11-07-12773.txt
  npm run --silent cli -- publish --json inbox/*.txt
  npm run --silent cli -- publish data/issues`;

/** ", held until 07:00 (quiet hours)" while the default quiet hours last. */
function heldNote(heldUntil: string | null): string {
  return heldUntil ? `, held until ${heldUntil} (quiet hours)` : "";
}

function describe(result: PublishFileResult, heldUntil: string | null): string {
  const name = [result.paper ?? "(paper unknown)", result.date, result.number ? `No. ${result.number}` : null].filter(Boolean).join(" ");
  switch (result.status) {
    case "published":
      return `${result.file}: published ${name} (${result.articles} articles): ${result.queued} digest(s) queued${result.queued > 0 ? heldNote(heldUntil) : ""}`;
    case "already-published":
      return `${result.file}: ${name} already published (${result.publishedAt}), nothing queued`;
    case "refused":
      return `${result.file}: refused, nothing stored: ${result.error}`;
  }
}

export const publishCommand: CliCommand = {
  name: "publish",
  summary: "publish newspaper issue files: store them and queue subscribers' digests",
  help: HELP,
  async run(argv, io) {
    const json = argv.includes("--json");
    const unknown = argv.find((a) => a.startsWith("-") && a !== "--json");
    if (unknown) throw new UsageError(`unknown option "${unknown}"`);
    const args = argv.filter((a) => !a.startsWith("-"));
    if (args.length === 0) throw new UsageError("name at least one issue file (or a folder of them) to publish");
    const files = await expandIssueArgs(args);
    if (files.length === 0) throw new UsageError(`no issue files (.txt, .md) in ${args.join(", ")}`);
    const config = parseConfig(io.env);
    return withCliApp(config, io, async (app) => {
      const heldUntil = quietHoursEnd(Date.now(), config.TIME_ZONE);
      const publishing = await app.publishing();
      const results = await publishing.publish(files, {
        source: "cli",
        onResult: (result, done, total) => {
          if (json) writeLine(io.stdout, JSON.stringify(result));
          else writeLine(result.status === "refused" ? io.stderr : io.stdout, describe(result, heldUntil));
          for (const warning of result.warnings ?? []) writeLine(io.stderr, `warning: ${warning}`);
          if (total > 1) writeLine(io.stderr, `[${done}/${total}]`);
        },
      });
      const queued = results.reduce((n, r) => n + r.queued, 0);
      const refused = results.filter((r) => r.status === "refused").length;
      if (!json) {
        writeLine(io.stdout, queued > 0 ? `${queued} digest(s) queued in total${heldNote(heldUntil)}.` : "Nothing queued.");
      }
      if (queued > 0) writeLine(io.stderr, "The running bot sends them; follow with: npm run --silent cli -- digest-status");
      return refused > 0 ? 1 : 0;
    });
  },
};
