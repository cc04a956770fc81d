/**
 * /find and the 我能申请什么 button: need → where → only the questions the candidate programmes still
 * need → the result list (eligible first, then "might qualify: missing X", then not eligible with the
 * reason). Back and cancel work at every step; a long silence ends it politely (see waitReply).
 *
 * Replay safety (@grammyjs/conversations): catalogue, store, clock and evaluation go through
 * conversation.external; every loop is bounded by MAX_STEPS.
 */
import { InlineKeyboard } from "grammy";
import { nextQuestionAcross, todayIn } from "../../knowledge/eligibility/index.js";
import { leaveForQuestion } from "./wait-step.js";
import type { BotConversation, ConversationContext } from "../context.js";
import { useReplyLocale } from "../reply-locale.js";
import { replyHtml } from "../reply.js";
import { truncate } from "../html.js";
import { formatCheckResult, formatResultList } from "./find-results.js";
import { NEEDS, needFromText } from "./find-needs.js";
import {
  CB,
  FIND_MESSAGES,
  type Facts,
  MAX_QUESTIONS,
  MAX_RETRIES,
  MAX_STEPS,
  evaluateMany,
  navRow,
  newRow,
  programmesByIds,
  rememberFacts,
  settledFacts,
  waitReply,
} from "./find-shared.js";
import { interpretReply, sendQuestion } from "./find-questions.js";
import { placeNear, regionFacts, regionName, resolveTypedPlace, sharedTownIn, shortPlace, statedIn, tellStated } from "./find-places.js";

export const FIND_CONVERSATION = "find";

type Step = { kind: "need" } | { kind: "where" } | { kind: "fact"; fact: string } | { kind: "results" };

interface HistoryEntry {
  step: Step;
  /** Facts set by this step (removed again on "back"). */
  set: string[];
  /** Facts the member chose not to answer at this step. */
  skipped?: string[];
}

const PLACE_FACTS = ["province", "city", "county"];

export async function findConversation(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
  const deps = ctx.deps;
  const userId = ctx.from?.id;
  const locale = await conversation.external((c) => c.i18n.getLocale());
  useReplyLocale(ctx, locale);
  const today = await conversation.external(() => todayIn(deps.config.TIME_ZONE));
  const remembered = await conversation.external(async () => (userId ? ((await deps.store.users.get(userId))?.rememberedFacts ?? {}) : {}));
  const facts: Facts = { ...remembered };
  if (Object.keys(remembered).length > 0) await ctx.reply(ctx.t("find-remembered-used"));

  let candidates: string[] = [];
  const skipped = new Set<string>();
  /** Facts taken from the member's own words (dropped again by "不对,重新问我"). */
  let stated: string[] = [];
  const history: HistoryEntry[] = [];
  let step: Step = { kind: "need" };
  let last: ConversationContext = ctx;
  let asked = 0;
  let retries = 0;

  const goBack = () => {
    const entry = history.pop();
    if (!entry) return { kind: "need" } as Step;
    for (const f of entry.set) delete facts[f];
    for (const f of entry.skipped ?? []) skipped.delete(f);
    if (entry.step.kind === "fact") asked = Math.max(0, asked - 1);
    return entry.step;
  };

  for (let i = 0; i < MAX_STEPS; i++) {
    if (step.kind === "need") {
      const keyboard = new InlineKeyboard();
      NEEDS.forEach((n, index) => {
        keyboard.text(last.t(n.label), `${CB.need}${n.key}`);
        if (index % 2 === 1) newRow(keyboard);
      });
      navRow(keyboard, last.t.bind(last), false);
      await last.reply(last.t("find-need-prompt"), { parse_mode: "HTML", reply_markup: keyboard });
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
      const set = said ? takeStated(said.facts) : [];
      if (said) await tellStated(last, said, locale);
      history.push({ step, set });
      // A place remembered from an earlier check is not asked again either.
      const placeKnown = PLACE_FACTS.some((f) => facts[f] !== undefined);
      // "和平镇的,…": the town is in several counties, so the place is asked, saying which they are.
      const shared = !placeKnown && typed ? await conversation.external(() => sharedTownIn(deps, typed, locale)) : null;
      if (shared) await last.reply(last.t("find-where-town-shared", shared));
      step = placeKnown ? await nextStep() : { kind: "where" };
      continue;
    }

    if (step.kind === "where") {
      const programmes = await conversation.external(() => programmesByIds(deps, candidates));
      const keyboard = new InlineKeyboard();
      const seen = new Set<string>();
      for (const p of programmes) {
        const label = shortPlace(deps, p, locale);
        if (!label || seen.has(label) || seen.size >= 8) continue;
        seen.add(label);
        keyboard.text(label, `${CB.where}${p.id}`);
        if (seen.size % 4 === 0) newRow(keyboard);
      }
      newRow(keyboard).text(last.t("find-where-other"), CB.whereOther).text(last.t("find-where-skip"), CB.whereSkip);
      navRow(keyboard, last.t.bind(last), true);
      await last.reply(last.t("find-where-prompt"), { parse_mode: "HTML", reply_markup: keyboard });
      const reply = await waitReply(conversation, locale);
      if (reply.kind === "end") return;
      last = reply.ctx;
      if (reply.kind === "back") {
        step = goBack();
        continue;
      }
      if (reply.kind === "callback" && reply.data === CB.unsay) {
        unsay();
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
        const place = PLACE_FACTS.filter((f) => facts[f] === undefined);
        for (const f of place) skipped.add(f);
        history.push({ step, set: [], skipped: place });
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
            for (const f of PLACE_FACTS) delete facts[f];
            const set = takeStated(said.facts);
            await tellStated(last, said, locale);
            history.push({ step, set });
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
      for (const f of PLACE_FACTS) delete facts[f];
      Object.assign(facts, place.facts);
      await last.reply(last.t("find-where-set", { place: place.label }));
      history.push({ step, set: Object.keys(place.facts) });
      step = await nextStep();
      continue;
    }

    if (step.kind === "fact") {
      const fact = step.fact;
      const places = await conversation.external(async () => placeButtons(fact));
      const question = await conversation.external(async () => {
        const results = await evaluateMany(deps, candidates, facts, today);
        return results.find((r) => r.next_fact === fact)?.next_question ?? null;
      });
      await sendQuestion(last, { fact, places }, locale, asked + 1, true, question);
      const reply = await waitReply(conversation, locale);
      if (reply.kind === "end") return;
      last = reply.ctx;
      if (reply.kind === "back") {
        retries = 0;
        step = goBack();
        continue;
      }
      if (reply.kind === "callback" && reply.data === CB.unsay) {
        unsay();
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
        skipped.add(fact);
        history.push({ step, set: [], skipped: [fact] });
      } else if (outcome.kind === "skip") {
        skipped.add(fact);
        history.push({ step, set: [], skipped: [fact] });
      } else {
        Object.assign(facts, outcome.facts);
        history.push({ step, set: Object.keys(outcome.facts) });
      }
      retries = 0;
      asked++;
      step = await nextStep();
      continue;
    }

    // Results: the list, then details / remember / done until the member moves on.
    const { results, programmes } = await conversation.external(async () => ({
      results: await evaluateMany(deps, candidates, facts, today),
      programmes: await programmesByIds(deps, candidates),
    }));
    const order = { eligible: 0, unknown: 1, not_eligible: 2 } as const;
    results.sort((a, b) => order[a.verdict] - order[b.verdict]);
    const { html, keyboard } = formatResultList(last.t.bind(last), locale, programmes, results);
    navRow(keyboard, last.t.bind(last), true);
    await replyHtmlIn(last, html, keyboard);
    let unsaid = false;
    for (; i < MAX_STEPS; i++) {
      const reply = await waitReply(conversation, locale);
      if (reply.kind === "end") return;
      last = reply.ctx;
      if (reply.kind === "back") break;
      if (reply.kind === "callback" && reply.data === CB.unsay) {
        unsay();
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
    step = unsaid ? await nextStep() : goBack();
  }

  await last.reply(last.t("find-finished"));

  /** The next unanswered fact that can still change a verdict, or the results. */
  async function nextStep(): Promise<Step> {
    if (asked >= MAX_QUESTIONS) return { kind: "results" };
    const next = await conversation.external(async () => {
      const results = await evaluateMany(deps, candidates, facts, today);
      // Questions whose answer cannot change any open programme's verdict are not asked.
      const settled = await settledFacts(deps, candidates, facts, today, results);
      const open = results.map((r) => ({ ...r, missing: r.missing.filter((f) => !skipped.has(f) && !settled.has(f) && f !== "date") }));
      return nextQuestionAcross(open)?.fact ?? null;
    });
    return next ? { kind: "fact", fact: next } : { kind: "results" };
  }

  /** Adds facts from the member's words (a place replaces the one known) and returns their names. */
  function takeStated(said: Facts): string[] {
    if (PLACE_FACTS.some((f) => said[f] !== undefined)) for (const f of PLACE_FACTS) delete facts[f];
    Object.assign(facts, said);
    const names = Object.keys(said);
    stated = [...new Set([...stated, ...names])];
    return names;
  }

  /** "不对,重新问我": forget what was taken from the member's words and ask for it instead. */
  function unsay(): void {
    for (const f of stated) delete facts[f];
    for (const entry of history) entry.set = entry.set.filter((f) => !stated.includes(f));
    stated = [];
  }

  /** One-tap answers for a place question: the regions of the candidate programmes at that level. */
  async function placeButtons(fact: string): Promise<{ id: string; label: string }[]> {
    if (!["province", "city", "county"].includes(fact)) return [];
    const programmes = await programmesByIds(deps, candidates);
    const seen = new Set<string>();
    const out: { id: string; label: string }[] = [];
    for (const p of programmes) {
      const label = p.region ? regionName(deps.places.gazetteer, p.region, fact as "province" | "city" | "county", locale) : null;
      if (!label || seen.has(label) || out.length >= 6) continue;
      seen.add(label);
      out.push({ id: p.id, label });
    }
    return out;
  }
}

export async function replyHtmlIn(ctx: ConversationContext, html: string, keyboard?: InlineKeyboard): Promise<void> {
  await replyHtml(ctx, html, keyboard ? { reply_markup: keyboard } : {});
}
