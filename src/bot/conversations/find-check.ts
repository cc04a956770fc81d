/**
 * "我符合条件吗?" for one programme (button `elig:<id>` on a programme card or result): asks only the
 * questions this programme still needs, then shows the verdict with the reasons quoting the source,
 * what you get, how to apply, contact and source. Same back/cancel/timeout rules as /find.
 */
import { InlineKeyboard } from "grammy";
import { programmeName } from "../../knowledge/catalogue/english.js";
import { saidLine, todayIn } from "../../knowledge/eligibility/index.js";
import { escapeHtml } from "../html.js";
import type { BotConversation, ConversationContext } from "../context.js";
import { useReplyLocale } from "../reply-locale.js";
import { formatCheckResult } from "./find-results.js";
import {
  CB,
  FIND_MESSAGES,
  type Facts,
  MAX_QUESTIONS,
  MAX_RETRIES,
  MAX_STEPS,
  evaluateMany,
  navRow,
  programmesByIds,
  replyHtmlIn,
  rememberFacts,
  settledFacts,
  waitReply,
} from "./find-shared.js";
import { decodeStated } from "./stated-code.js";
import { leaveForQuestion } from "./wait-step.js";
import { interpretReply, sendQuestion } from "./find-questions.js";
import { placeFacts, shortPlace } from "./find-places.js";
import { placeNameIn } from "../../knowledge/places/names.js";

export const FIND_CHECK_CONVERSATION = "find-check";

export async function findCheckConversation(
  conversation: BotConversation,
  ctx: ConversationContext,
  programmeId: string,
  /** A gazetteer place the member named in the question that led here: not asked again. */
  placeId?: string,
  /** Other facts that question stated (stated-code.ts): not asked again either. */
  statedCode?: string,
): Promise<void> {
  const deps = ctx.deps;
  const userId = ctx.from?.id;
  const locale = await conversation.external((c) => c.i18n.getLocale());
  useReplyLocale(ctx, locale);
  const today = await conversation.external(() => todayIn(deps.config.TIME_ZONE));
  const programme = await conversation.external(async () => (await programmesByIds(deps, [programmeId]))[0] ?? null);
  if (!programme) {
    await ctx.reply(ctx.t("find-check-unknown-programme"));
    return;
  }
  const remembered = await conversation.external(async () => (userId ? ((await deps.store.users.get(userId))?.rememberedFacts ?? {}) : {}));
  const facts: Facts = { ...remembered };
  if (Object.keys(remembered).length > 0) await ctx.reply(ctx.t("find-remembered-used"));
  await ctx.reply(ctx.t("find-check-header", { name: escapeHtml(programmeName(programme, locale)) }), { parse_mode: "HTML" });
  const named = placeId ? deps.places.gazetteer.places.find((p) => p.id === placeId) : undefined;
  const stated = decodeStated(statedCode);
  if (named) Object.assign(facts, placeFacts(named));
  Object.assign(facts, stated);
  const place = named ? (locale === "en" ? placeNameIn(named, "en") : named.name) : undefined;
  const said = Object.keys(stated).length > 0 ? saidLine(stated, locale, place) : undefined;
  if (said) await ctx.reply(said, { reply_markup: new InlineKeyboard().text(ctx.t("find-unsay"), CB.unsay) });
  else if (place) await ctx.reply(ctx.t("find-where-set", { place }));

  const skipped = new Set<string>();
  const history: { fact: string; set: string[] }[] = [];
  let last: ConversationContext = ctx;
  let retries = 0;

  for (let i = 0; i < MAX_STEPS; i++) {
    const { result, settled } = await conversation.external(async () => {
      const result = (await evaluateMany(deps, [programmeId], facts, today))[0]!;
      return { result, settled: [...(await settledFacts(deps, [programmeId], facts, today, [result]))] };
    });
    const fact = history.length < MAX_QUESTIONS ? result.missing.find((f) => !skipped.has(f) && !settled.includes(f) && f !== "date") : undefined;
    if (!fact) {
      const keyboard = new InlineKeyboard().text(last.t("find-remember"), CB.remember).text(last.t("find-done"), CB.done);
      navRow(keyboard, last.t.bind(last), history.length > 0);
      await replyHtmlIn(last, formatCheckResult(last.t.bind(last), locale, programme, result), keyboard);
      const reply = await waitReply(conversation, locale);
      if (reply.kind === "end") return;
      last = reply.ctx;
      if (reply.kind === "back" && history.length > 0) {
        undo();
        continue;
      }
      if (reply.kind === "callback" && reply.data === CB.unsay) {
        for (const f of Object.keys(stated)) delete facts[f];
        await last.reply(last.t("find-unsaid"));
        continue;
      }
      if (reply.kind === "callback" && reply.data === CB.remember && userId) {
        await rememberFacts(conversation, deps, userId, facts);
        await last.reply(last.t("find-remember-done"));
        return;
      }
      if (reply.kind === "text" || reply.kind === "unknown") return conversation.halt({ next: true });
      await last.reply(last.t("find-finished"));
      return;
    }
    const question = fact === result.next_fact ? result.next_question : null;
    const label = shortPlace(deps, programme, locale);
    const places = ["province", "city", "county"].includes(fact) && label ? [{ id: programme.id, label }] : [];
    await sendQuestion(last, { fact, places }, locale, history.length + 1, history.length > 0, question);
    const reply = await waitReply(conversation, locale);
    if (reply.kind === "end") return;
    last = reply.ctx;
    if (reply.kind === "back") {
      if (history.length > 0) undo();
      continue;
    }
    if (reply.kind === "callback" && reply.data === CB.unsay) {
      // "不对,重新问我": forget what was read from the question and ask it instead.
      for (const f of Object.keys(stated)) delete facts[f];
      await last.reply(last.t("find-unsaid"));
      continue;
    }
    // A new question typed instead of an answer: leave and let the bot answer it.
    if (reply.kind === "text" && reply.question) return leaveForQuestion(conversation, last, FIND_MESSAGES);
    const outcome = await interpretReply(conversation, deps, fact, reply, today);
    if (outcome.kind === "ignore") continue;
    if (outcome.kind === "retry" && ++retries <= MAX_RETRIES) {
      await last.reply(last.t("find-answer-retry", { example: outcome.hint }));
      continue;
    }
    retries = 0;
    if (outcome.kind === "set") {
      Object.assign(facts, outcome.facts);
      history.push({ fact, set: Object.keys(outcome.facts) });
    } else {
      skipped.add(fact);
      history.push({ fact, set: [] });
    }
  }
  await last.reply(last.t("find-finished"));

  function undo(): void {
    const entry = history.pop();
    if (!entry) return;
    for (const f of entry.set) delete facts[f];
    skipped.delete(entry.fact);
  }
}
