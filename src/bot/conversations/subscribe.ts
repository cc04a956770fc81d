/**
 * The subscription conversation: topics -> region (optional) -> keywords (optional) -> delivery time.
 * A command typed in the middle (/cancel, /start ...) leaves it without saving; other updates that are
 * not answers (a digest's "read" button, a location ...) pass through to the other features.
 * Text that is not an answer to the step (a question such as "余杭哪里能热饭?") leaves it too and is then
 * handled as if no conversation was active, and a long silence ends it politely: the conversation never
 * swallows a member's later messages.
 */
import type { Conversation } from "@grammyjs/conversations";
import { GrammyError } from "grammy";
import type { BotContext, BotConversation, ConversationContext } from "../context.js";
import { DIGEST_TOPICS, type Delivery, type DigestTopic, type SubscriptionRegion } from "../../storage/subscriptions.js";
import {
  DAILY_TIMES,
  deliveryFromText,
  deliveryKeyboard,
  looksLikeQuestion,
  parseKeywords,
  regionFromPlace,
  skipKeyboard,
  SUBSCRIBE_CALLBACK,
  subscriptionSummary,
  toggleTopic,
  topicKeyboard,
} from "./subscribe-text.js";

export const SUBSCRIBE_CONVERSATION = "subscribe";

/** No answer for this long ends the conversation politely (checked when the next update arrives). */
export const SUBSCRIBE_TIMEOUT_MS = 30 * 60 * 1000;
/** Unreadable answers to a typed step (region, keywords) before the text is taken as something else. */
export const SUBSCRIBE_MAX_RETRIES = 2;

const CANCEL_WORDS = /^(取消|算了|退出|不订了|cancel|quit|stop)$/i;

type Answer = { kind: "callback"; data: string; ctx: ConversationContext } | { kind: "text"; text: string; ctx: ConversationContext };

/**
 * Waits for a button of this step (data starting with one of the prefixes) or a text message. Anything
 * else is none of our business and goes on to the other features. A reply after SUBSCRIBE_TIMEOUT_MS
 * ends the conversation instead.
 */
async function waitAnswer(conversation: Conversation<BotContext, ConversationContext>, prefixes: string[]): Promise<Answer> {
  const started = await conversation.now();
  const ctx = await conversation.wait();
  const now = await conversation.now();
  const data = ctx.callbackQuery?.data;
  const ours = data !== undefined && prefixes.some((p) => data.startsWith(p));
  if (now - started > SUBSCRIBE_TIMEOUT_MS) {
    if (ours) await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("digest-sub-timeout"));
    // A button of this step has nobody else to answer it; anything else is handled as usual.
    return conversation.halt({ next: !ours });
  }
  if (data !== undefined) {
    if (ours) return { kind: "callback", data, ctx };
    return conversation.skip({ next: true });
  }
  const text = ctx.message?.text;
  if (text === undefined) return conversation.skip({ next: true });
  const trimmed = text.trim();
  if (trimmed.startsWith("/")) {
    await ctx.reply(ctx.t("digest-sub-cancelled"));
    // /cancel ends here; any other command then runs as usual.
    return conversation.halt({ next: !/^\/cancel(@\w+)?$/i.test(trimmed.split(/\s/)[0]) });
  }
  if (CANCEL_WORDS.test(trimmed)) {
    await ctx.reply(ctx.t("digest-sub-cancelled"));
    return conversation.halt();
  }
  return { kind: "text", text, ctx };
}

/** The text is not an answer to this step: say so briefly and let the rest of the bot handle it (e.g. as a question). */
async function leave(conversation: BotConversation, ctx: ConversationContext): Promise<never> {
  await ctx.reply(ctx.t("digest-sub-left"));
  return conversation.halt({ next: true });
}

async function updateKeyboard(ctx: ConversationContext, keyboard: ReturnType<typeof topicKeyboard>): Promise<void> {
  try {
    await ctx.editMessageReplyMarkup({ reply_markup: keyboard });
  } catch (error) {
    if (!(error instanceof GrammyError && /not modified/i.test(error.description))) throw error;
  }
}

/**
 * An optional typed step: Skip gives null, text `read` understands gives its value. Unreadable text is
 * asked again (SUBSCRIBE_MAX_RETRIES times); a question, or too many unreadable answers, leaves the conversation.
 */
async function askOptional<T>(
  conversation: BotConversation,
  ctx: ConversationContext,
  prompt: string,
  read: (text: string) => Promise<T | null>,
  unreadable: (text: string) => string,
): Promise<T | null> {
  const t = (key: string) => ctx.t(key);
  await ctx.reply(prompt, { reply_markup: skipKeyboard(t) });
  for (let retries = 0; ; retries++) {
    const answer = await waitAnswer(conversation, [SUBSCRIBE_CALLBACK.skip]);
    if (answer.kind === "callback") {
      await answer.ctx.answerCallbackQuery();
      return null;
    }
    if (looksLikeQuestion(answer.text)) return leave(conversation, answer.ctx);
    const value = await read(answer.text);
    if (value !== null) return value;
    if (retries >= SUBSCRIBE_MAX_RETRIES) return leave(conversation, answer.ctx);
    await answer.ctx.reply(unreadable(answer.text), { reply_markup: skipKeyboard(t) });
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
    if (answer.kind === "text") return leave(conversation, answer.ctx);
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
  const regionName = (text: string) => text.trim().slice(0, 40);
  const region: SubscriptionRegion | null = await askOptional(
    conversation,
    ctx,
    t("digest-sub-region-prompt"),
    (text) =>
      conversation.external(() => {
        const place = ctx.deps.knowledge.gazetteer.resolve(regionName(text));
        return place ? regionFromPlace(place) : null;
      }),
    (text) => t("digest-sub-region-unknown", { name: regionName(text) }),
  );

  // 3. Keywords (optional). "余杭哪里能热饭" is a question for the bot, not a keyword.
  const keywords: string[] =
    (await askOptional(conversation, ctx, t("digest-sub-keywords-prompt"), async (text) => parseKeywords(text) ?? null, () => t("digest-sub-keywords-invalid"))) ?? [];

  // 4. Delivery: immediately or at a daily time; quiet hours apply either way.
  const quiet = existing?.quietHours ?? { start: "22:00", end: "07:00" };
  await ctx.reply(t("digest-sub-delivery-prompt", { quietStart: quiet.start, quietEnd: quiet.end }), { reply_markup: deliveryKeyboard(t) });
  let delivery: Delivery | undefined;
  while (!delivery) {
    const answer = await waitAnswer(conversation, [SUBSCRIBE_CALLBACK.delivery]);
    if (answer.kind === "text") {
      // "8点" picks a time; anything else is not an answer to this step.
      delivery = deliveryFromText(t, answer.text);
      if (!delivery) return leave(conversation, answer.ctx);
      break;
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
