/**
 * Newspaper digest subscriptions: /subscribe (and the 订阅工会报 menu button), /settings, /pause, /resume,
 * /unsubscribe, and the "read" buttons under a digest. The digests themselves are sent by the
 * application's digest sender job (src/app/jobs.ts).
 */
import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import type { BotContext, BotDeps } from "../context.js";
import type { Feature } from "../feature.js";
import { escapeHtml } from "../html.js";
import { MENU } from "../menu.js";
import { replyHtml } from "../reply.js";
import { SUBSCRIBE_CONVERSATION, subscribeConversation } from "../conversations/subscribe.js";
import { settingsKeyboard, SUBSCRIBE_CALLBACK, subscriptionSummary } from "../conversations/subscribe-text.js";
import { formatIssueDate, parseReadCallbackData, READ_CALLBACK_PREFIX } from "../../knowledge/digest/compose.js";
import { tidyText } from "../../knowledge/digest/summary.js";

async function showSettings(ctx: BotContext, deps: BotDeps): Promise<void> {
  const sub = await deps.store.subscriptions.get(ctx.chat!.id);
  const names = { locale: await ctx.i18n.getLocale(), gazetteer: deps.places.gazetteer };
  const text = sub ? `${ctx.t("digest-settings-header")}\n${subscriptionSummary(ctx.t.bind(ctx), sub, names)}` : ctx.t("digest-settings-none");
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: settingsKeyboard(ctx.t.bind(ctx), sub) });
}

async function setPaused(ctx: BotContext, deps: BotDeps, paused: boolean): Promise<void> {
  const sub = await deps.store.subscriptions.get(ctx.chat!.id);
  if (!sub) {
    await ctx.reply(ctx.t("digest-not-subscribed"));
    return;
  }
  await deps.store.subscriptions.setStatus(sub.chatId, paused ? "paused" : "active");
  // Digests held while paused may be due now.
  if (!paused) deps.digests.wake();
  await ctx.reply(ctx.t(paused ? "digest-paused" : "digest-resumed"));
}

async function unsubscribe(ctx: BotContext, deps: BotDeps): Promise<void> {
  const removed = await deps.store.subscriptions.remove(ctx.chat!.id);
  await ctx.reply(ctx.t(removed ? "digest-unsubscribed" : "digest-not-subscribed"));
}

async function enterSubscribe(ctx: BotContext): Promise<void> {
  if (ctx.chat?.type !== "private") return;
  await ctx.conversation.exit(SUBSCRIBE_CONVERSATION);
  await ctx.conversation.enter(SUBSCRIBE_CONVERSATION);
}

async function showArticle(ctx: BotContext, deps: BotDeps, pubId: number, seq: number): Promise<void> {
  const issue = await deps.store.outbox.getPublishedByPubId(pubId);
  const item = issue?.items.find((i) => i.seq === seq);
  const article = item ? await deps.store.issues.getArticle(item.articleId) : undefined;
  if (!issue || !article) {
    await ctx.reply(ctx.t("digest-article-gone"));
    return;
  }
  const locale = await ctx.i18n.getLocale();
  const source = ctx.t("digest-article-source", {
    paper: article.issue.paper ?? ctx.t("digest-paper-unknown"),
    date: formatIssueDate(article.issue.date, locale) ?? "",
    issue: article.issue.number ? ctx.t("digest-issue-number", { number: article.issue.number }) : "",
    title: tidyText(article.title),
  });
  const body = [article.kicker, article.body].filter(Boolean).map((p) => tidyText(p!)).join("\n\n");
  await replyHtml(ctx, `<b>${escapeHtml(tidyText(article.title))}</b>\n<i>${escapeHtml(source.replace(/\s+/g, " "))}</i>\n\n${escapeHtml(body)}`);
}

export const subscribeFeature: Feature = {
  name: "subscribe",
  commands: [
    { command: "subscribe", descriptionKey: "digest-command-subscribe" },
    { command: "settings", descriptionKey: "digest-command-settings" },
    { command: "pause", descriptionKey: "digest-command-pause" },
    { command: "resume", descriptionKey: "digest-command-resume" },
    { command: "unsubscribe", descriptionKey: "digest-command-unsubscribe" },
  ],
  composer(deps) {
    const composer = new Composer<BotContext>();
    composer.use(createConversation(subscribeConversation, SUBSCRIBE_CONVERSATION));
    composer.command("subscribe", enterSubscribe);
    composer.callbackQuery([MENU.subscribe, SUBSCRIBE_CALLBACK.edit], async (ctx, next) => {
      // Subscribing happens in the private chat; in a group the catch-all points there.
      if (ctx.chat?.type !== "private") return next();
      await ctx.answerCallbackQuery();
      await enterSubscribe(ctx);
    });
    composer.command("settings", (ctx) => showSettings(ctx, deps));
    composer.command("pause", (ctx) => setPaused(ctx, deps, true));
    composer.command("resume", (ctx) => setPaused(ctx, deps, false));
    composer.command("unsubscribe", (ctx) => unsubscribe(ctx, deps));
    composer.callbackQuery(SUBSCRIBE_CALLBACK.pause, async (ctx) => {
      await ctx.answerCallbackQuery();
      await setPaused(ctx, deps, true);
    });
    composer.callbackQuery(SUBSCRIBE_CALLBACK.resume, async (ctx) => {
      await ctx.answerCallbackQuery();
      await setPaused(ctx, deps, false);
    });
    composer.callbackQuery(SUBSCRIBE_CALLBACK.unsubscribe, async (ctx) => {
      await ctx.answerCallbackQuery();
      await unsubscribe(ctx, deps);
    });
    composer.callbackQuery(new RegExp(`^${READ_CALLBACK_PREFIX}`), async (ctx) => {
      await ctx.answerCallbackQuery();
      const ref = parseReadCallbackData(ctx.callbackQuery.data);
      if (!ref) return;
      await showArticle(ctx, deps, ref.pubId, ref.seq);
    });
    return composer;
  },
};
