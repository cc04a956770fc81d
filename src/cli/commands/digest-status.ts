import { parseConfig } from "../../config.js";
import { quietHoursEnd } from "../../delivery/schedule.js";
import { withCliApp } from "../app.js";
import type { DigestStatus } from "../../knowledge/digest/types.js";
import { UsageError, writeLine, type CliCommand } from "../command.js";

const HELP = `Usage: npm run --silent cli -- digest-status [--json] [--requeue-unconfirmed [ISSUE_ID]]

Shows how newspaper digests are going out: subscribers, the delivery outbox and the sending rate.

  subscribers   active, paused (by the member), inactive (the member blocked the bot: Telegram answered 403)
  queued        digests waiting to be sent (due now, or held by quiet hours, a daily time or a retry)
  sending       requests in flight right now
  sent          accepted by Telegram
  failed        refused for good (blocked bot, bad request, too many network errors); see the bot log
  unconfirmed   the sender stopped (crash, kill) while the request was in flight: Telegram may or may not
                have delivered it, so it is NOT resent automatically
  rate          messages accepted by Telegram per second over the last minute

Options:
  --json                         print one JSON object instead of the table
  --requeue-unconfirmed [ID]     put unconfirmed digests (of one issue, or all) back in the queue;
                                 members whose digest did arrive get it a second time
  -h, --help                     this text

Reads DATABASE_URL (default sqlite:./var/niangjia.db). Exit code 0, 1 on errors, 2 on bad usage.

Examples:
  npm run --silent cli -- digest-status
  npm run --silent cli -- digest-status --json | jq .outbox`;

function fmt(n: number): string {
  return n.toLocaleString("en-US");
}

function time(ms: number | null): string {
  return ms === null ? "never" : new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");
}

/** `heldUntil`: the end of the quiet hours ("07:00") while they last, so "0 due now" says why. */
export function renderStatus(status: DigestStatus, heldUntil: string | null = null): string {
  const { subscribers: s, outbox: o } = status;
  const held = heldUntil && o.queued > o.due ? `; ${fmt(o.queued - o.due)} held until ${heldUntil} (quiet hours)` : "";
  const lines = [
    `Subscribers  ${fmt(s.active)} active · ${fmt(s.paused)} paused · ${fmt(s.inactive)} inactive (blocked the bot)`,
    `Digests      ${fmt(o.queued)} queued (${fmt(o.due)} due now${held}) · ${fmt(o.sending)} sending · ${fmt(o.sent)} sent · ${fmt(o.failed)} failed · ${fmt(o.unconfirmed)} unconfirmed`,
    `Rate         ${status.ratePerSecond.toFixed(1)} messages/s over the last minute (last sent ${time(status.lastSentAt)})`,
  ];
  if (status.issues.length === 0) {
    lines.push("Issues       none published yet (npm run --silent cli -- publish FILE)");
  } else {
    lines.push("Issues (newest first):");
    for (const i of status.issues) {
      const name = [i.paper ?? "(paper unknown)", i.date, i.number ? `No. ${i.number}` : null].filter(Boolean).join(" ");
      const total = i.queued + i.sending + i.sent + i.failed + i.unconfirmed;
      lines.push(
        `  ${name}  [${i.issueId}] published ${i.publishedAt.replace(/\.\d+Z$/, "Z")} via ${i.source ?? "?"}: ` +
          `${fmt(i.sent)}/${fmt(total)} sent, ${fmt(i.queued)} queued, ${fmt(i.sending)} sending, ${fmt(i.failed)} failed, ${fmt(i.unconfirmed)} unconfirmed`,
      );
    }
  }
  return lines.join("\n");
}

export const digestStatusCommand: CliCommand = {
  name: "digest-status",
  summary: "newspaper digests: subscribers, queued/sent/failed, sending rate, per issue",
  help: HELP,
  async run(argv, io) {
    let json = false;
    let requeue: { issueId?: string } | undefined;
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i];
      if (arg === "--json") json = true;
      else if (arg === "--requeue-unconfirmed") {
        const next = argv[i + 1];
        requeue = { issueId: next && !next.startsWith("-") ? (i++, next) : undefined };
      } else throw new UsageError(`unknown argument "${arg}"`);
    }
    const config = parseConfig(io.env);
    return withCliApp(config, io, async (app) => {
      const store = await app.store();
      if (requeue) {
        const n = await store.outbox.requeueUnconfirmed(requeue.issueId);
        writeLine(io.stderr, `requeued ${n} unconfirmed digest(s)${requeue.issueId ? ` of ${requeue.issueId}` : ""}`);
      }
      const now = Date.now();
      const status = await store.outbox.status(now);
      const heldUntil = quietHoursEnd(now, config.TIME_ZONE);
      writeLine(io.stdout, json ? JSON.stringify({ ...status, held_until: heldUntil }) : renderStatus(status, heldUntil));
      return 0;
    });
  },
};
