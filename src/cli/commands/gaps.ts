/** `gaps`: what members asked that the sources could not answer, grouped by what they asked about. */
import { parseArgs } from "node:util";
import { parseConfig } from "../../config.js";
import { GAP_RETENTION_DAYS, gapReport, type GapReport } from "../../knowledge/gaps/index.js";
import { localDate, startOfLocalDay } from "../../knowledge/gaps/format.js";
import { withCliApp } from "../app.js";
import type { CliCommand } from "../command.js";
import { UsageError, writeLine } from "../command.js";

const HELP = `Usage: npm run --silent cli -- gaps [--since YYYY-MM-DD] [--limit N] [--json]

The gap report: questions members asked in the bot that the sources could not answer (the bot offered only
related passages, or found nothing), grouped by what they ask about, most asked first, with how often and
when last asked. It tells staff which staff answer (data/faq) or spelling (data/dict/thesaurus.yaml) to add next.

Questions are kept without any user id, with phone numbers, ID-card numbers and amounts masked
([电话], [身份证号], [金额], [号码]), for ${GAP_RETENTION_DAYS} days; older ones are deleted.

Options:
  --since DATE  only questions asked on or after DATE (YYYY-MM-DD, in TIME_ZONE); default: all kept
  --limit N     at most N groups (default 30)
  --json        one JSON object: {"since", "total", "groups": [{"concepts", "count", "related", "none",
                "last_asked", "examples"}]}
  -h, --help    this help

Exit code: 0 the report was printed (also when empty); 1 the database cannot be opened; 2 wrong options.

Examples:
  npm run --silent cli -- gaps
  npm run --silent cli -- gaps --since 2026-11-01 --json`;

function text(report: GapReport, limit: number, timeZone: string): string[] {
  const since = localDate(report.since, timeZone);
  if (report.total === 0) return [`No unanswered questions since ${since}.`];
  const lines = [`${report.total} unanswered question(s) since ${since}, in ${report.groups.length} group(s), most asked first:`, ""];
  report.groups.slice(0, limit).forEach((g, i) => {
    const about = g.concepts.length > 0 ? g.concepts.join(" · ") : "(no content word recognised)";
    lines.push(`${i + 1}. ${about} — ${g.count}× (related ${g.related}, nothing ${g.none}), last asked ${localDate(g.lastAsked, timeZone)}`);
    for (const example of g.examples) lines.push(`     “${example}”`);
  });
  if (report.groups.length > limit) lines.push("", `… ${report.groups.length - limit} more group(s): use --limit or --json.`);
  return lines;
}

export const gapsCommand: CliCommand = {
  name: "gaps",
  summary: "questions the sources could not answer, grouped, with counts (what to add to the FAQ next)",
  help: HELP,
  async run(argv, io) {
    let values: { since?: string; limit?: string; json?: boolean };
    try {
      ({ values } = parseArgs({
        args: argv,
        options: { since: { type: "string" }, limit: { type: "string" }, json: { type: "boolean" } },
        allowPositionals: false,
      }));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const config = parseConfig(io.env);
    let since: number | undefined;
    if (values.since !== undefined) {
      since = startOfLocalDay(values.since, config.TIME_ZONE) ?? undefined;
      if (since === undefined) throw new UsageError(`--since: expected a date YYYY-MM-DD, got "${values.since}"`);
    }
    const limit = values.limit === undefined ? 30 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit: expected a whole number of at least 1, got "${values.limit}"`);
    return withCliApp(config, io, async (app) => {
      const store = await app.store();
      const report = await gapReport(store.gaps, { since });
      if (values.json) {
        writeLine(
          io.stdout,
          JSON.stringify({
            since: localDate(report.since, config.TIME_ZONE),
            total: report.total,
            groups: report.groups.slice(0, limit).map((g) => ({
              concepts: g.concepts,
              count: g.count,
              related: g.related,
              none: g.none,
              last_asked: localDate(g.lastAsked, config.TIME_ZONE),
              examples: g.examples,
            })),
          }),
        );
      } else for (const line of text(report, limit, config.TIME_ZONE)) writeLine(io.stdout, line);
      return 0;
    });
  },
};
