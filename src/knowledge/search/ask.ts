/**
 * One question -> Answer: analyse, search, merge provider hits (stations), compose the answer or the
 * "not found, next step" text.
 */
import { translate } from "../../i18n.js";
import type { Logger } from "../../logger.js";
import type { AskOptions, HitProvider } from "../knowledge.js";
import type { QueryAnalysis } from "../text/analyze.js";
import type { Answer, Hit } from "../types.js";
import { composeAnswer, notFoundAnswer, relatedAnswer } from "./answer.js";
import type { SearchEngine } from "./engine.js";
import type { Locale } from "../../locale.js";

export const MAX_ANSWER_CHARS = 220;
/** Places provider hits (stations) may take; a provider is asked for no more, so the stations its answer names are the ones listed. */
const PROVIDER_SLOTS = 2;
/** A guess lists few passages: the member reads them to judge. */
const RELATED_HITS = 3;

export interface AskContext {
  engine: SearchEngine;
  analyze(question: string): QueryAnalysis;
  providers: readonly HitProvider[];
  logger?: Logger;
}

export async function answerQuestion(question: string, ctx: AskContext, options: AskOptions = {}): Promise<Answer> {
  const q = question.trim();
  const analysis = ctx.analyze(q);
  const locale: Locale = options.locale ?? (analysis.english ? "en" : "zh-CN");
  const limit = options.limit ?? 5;
  const result = ctx.engine.search(analysis, limit, { locale });
  const extra: Hit[] = [];
  for (const provider of ctx.providers) {
    try {
      extra.push(...(await provider.search(analysis, Math.min(limit, PROVIDER_SLOTS))));
    } catch (error) {
      ctx.logger?.warn({ err: error, provider: provider.kind }, "hit provider failed");
    }
  }
  ctx.logger?.debug({ q, terms: analysis.terms, reason: result.reason }, "ask");
  if (!result.found && extra.length === 0) {
    const place = result.missingPlace ?? undefined;
    const detail = result.reason?.startsWith("passage lacks") ? missingLabel(result.reason, locale) : undefined;
    // Weather, today, tomorrow: say why (nothing dated), and where such answers come from.
    const timely = analysis.asked.timely === true && !place;
    // Content on the question's topic that does not state what was asked is offered as "may be related", said
    // plainly to be a guess; off-topic candidates, other places and undated stories for "now" questions are not.
    if (result.confidence === "related" && !place && !timely) {
      const related = result.hits.slice(0, RELATED_HITS).map((r) => r.hit);
      return { q, found: false, confidence: "related", answer: relatedAnswer(locale, detail), hits: related };
    }
    return { q, found: false, confidence: "none", answer: notFoundAnswer(locale, { place, timely }), hits: [] };
  }
  // A provider answers only the questions it is for ("余杭哪里能热饭?" asks where: the stations), so its hits
  // lead, in up to two places; content hits (the programme behind the stations, news) follow.
  const content = result.found ? result.hits.map((r) => r.hit) : [];
  const hits = mergeProviderHits(extra, content, limit);
  const quote = hits[0] === content[0] ? ctx.engine.answerText(result.hits[0], analysis, MAX_ANSWER_CHARS, locale, result.hits) : hits[0].snippet;
  const answer = composeAnswer(hits, quote, locale);
  // Content leads (sample stations never push it out of the first places), but the question asked where:
  // the stations listed below are named in the answer too, marked as samples while they are.
  const stations = hits[0]?.kind === "station" ? undefined : stationsParagraph(hits, locale);
  // Sample stations are not real places: a reply made of them alone is shown, marked as samples, but it is
  // not an answer to where a member can go.
  if (!result.found && hits.every((h) => h.sample)) return { q, found: false, confidence: "related", answer, hits };
  if (!stations) return { q, found: true, confidence: "answer", answer, hits };
  return { q, found: true, confidence: "answer", answer: `${answer}\n\n${stations}`, hits, stations };
}

/** The station hits' own answer (the first one carries it), with the sample note; undefined without station hits. */
function stationsParagraph(hits: readonly Hit[], locale: Locale): string | undefined {
  const first = hits.find((h) => h.kind === "station");
  if (!first?.lead) return undefined;
  return first.sample ? `${first.lead}\n${translate(locale, "search-sample-stations-note")}` : first.lead;
}

/** Content hits a sample station may never push out of the first places. */
export const CONTENT_BEFORE_SAMPLES = 3;

/**
 * Provider hits (stations) lead in up to two places. Sample stations are not real places: while the list is
 * the sample set they follow the first three content hits, so a story about the very station asked for stays
 * in view; real stations lead as before.
 */
export function mergeProviderHits(extra: readonly Hit[], content: readonly Hit[], limit: number): Hit[] {
  const real = extra.filter((h) => !h.sample);
  const samples = extra.filter((h) => h.sample);
  const reserved = Math.min(real.length, PROVIDER_SLOTS, limit);
  const lead = [...real.slice(0, reserved), ...content.slice(0, Math.max(0, CONTENT_BEFORE_SAMPLES - reserved))];
  const rest = content.slice(lead.length - reserved);
  // Sample stations still get their places when no content answers (they are all there is, marked as samples).
  const sampleSlots = Math.min(samples.length, Math.max(0, PROVIDER_SLOTS - reserved));
  return [...lead, ...samples.slice(0, sampleSlots), ...rest].slice(0, limit);
}

function missingLabel(reason: string, locale: Locale): string {
  const items = reason.replace(/^passage lacks /, "").split(", ");
  return items
    .map((item) => (/^(money|count|phone|date|day|year|place|person|apply|benefit|duration|hours|cost|ratio)$/.test(item) ? translate(locale, `search-fact-${item}`) : item))
    .join(locale === "en" ? ", " : "、");
}
