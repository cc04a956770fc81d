/**
 * The subscription conversation: topics -> region (optional) -> keywords (optional) -> delivery time.
 * A command typed in the middle (/cancel, /start ...) leaves it without saving; other updates that are
 * not answers (a digest's "read" button, a location ...) pass through to the other features.
 */
import type { Conversation } from "@grammyjs/conversations";
import { GrammyError } from "grammy";
import type { BotContext, BotConversation, ConversationContext } from "../context.js";
import { DIGEST_TOPICS, type Delivery, type DigestTopic, type SubscriptionRegion } from "../../storage/subscriptions.js";
import {
  DAILY_TIMES,
  deliveryKeyboard,
  parseKeywords,
  regionFromPlace,
  skipKeyboard,
  SUBSCRIBE_CALLBACK,
  subscriptionSummary,
  toggleTopic,
  topicKeyboard,
} from "./subscribe-text.js";

export const SUBSCRIBE_CONVERSATION = "subscribe";

type Answer = { kind: "callback"; data: string; ctx: ConversationContext } | { kind: "text"; text: string; ctx: ConversationContext };

/** Waits for a button of this step (data starting with one of the prefixes) or a text message. */
async function waitAnswer(conversation: Conversation<BotContext, ConversationContext>, prefixes: string[]): Promise<Answer> {
  const ctx = await conversation.waitUntil(
    (c) => {
      const data = c.callbackQuery?.data;
      if (data !== undefined) return prefixes.some((p) => data.startsWith(p));
      return c.message?.text !== undefined;
    },
    // Anything else is none of our business: let the other features handle it.
    { next: true },
  );
  const text = ctx.message?.text;
  if (text !== undefined) {
    if (text.trim().startsWith("/")) {
      await ctx.reply(ctx.t("digest-sub-cancelled"));
      // /cancel ends here; any other command then runs as usual.
      return conversation.halt({ next: !/^\/cancel\b/.test(text.trim()) });
    }
    return { kind: "text", text, ctx };
  }
  return { kind: "callback", data: ctx.callbackQuery!.data!, ctx };
}

async function updateKeyboard(ctx: ConversationContext, keyboard: ReturnType<typeof topicKeyboard>): Promise<void> {
  try {
    await ctx.editMessageReplyMarkup({ reply_markup: keyboard });
  } catch (error) {
    if (!(error instanceof GrammyError && /not modified/i.test(error.description))) throw error;
  }
}

export async function subscribeConversation(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
  const chatId = ctx.chat!.id;
  const userId = ctx.from!.id;
  const t = (key: string, vars?: Record<string, string | number>) => ctx.t(key, vars);
  const existing = await conversation.external(() => ctx.deps.store.subscriptions.get(chatId));

  // 1. Topics (several).
  let topics: DigestTopic[] = existing?.topics ?? [];
  await ctx.reply(t("digest-sub-topics-prompt"), { parse_mode: "HTML", reply_markup: topicKeyboard(t, topics) });
  for (;;) {
    const answer = await waitAnswer(conversation, [SUBSCRIBE_CALLBACK.topic, SUBSCRIBE_CALLBACK.next]);
    if (answer.kind === "text") {
      await answer.ctx.reply(t("digest-sub-use-buttons"));
      continue;
    }
    if (answer.data === SUBSCRIBE_CALLBACK.next) {
      if (topics.length === 0) {
        await answer.ctx.answerCallbackQuery({ text: t("digest-sub-pick-one") });
        continue;
      }
      await answer.ctx.answerCallbackQuery();
      break;
    }
    const topic = answer.data.slice(SUBSCRIBE_CALLBACK.topic.length) as DigestTopic;
    await answer.ctx.answerCallbackQuery();
    if (!DIGEST_TOPICS.includes(topic)) continue;
    topics = toggleTopic(topics, topic);
    await updateKeyboard(answer.ctx, topicKeyboard(t, topics));
  }

  // 2. Region (optional), resolved with the gazetteer.
  let region: SubscriptionRegion | null = null;
  await ctx.reply(t("digest-sub-region-prompt"), { reply_markup: skipKeyboard(t) });
  for (;;) {
    const answer = await waitAnswer(conversation, [SUBSCRIBE_CALLBACK.skip]);
    if (answer.kind === "callback") {
      await answer.ctx.answerCallbackQuery();
      break;
    }
    const name = answer.text.trim().slice(0, 40);
    const found = await conversation.external(() => {
      const place = ctx.deps.knowledge.gazetteer.resolve(name);
      return place ? regionFromPlace(place) : null;
    });
    if (found) {
      region = found;
      break;
    }
    await answer.ctx.reply(t("digest-sub-region-unknown", { name }), { reply_markup: skipKeyboard(t) });
  }

  // 3. Keywords (optional).
  let keywords: string[] = [];
  await ctx.reply(t("digest-sub-keywords-prompt"), { reply_markup: skipKeyboard(t) });
  for (;;) {
    const answer = await waitAnswer(conversation, [SUBSCRIBE_CALLBACK.skip]);
    if (answer.kind === "callback") {
      await answer.ctx.answerCallbackQuery();
      break;
    }
    const parsed = parseKeywords(answer.text);
    if (parsed) {
      keywords = parsed;
      break;
    }
    await answer.ctx.reply(t("digest-sub-keywords-invalid"), { reply_markup: skipKeyboard(t) });
  }

  // 4. Delivery: immediately or at a daily time; quiet hours apply either way.
  const quiet = existing?.quietHours ?? { start: "22:00", end: "07:00" };
  await ctx.reply(t("digest-sub-delivery-prompt", { quietStart: quiet.start, quietEnd: quiet.end }), { reply_markup: deliveryKeyboard(t) });
  let delivery: Delivery | undefined;
  while (!delivery) {
    const answer = await waitAnswer(conversation, [SUBSCRIBE_CALLBACK.delivery]);
    if (answer.kind === "text") {
      await answer.ctx.reply(t("digest-sub-use-buttons"));
      continue;
    }
    await answer.ctx.answerCallbackQuery();
    const choice = answer.data.slice(SUBSCRIBE_CALLBACK.delivery.length);
    if (choice === "now") delivery = { kind: "immediate" };
    else if (DAILY_TIMES.includes(choice)) delivery = { kind: "daily", time: choice };
  }

  const saved = await conversation.external(async () => {
    const locale = await ctx.i18n.getLocale();
    return ctx.deps.store.subscriptions.upsert({
      chatId,
      userId,
      topics,
      region,
      keywords,
      delivery,
      locale,
      timeZone: ctx.deps.config.TIME_ZONE,
    });
  });
  await ctx.reply(t("digest-sub-saved", { summary: subscriptionSummary(t, saved) }), { parse_mode: "HTML" });
}
