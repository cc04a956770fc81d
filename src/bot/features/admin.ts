/**
 * Staff (ADMIN_IDS) publish an issue by sending its file to the bot as a document, and see delivery
 * progress with /stats. Everyone else is refused politely (issue-like .txt/.md files; other documents go on
 * to the catch-all); their files are never downloaded.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Composer } from "grammy";
import type { BotContext, BotDeps } from "../context.js";
import type { Feature } from "../feature.js";
import { escapeHtml } from "../html.js";
import { issueHeading } from "../../knowledge/digest/compose.js";
import { ISSUE_EXTENSIONS } from "../../knowledge/newspaper/file.js";
import { parseIssueBytesOffThread } from "../../knowledge/newspaper/parse-off-thread.js";
import { quietHoursEnd } from "../../delivery/schedule.js";

const MAX_FILE_MB = 10;
/** Longer names are refused with a clear message (the stored copy's name must stay within file-system limits). */
const MAX_NAME_CHARS = 100;

class DownloadTooLargeError extends Error {}
/**
 * Uploaded issue files are kept in `uploads/` next to the SQLite database (var/uploads by default) as the
 * operator's record; an in-memory database (tests) uses the temp folder.
 */
export function uploadDir(databaseUrl: string): string {
  const file = databaseUrl.replace(/^sqlite:(\/\/)?/, "");
  if (file === ":memory:" || /^postgres/.test(databaseUrl)) return path.join(os.tmpdir(), "niangjia-uploads");
  return path.join(path.dirname(path.resolve(file)), "uploads");
}

function isAdmin(ctx: BotContext, deps: BotDeps): boolean {
  return ctx.from !== undefined && deps.config.ADMIN_IDS.includes(ctx.from.id);
}

async function download(ctx: BotContext, deps: BotDeps, fileName: string): Promise<string> {
  const file = await ctx.getFile();
  if (!file.file_path) throw new Error("Telegram gave no file_path");
  const root = deps.config.TELEGRAM_API_ROOT ?? "https://api.telegram.org";
  const controller = new AbortController();
  const response = await fetch(`${root}/file/bot${ctx.api.token}/${file.file_path}`, { signal: controller.signal });
  if (!response.ok) throw new Error(`download answered ${response.status}`);
  // The declared file_size is the sender's word: the stream itself is cut off at the limit.
  const limit = MAX_FILE_MB * 1024 * 1024;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > limit) {
      controller.abort();
      throw new DownloadTooLargeError(`the download passed ${MAX_FILE_MB} MB`);
    }
    chunks.push(chunk);
  }
  const bytes = Buffer.concat(chunks);
  const dir = uploadDir(deps.config.DATABASE_URL);
  await fs.mkdir(dir, { recursive: true });
  const safeName = path.basename(fileName).replace(/[^\p{L}\p{N}._-]+/gu, "_");
  const target = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${ctx.from!.id}-${safeName}`);
  await fs.writeFile(target, bytes);
  return target;
}

async function publishDocument(ctx: BotContext, deps: BotDeps): Promise<void> {
  const document = ctx.message!.document!;
  const fileName = document.file_name ?? "issue.txt";
  if (!ISSUE_EXTENSIONS.includes(path.extname(fileName).toLowerCase())) {
    await ctx.reply(ctx.t("digest-admin-wrong-type"));
    return;
  }
  if ([...fileName].length > MAX_NAME_CHARS) {
    await ctx.reply(ctx.t("digest-admin-name-too-long", { max: MAX_NAME_CHARS, length: [...fileName].length }));
    return;
  }
  if ((document.file_size ?? 0) > MAX_FILE_MB * 1024 * 1024) {
    await ctx.reply(ctx.t("digest-admin-too-big", { mb: MAX_FILE_MB }));
    return;
  }
  let saved: string;
  try {
    saved = await download(ctx, deps, fileName);
  } catch (error) {
    if (error instanceof DownloadTooLargeError) {
      ctx.logger.warn({ declared: document.file_size }, "an uploaded issue file was larger than declared and the limit; download stopped");
      await ctx.reply(ctx.t("digest-admin-too-big", { mb: MAX_FILE_MB }));
      return;
    }
    ctx.logger.warn({ err: error }, "could not download an issue file");
    await ctx.reply(ctx.t("digest-admin-download-failed"));
    return;
  }
  // Parsed in a worker thread: a large file would otherwise hold up every member's chat while it is parsed.
  const [result] = await deps.publishing.publish([saved], { source: `admin:${ctx.from!.id}`, parse: parseIssueBytesOffThread });
  const locale = await ctx.i18n.getLocale();
  const issue = issueHeading({ paper: result.paper ?? null, date: result.date ?? null, number: result.number ?? null }, locale);
  if (result.status === "refused") {
    await ctx.reply(ctx.t("digest-admin-refused", { error: (result.error ?? "").replace(saved, fileName) }));
    return;
  }
  if (result.status === "already-published") {
    await ctx.reply(ctx.t("digest-admin-already", { issue, when: (result.publishedAt ?? "").replace("T", " ").slice(0, 16) + " UTC" }));
    return;
  }
  ctx.logger.info({ issue: result.issueId, queued: result.queued }, "issue published by an admin");
  const heldUntil = result.queued > 0 ? quietHoursEnd(Date.now(), deps.config.TIME_ZONE) : null;
  const held = heldUntil ? `\n${ctx.t("digest-held-quiet-hours", { time: heldUntil })}` : "";
  await ctx.reply(ctx.t("digest-admin-published", { issue, articles: result.articles ?? 0, queued: result.queued }) + held);
}

async function showStats(ctx: BotContext, deps: BotDeps): Promise<void> {
  const now = Date.now();
  const status = await deps.store.outbox.status(now);
  const locale = await ctx.i18n.getLocale();
  const heldUntil = quietHoursEnd(now, deps.config.TIME_ZONE);
  const lines = [
    ctx.t("digest-stats", {
      ...status.subscribers,
      ...status.outbox,
      rate: status.ratePerSecond.toFixed(1),
    }),
  ];
  if (heldUntil && status.outbox.queued > status.outbox.due) lines.push(ctx.t("digest-held-quiet-hours", { time: heldUntil }));
  if (status.issues.length === 0) lines.push(ctx.t("digest-stats-no-issues"));
  for (const i of status.issues.slice(0, 5)) {
    lines.push(
      ctx.t("digest-stats-issue", {
        issue: escapeHtml(issueHeading(i, locale)),
        sent: i.sent,
        total: i.queued + i.sending + i.sent + i.failed + i.unconfirmed,
        queued: i.queued,
        failed: i.failed,
        unconfirmed: i.unconfirmed,
      }),
    );
  }
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
}

export const adminFeature: Feature = {
  name: "admin",
  // No `commands` entry: /stats is for staff (README "Newspaper digests"), so it is not in every member's menu or /help.
  composer(deps) {
    const composer = new Composer<BotContext>();
    composer.command("stats", async (ctx) => {
      if (!isAdmin(ctx, deps)) {
        await ctx.reply(ctx.t("digest-admin-only"));
        return;
      }
      await showStats(ctx, deps);
    });
    composer.on("message:document", async (ctx, next) => {
      if (isAdmin(ctx, deps)) return publishDocument(ctx, deps);
      // A member's issue-like file is refused politely; any other document is not ours (the catch-all explains).
      const name = ctx.message.document.file_name ?? "";
      if (!ISSUE_EXTENSIONS.includes(path.extname(name).toLowerCase())) return next();
      await ctx.reply(ctx.t("digest-admin-only"));
    });
    return composer;
  },
};
