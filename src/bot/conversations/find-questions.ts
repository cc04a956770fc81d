/** Asking one fact (question text and answer buttons) and reading the answer into facts. */
import { InlineKeyboard } from "grammy";
import { FACTS, factsFromText, isDontKnow, parseAnswer } from "../../knowledge/eligibility/index.js";
import type { BotConversation, BotDeps, ConversationContext } from "../context.js";
import { escapeHtml } from "../html.js";
import { placeNear, regionFacts, resolveTypedPlace } from "./find-places.js";
import { CB, type Facts, type Reply, navRow, newRow } from "./find-shared.js";

export interface FactQuestion {
  fact: string;
  /** For place facts: programmes whose region can be picked with one tap. */
  places: { id: string; label: string }[];
}

export function questionText(fact: string, locale: string, fallback?: string | null): string {
  const spec = FACTS.get(fact);
  if (!spec) return fallback ?? fact;
  return locale === "en" ? spec.question_en : (fallback ?? spec.question);
}

/** Sends the question for one fact with its answer buttons. */
export async function sendQuestion(ctx: ConversationContext, q: FactQuestion, locale: string, n: number, withBack: boolean, question?: string | null): Promise<void> {
  const spec = FACTS.get(q.fact);
  const t = ctx.t.bind(ctx);
  const keyboard = new InlineKeyboard();
  const lines = [`<b>${escapeHtml(questionText(q.fact, locale, locale === "en" ? null : question))}</b> ${t("find-question-progress", { n })}`];
  if (spec?.type === "boolean") {
    keyboard.text(t("find-answer-yes"), `${CB.answer}${q.fact}:y`).text(t("find-answer-no"), `${CB.answer}${q.fact}:n`);
  } else if (spec?.type === "place") {
    q.places.forEach((p, i) => {
      keyboard.text(p.label, `${CB.place}${p.id}`);
      if (i % 3 === 2) newRow(keyboard);
    });
    lines.push(t("find-answer-type-hint", { example: spec.example }));
  } else if (spec?.options) {
    spec.options.forEach((o, i) => {
      keyboard.text(locale === "en" ? o.label_en : o.label, `${CB.answer}${q.fact}:${i}`);
      if (i % 2 === 1) newRow(keyboard);
    });
    lines.push(t("find-answer-type-hint", { example: spec.example }));
  } else if (spec?.type === "number") {
    lines.push(t("find-answer-number-hint", { example: spec.example }));
  } else if (spec) {
    lines.push(t("find-answer-type-hint", { example: spec.example }));
  }
  newRow(keyboard).text(t("find-answer-unknown"), `${CB.answer}${q.fact}:skip`);
  navRow(keyboard, t, withBack);
  if (spec?.sensitive) lines.push(t("find-sensitive-note"));
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML", reply_markup: keyboard });
}

export type AnswerOutcome = { kind: "set"; facts: Facts } | { kind: "skip" } | { kind: "retry"; hint: string } | { kind: "ignore" };

/** interpretAnswer with programme regions from the catalogue, run outside the conversation's replay. */
export function interpretReply(conversation: BotConversation, deps: BotDeps, fact: string, reply: Reply, today: string): Promise<AnswerOutcome> {
  return conversation.external(async () => {
    const { catalogue } = deps;
    return interpretAnswer(deps, fact, reply, today, (id) => {
      const p = catalogue.get(id);
      return p ? regionFacts(p) : undefined;
    });
  });
}

/** Turns a button press or typed text into facts for the asked fact. */
export function interpretAnswer(deps: BotDeps, fact: string, reply: Reply, today: string, regionOf: (id: string) => Facts | undefined): AnswerOutcome {
  const spec = FACTS.get(fact);
  if (!spec) return { kind: "skip" };
  // "不知道", "我不太清楚": an answer; the fact stays unknown.
  if (reply.kind === "unknown") return { kind: "skip" };
  if (reply.kind === "callback") {
    if (reply.data.startsWith(CB.place)) {
      const facts = regionOf(reply.data.slice(CB.place.length));
      return facts ? { kind: "set", facts } : { kind: "ignore" };
    }
    if (!reply.data.startsWith(`${CB.answer}${fact}:`)) return { kind: "ignore" };
    const value = reply.data.slice(`${CB.answer}${fact}:`.length);
    if (value === "skip") return { kind: "skip" };
    if (value === "y" || value === "n") return { kind: "set", facts: { [fact]: value === "y" } };
    const option = spec.options?.[Number(value)];
    return option ? { kind: "set", facts: { [fact]: option.value } } : { kind: "ignore" };
  }
  if (reply.kind === "location" && spec.type === "place") {
    const near = placeNear(deps, reply.latitude, reply.longitude);
    return near ? { kind: "set", facts: near.facts } : { kind: "retry", hint: spec.example };
  }
  if (reply.kind !== "text") return { kind: "retry", hint: spec.example };
  if (isDontKnow(reply.text)) return { kind: "skip" };
  if (spec.type === "place") {
    const place = resolveTypedPlace(deps, reply.text);
    if (place) return { kind: "set", facts: place.facts };
    return { kind: "retry", hint: spec.example };
  }
  // A sentence instead of a bare answer ("报销完自己出了五千多", "I'm a nurse", "我是智力残疾"): the facts it
  // states, when it states the asked one (its word for a job or an illness, not the sentence as typed).
  const stated = factsFromText(reply.text).facts;
  if (stated[fact] !== undefined) return { kind: "set", facts: stated };
  if (spec.derivedFrom) {
    // Asked for self-paid, told the total or the reimbursement instead ("一共花了一万", "报销了六千五").
    const part = derivedPart(reply.text, today);
    if (part) return { kind: "set", facts: part };
  }
  const parsed = parseAnswer(spec, reply.text, today);
  if (!parsed.ok) return { kind: "retry", hint: parsed.example };
  return { kind: "set", facts: { [fact]: parsed.value } };
}


/** "一共花了一万" -> medical_total_yuan; "报销了6500" -> insurance_reimbursed_yuan; else undefined. */
function derivedPart(text: string, today: string): Facts | undefined {
  const total = /(一共|总共|总计|合计|全部|总花费|总的)[^\d一二两三四五六七八九十百千万]*(.+?)$/.exec(text);
  const reimbursed = /报(销)?(了)?[^\d一二两三四五六七八九十百千万]*(.+?)$/.exec(text);
  const read = (s: string, fact: string) => {
    const parsed = parseAnswer(fact, s, today);
    return parsed.ok ? parsed.value : undefined;
  };
  if (total) {
    const v = read(total[2]!, "medical_total_yuan");
    if (v !== undefined) return { medical_total_yuan: v };
  }
  if (reimbursed) {
    const v = read(reimbursed[3]!, "insurance_reimbursed_yuan");
    if (v !== undefined) return { insurance_reimbursed_yuan: v };
  }
  return undefined;
}
