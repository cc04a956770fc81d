/**
 * The subscription conversation: topics -> region (optional) -> keywords (optional) -> delivery time.
 * Steps are waited for with the shared step waiter (wait-step.ts): cancel words and /cancel end it
 * without saving, ⬅️ / 返回 / back go back one step, "不知道" skips an optional step, a command leaves it,
 * other features' buttons (a digest's "read" button ...) pass through to them, and text that is not an
 * answer to the step (a question such as "余杭哪里能热饭?") leaves it and is then handled as if no
 * conversation was active. A long silence ends it politely: it never swallows a member's later messages.
 */
import { GrammyError, InlineKeyboard } from "grammy";
import type { BotConversation, ConversationContext } from "../context.js";
import { useReplyLocale } from "../reply-locale.js";
import { DIGEST_TOPICS, type Delivery, type DigestTopic, type SubscriptionRegion } from "../../knowledge/digest/types.js";
import {
  DAILY_TIMES,
  deliveryFromText,
  deliveryKeyboard,
  parseKeywords,
  regionFromPlace,
  skipKeyboard,
  SUBSCRIBE_CALLBACK,
  subscriptionSummary,
  toggleTopic,
  topicKeyboard,
} from "./subscribe-text.js";
import { type StepOptions, type StepReply, leaveForQuestion, waitStep } from "./wait-step.js";

export const SUBSCRIBE_CONVERSATION = "subscribe";

/** No answer for this long ends the conversation politely (checked when the next update arrives). */
export const SUBSCRIBE_TIMEOUT_MS = 30 * 60 * 1000;
/** Unreadable answers to a typed step (region, keywords) before the text is taken as something else. */
export const SUBSCRIBE_MAX_RETRIES = 2;
/** Bound on updates handled by one conversation (no endless loops, whatever the member does). */
const MAX_UPDATES = 60;

const SUBSCRIBE_MESSAGES = { cancelled: "digest-sub-cancelled", left: "digest-sub-left", timeout: "digest-sub-timeout" };

const SUBSCRIBE_STEP: StepOptions = {
  // The steps' buttons; /settings' pause/resume/unsubscribe/edit buttons go to their handlers.
  ours: (data) =>
    [SUBSCRIBE_CALLBACK.topic, SUBSCRIBE_CALLBACK.delivery].some((prefix) => data.startsWith(prefix)) ||
    [SUBSCRIBE_CALLBACK.next, SUBSCRIBE_CALLBACK.skip, SUBSCRIBE_CALLBACK.back].some((exact) => data === exact),
  backData: SUBSCRIBE_CALLBACK.back,
  timeoutMs: SUBSCRIBE_TIMEOUT_MS,
  messages: SUBSCRIBE_MESSAGES,
  passOthers: true,
};

async function updateKeyboard(ctx: ConversationContext, keyboard: InlineKeyboard): Promise<void> {
  try {
    await ctx.editMessageReplyMarkup({ reply_markup: keyboard });
  } catch (error) {
    if (!(error instanceof GrammyError && /not modified/i.test(error.description))) throw error;
  }
}

/** The step's buttons plus ⬅️ back (not on the first step). */
function withBack(ctx: ConversationContext, keyboard: InlineKeyboard): InlineKeyboard {
  return keyboard.row().text(ctx.t("flow-back-button"), SUBSCRIBE_CALLBACK.back);
}

type Step = "topics" | "region" | "keywords" | "delivery";
const STEPS: Step[] = ["topics", "region", "keywords", "delivery"];

export async function subscribeConversation(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
  const chatId = ctx.chat!.id;
  const userId = ctx.from!.id;
  const locale = await conversation.external((c) => c.i18n.getLocale());
  useReplyLocale(ctx, locale);
  const t = (key: string, vars?: Record<string, string | number>) => ctx.t(key, vars);
  const existing = await conversation.external(() => ctx.deps.store.subscriptions.get(chatId));

  let topics: DigestTopic[] = existing?.topics ?? [];
  let region: SubscriptionRegion | null = null;
  let keywords: string[] = [];
  let delivery: Delivery | undefined;
  let step = 0;
  let retries = 0;
  let prompted = -1;
  const quiet = existing?.quietHours ?? { start: "22:00", end: "07:00" };
  const regionName = (text: string) => text.trim().slice(0, 40);

  const prompt = async (at: ConversationContext) => {
    prompted = step;
    retries = 0;
    const name = STEPS[step];
    if (name === "topics") await at.reply(t("digest-sub-topics-prompt"), { parse_mode: "HTML", reply_markup: topicKeyboard(t, topics) });
    else if (name === "region") await at.reply(t("digest-sub-region-prompt"), { reply_markup: withBack(at, skipKeyboard(t)) });
    else if (name === "keywords") await at.reply(t("digest-sub-keywords-prompt"), { reply_markup: withBack(at, skipKeyboard(t)) });
    else await at.reply(t("digest-sub-delivery-prompt", { quietStart: quiet.start, quietEnd: quiet.end }), { reply_markup: withBack(at, deliveryKeyboard(t)) });
  };

  let last: ConversationContext = ctx;
  for (let n = 0; n < MAX_UPDATES && !delivery; n++) {
    if (prompted !== step) await prompt(last);
    const reply: StepReply = await waitStep(conversation, SUBSCRIBE_STEP, locale);
    if (reply.kind === "end") return;
    if (reply.kind === "other") continue;
    last = reply.ctx;
    if (reply.kind === "back") {
      if (step > 0) step--;
      else prompted = -1; // the first step: show it again
      continue;
    }
    const name = STEPS[step];
    const data = reply.kind === "callback" ? reply.data : undefined;
    // "不知道" where a choice is needed (topics, delivery): show the step's buttons again.
    if (reply.kind === "unknown" && (name === "topics" || name === "delivery")) {
      prompted = -1;
      continue;
    }

    if (name === "topics") {
      if (reply.kind === "text" || reply.kind === "location") return leaveForQuestion(conversation, last, SUBSCRIBE_MESSAGES);
      if (data === SUBSCRIBE_CALLBACK.next) {
        if (topics.length === 0) {
          await last.answerCallbackQuery({ text: t("digest-sub-pick-one") }).catch(() => undefined);
          continue;
        }
        step++;
        continue;
      }
      const topic = data?.startsWith(SUBSCRIBE_CALLBACK.topic) ? (data.slice(SUBSCRIBE_CALLBACK.topic.length) as DigestTopic) : undefined;
      if (!topic || !DIGEST_TOPICS.includes(topic)) continue;
      topics = toggleTopic(topics, topic);
      await updateKeyboard(last, topicKeyboard(t, topics));
      continue;
    }

    if (name === "region" || name === "keywords") {
      // Skip, or "不知道": nothing for this optional step.
      if (data === SUBSCRIBE_CALLBACK.skip || reply.kind === "unknown") {
        if (name === "region") region = null;
        else keywords = [];
        step++;
        continue;
      }
      if (reply.kind !== "text") continue;
      if (reply.question) return leaveForQuestion(conversation, last, SUBSCRIBE_MESSAGES);
      const text = reply.text;
      if (name === "region") {
        const place = await conversation.external(() => {
          const found = ctx.deps.places.gazetteer.resolve(regionName(text));
          return found ? regionFromPlace(found) : null;
        });
        if (place) {
          region = place;
          step++;
          continue;
        }
      } else {
        // "余杭哪里能热饭" is a question for the bot, not a keyword.
        const words = parseKeywords(text);
        if (words) {
          keywords = words;
          step++;
          continue;
        }
      }
      if (retries >= SUBSCRIBE_MAX_RETRIES) return leaveForQuestion(conversation, last, SUBSCRIBE_MESSAGES);
      retries++;
      const again = name === "region" ? t("digest-sub-region-unknown", { name: regionName(text) }) : t("digest-sub-keywords-invalid");
      await last.reply(again, { reply_markup: withBack(last, skipKeyboard(t)) });
      continue;
    }

    // Delivery: immediately or at a daily time; quiet hours apply either way.
    if (reply.kind === "text") {
      // "8点" picks a time; anything else is not an answer to this step.
      delivery = deliveryFromText(t, reply.text);
      if (!delivery) return leaveForQuestion(conversation, last, SUBSCRIBE_MESSAGES);
      break;
    }
    const choice = data?.startsWith(SUBSCRIBE_CALLBACK.delivery) ? data.slice(SUBSCRIBE_CALLBACK.delivery.length) : undefined;
    if (choice === "now") delivery = { kind: "immediate" };
    else if (choice && DAILY_TIMES.includes(choice)) delivery = { kind: "daily", time: choice };
  }
  if (!delivery) return;

  const saved = await conversation.external(async () => {
    return ctx.deps.store.subscriptions.upsert({
      chatId,
      userId,
      topics,
      region,
      keywords,
      delivery: delivery!,
      locale,
      timeZone: ctx.deps.config.TIME_ZONE,
    });
  });
  await last.reply(t("digest-sub-saved", { summary: subscriptionSummary(t, saved, { locale, gazetteer: ctx.deps.places.gazetteer }) }), { parse_mode: "HTML" });
}
