/**
 * /find and the 我能申请什么 button: need → where → only the questions the candidate programmes still
 * need → the result list (eligible first, then "might qualify: missing X", then not eligible with the
 * reason). Back and cancel work at every step; a long silence ends it politely (see waitReply). This file is
 * the flow; what each step shows is in find-prompts.ts, what has been gathered in find-progress.ts.
 *
 * Replay safety (@grammyjs/conversations): catalogue, store, clock and evaluation go through
 * conversation.external; every loop is bounded by MAX_STEPS.
 */
import { nextQuestionAcross, todayIn } from "../../knowledge/eligibility/index.js";
import { leaveForQuestion } from "./wait-step.js";
import type { BotConversation, ConversationContext } from "../context.js";
import { useReplyLocale } from "../reply-locale.js";
import { truncate } from "../html.js";
import { formatCheckResult } from "./find-results.js";
import { NEEDS, needFromText } from "./find-needs.js";
import {
  CB,
  FIND_MESSAGES,
  type Facts,
  MAX_QUESTIONS,
  MAX_RETRIES,
  MAX_STEPS,
  evaluateMany,
  programmesByIds,
  rememberFacts,
  replyHtmlIn,
  settledFacts,
  waitReply,
} from "./find-shared.js";
import { interpretReply, sendQuestion } from "./find-questions.js";
import { placeNear, regionButtons, regionFacts, resolveTypedPlace, sharedTownIn, shortPlace, statedIn, tellStated } from "./find-places.js";
import { FindProgress, PLACE_FACTS, type Step } from "./find-progress.js";
import { askNeed, askWhere, showResults } from "./find-prompts.js";

export const FIND_CONVERSATION = "find";

export async function findConversation(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
  const deps = ctx.deps;
  const userId = ctx.from?.id;
  const locale = await conversation.external((c) => c.i18n.getLocale());
  useReplyLocale(ctx, locale);
  const today = await conversation.external(() => todayIn(deps.config.TIME_ZONE));
  const remembered = await conversation.external(async () => (userId ? ((await deps.store.users.get(userId))?.rememberedFacts ?? {}) : {}));
  const progress = new FindProgress(remembered);
  const { facts, skipped } = progress;
  if (Object.keys(remembered).length > 0) await ctx.reply(ctx.t("find-remembered-used"));

  let candidates: string[] = [];
  let step: Step = { kind: "need" };
  let last: ConversationContext = ctx;
  let retries = 0;

  for (let i = 0; i < MAX_STEPS; i++) {
    if (step.kind === "need") {
      await askNeed(last);
      const reply = await waitReply(conversation, locale);
      if (reply.kind === "end") return;
      last = reply.ctx;
      if (reply.kind === "back") continue;
      const need =
        reply.kind === "callback" && reply.data.startsWith(CB.need)
          ? NEEDS.find((n) => n.key === reply.data.slice(CB.need.length))
          : reply.kind === "text"
            ? needFromText(reply.text)
            : reply.kind === "unknown"
              ? NEEDS.find((n) => n.key === "all")
              : undefined;
      if (!need) {
        // A question about something else ("余杭哪里能热饭?" is a need too, but "明天天气怎么样?" is not).
        if (reply.kind === "text" && reply.question) return leaveForQuestion(conversation, last, FIND_MESSAGES);
        await last.reply(last.t("find-need-unknown"));
        continue;
      }
      candidates = await conversation.external(async () => {
        return deps.catalogue.programmes.filter((p) => need.categories === "all" || need.categories.includes(p.category)).map((p) => p.id);
      });
      // "我在淮安,看病自己花了四千多": what the member already said is not asked again.
      const typed = reply.kind === "text" ? reply.text : "";
      const said = typed ? await conversation.external(() => statedIn(deps, typed, locale)) : null;
      const set = said ? progress.takeStated(said.facts) : [];
      if (said) await tellStated(last, said, locale);
      progress.done(step, set);
      // A place remembered from an earlier check is not asked again either.
      const placeKnown = progress.placeKnown();
      // "和平镇的,…": the town is in several counties, so the place is asked, saying which they are.
      const shared = !placeKnown && typed ? await conversation.external(() => sharedTownIn(deps, typed, locale)) : null;
      if (shared) await last.reply(last.t("find-where-town-shared", shared));
      step = placeKnown ? await nextStep() : { kind: "where" };
      continue;
    }

    if (step.kind === "where") {
      const programmes = await conversation.external(() => programmesByIds(deps, candidates));
      await askWhere(last, deps, programmes, locale);
      const reply = await waitReply(conversation, locale);
      if (reply.kind === "end") return;
      last = reply.ctx;
      if (reply.kind === "back") {
        step = progress.back();
        continue;
      }
      if (reply.kind === "callback" && reply.data === CB.unsay) {
        progress.unsay();
        await last.reply(last.t("find-unsaid"));
        continue;
      }
      let place: { facts: Facts; label: string } | null = null;
      if (reply.kind === "callback" && reply.data === CB.whereOther) {
        await last.reply(last.t("find-where-type"));
        continue;
      }
      if ((reply.kind === "callback" && reply.data === CB.whereSkip) || reply.kind === "unknown") {
        // "不想说" / "不知道": no place question later either.
        progress.skip(step, PLACE_FACTS.filter((f) => facts[f] === undefined));
        step = await nextStep();
        continue;
      }
      if (reply.kind === "callback" && reply.data.startsWith(CB.where)) {
        const id = reply.data.slice(CB.where.length);
        place = await conversation.external(async () => {
          const p = (await programmesByIds(deps, [id]))[0];
          return p ? { facts: regionFacts(p), label: shortPlace(deps, p, locale) ?? "" } : null;
        });
      } else if (reply.kind === "text") {
        const text = reply.text;
        // A bare name ("淮安"), else a sentence that names the place and maybe more ("我在淮安,看病自己花了四千多").
        place = await conversation.external(() => resolveTypedPlace(deps, text, locale));
        if (!place) {
          if (reply.question) return leaveForQuestion(conversation, last, FIND_MESSAGES);
          const said = await conversation.external(() => statedIn(deps, text, locale));
          if (said?.facts.province) {
            // The place said replaces the one known.
            const set = progress.takeStated(said.facts);
            await tellStated(last, said, locale);
            progress.done(step, set);
            step = await nextStep();
            continue;
          }
          // A town name several counties share: say which they are, so the member can name one.
          const shared = await conversation.external(() => sharedTownIn(deps, text, locale));
          // Echo at most a few words: a pasted essay would make the reply longer than Telegram accepts.
          await last.reply(shared ? last.t("find-where-town-shared", shared) : last.t("find-where-unknown", { text: truncate(text.trim(), 31) }));
          continue;
        }
      } else if (reply.kind === "location") {
        const { latitude, longitude } = reply;
        place = await conversation.external(() => placeNear(deps, latitude, longitude, locale));
      }
      if (!place) {
        await last.reply(last.t("find-where-type"));
        continue;
      }
      const set = progress.setPlace(place.facts);
      await last.reply(last.t("find-where-set", { place: place.label }));
      progress.done(step, set);
      step = await nextStep();
      continue;
    }

    if (step.kind === "fact") {
      const fact = step.fact;
      const places = await conversation.external(async () => regionButtons(deps, await programmesByIds(deps, candidates), fact, locale));
      const question = await conversation.external(async () => {
        const results = await evaluateMany(deps, candidates, facts, today);
        return results.find((r) => r.next_fact === fact)?.next_question ?? null;
      });
      await sendQuestion(last, { fact, places }, locale, progress.asked + 1, true, question);
      const reply = await waitReply(conversation, locale);
      if (reply.kind === "end") return;
      last = reply.ctx;
      if (reply.kind === "back") {
        retries = 0;
        step = progress.back();
        continue;
      }
      if (reply.kind === "callback" && reply.data === CB.unsay) {
        progress.unsay();
        await last.reply(last.t("find-unsaid"));
        step = await nextStep();
        continue;
      }
      // A new question typed instead of an answer ("余杭哪里能热饭?"): leave and let the bot answer it.
      if (reply.kind === "text" && reply.question) return leaveForQuestion(conversation, last, FIND_MESSAGES);
      const outcome = await interpretReply(conversation, deps, fact, reply, today);
      if (outcome.kind === "ignore") continue;
      if (outcome.kind === "retry") {
        retries++;
        if (retries <= MAX_RETRIES) {
          await last.reply(last.t("find-answer-retry", { example: outcome.hint }));
          continue;
        }
        progress.skip(step, [fact]);
      } else if (outcome.kind === "skip") {
        progress.skip(step, [fact]);
      } else {
        Object.assign(facts, outcome.facts);
        progress.done(step, Object.keys(outcome.facts));
      }
      retries = 0;
      progress.asked++;
      step = await nextStep();
      continue;
    }

    // Results: the list, then details / remember / done until the member moves on.
    const { results, programmes } = await conversation.external(async () => ({
      results: await evaluateMany(deps, candidates, facts, today),
      programmes: await programmesByIds(deps, candidates),
    }));
    await showResults(last, locale, programmes, results);
    let unsaid = false;
    for (; i < MAX_STEPS; i++) {
      const reply = await waitReply(conversation, locale);
      if (reply.kind === "end") return;
      last = reply.ctx;
      if (reply.kind === "back") break;
      if (reply.kind === "callback" && reply.data === CB.unsay) {
        progress.unsay();
        await last.reply(last.t("find-unsaid"));
        unsaid = true;
        break;
      }
      if (reply.kind === "callback" && reply.data.startsWith(CB.more)) {
        const id = reply.data.slice(CB.more.length);
        const p = programmes.find((x) => x.id === id);
        const r = results.find((x) => x.programme.id === id);
        if (p && r) await replyHtmlIn(last, formatCheckResult(last.t.bind(last), locale, p, r));
        continue;
      }
      if (reply.kind === "callback" && reply.data === CB.remember && userId) {
        await rememberFacts(conversation, deps, userId, facts);
        await last.reply(last.t("find-remember-done"));
        return;
      }
      if (reply.kind === "callback" && reply.data === CB.done) {
        await last.reply(last.t("find-finished"));
        return;
      }
      // Anything else (a new question typed): leave the results and let the bot answer it.
      if (reply.kind === "text" || reply.kind === "unknown") return conversation.halt({ next: true });
    }
    if (i >= MAX_STEPS) break;
    step = unsaid ? await nextStep() : progress.back();
  }

  await last.reply(last.t("find-finished"));

  /** The next unanswered fact that can still change a verdict, or the results. */
  async function nextStep(): Promise<Step> {
    if (progress.asked >= MAX_QUESTIONS) return { kind: "results" };
    const next = await conversation.external(async () => {
      const results = await evaluateMany(deps, candidates, facts, today);
      // Questions whose answer cannot change any open programme's verdict are not asked.
      const settled = await settledFacts(deps, candidates, facts, today, results);
      const open = results.map((r) => ({ ...r, missing: r.missing.filter((f) => !skipped.has(f) && !settled.has(f) && f !== "date") }));
      return nextQuestionAcross(open)?.fact ?? null;
    });
    return next ? { kind: "fact", fact: next } : { kind: "results" };
  }
}
