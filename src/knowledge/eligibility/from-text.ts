/**
 * Facts a member states in a question or a sentence ("我在淮安,看病自己花了四千多,工会能兜底吗?",
 * "I lost my job, am I eligible for training in Haiyan?"), so a guided check does not ask them again.
 * Only what the words say is taken: "困难家庭" is a hardship family, "失业" is out of work (not
 * "registered unemployed"), 低保 is not 建档困难职工, an amount without "自己/自费" next to medical costs is
 * the total, not the self-paid part. How the words are said (negated, hedged, asked, of oneself) is read by
 * ./stated-mention.ts, amounts and age by ./stated-amounts.ts; the words per fact are in
 * data/dict/stated-facts.yaml (./stated-words.ts). Places come from a place finder (the gazetteer) when one
 * is given.
 */
import { type FactValue, matchOption } from "./answers.js";
import { FACTS } from "./facts.js";
import { ageIn, medicalAmountsIn } from "./stated-amounts.js";
import { clauseBreaks, clauseOf, hedgedOrAsked, mentionOf, negated } from "./stated-mention.js";
import type { PlaceFinder } from "./stated-place.js";
import { statedWords } from "./stated-words.js";

export { mostSpecificPlace, namedPlace, placeFactsOf, placeFinderFrom } from "./stated-place.js";
export type { NamedPlace, PlaceFinder } from "./stated-place.js";

export interface StatedFacts {
  facts: Record<string, FactValue>;
  /** The place as named (for the "from what you said" line), when one was found. */
  placeLabel?: string;
}

/** Longest text read: a pasted essay is not a question, and the patterns stay cheap. */
const MAX_TEXT = 500;

/** Facts stated in a sentence. Unreadable, absurd, hedged or asked parts are left out (never guessed). */
export function factsFromText(input: string, places?: PlaceFinder): StatedFacts {
  const text = input.normalize("NFKC").slice(0, MAX_TEXT);
  const facts: Record<string, FactValue> = {};
  let placeLabel: string | undefined;

  const place = places?.placeIn(text);
  const placeWords = place?.words ?? [];
  if (place) {
    Object.assign(facts, place.facts);
    placeLabel = place.label;
  }

  const words = statedWords();
  const breaks = clauseBreaks(text);
  const doubted = new Set<string>();
  const negated = new Set<string>();
  for (const s of words.facts) {
    for (const m of text.matchAll(s.pattern)) {
      const mention = mentionOf(text, breaks, m.index!, m.index! + m[0].length, { aboutSelf: s.aboutSelf, placeWords });
      if (mention === "skip") continue;
      if (mention === "doubt") doubted.add(s.fact);
      else if (mention === "no") {
        // "我家是困难家庭，还没建档": a "not (yet)" anywhere wins over the plain mention.
        facts[s.fact] = false;
        negated.add(s.fact);
      } else if (facts[s.fact] === undefined) facts[s.fact] = true;
    }
  }
  // "不太清楚我家算不算建档" beside "困难户": unsure wins over a plain mention, a definite "no" over both.
  for (const fact of doubted) if (!negated.has(fact)) delete facts[fact];
  // "困难家庭" read as registered also matched inside "临界困难家庭": the more specific word wins.
  for (const rule of words.moreSpecific) {
    if (facts[rule.fact] !== undefined && rule.words.test(text) && !rule.unless.test(text)) delete facts[rule.over];
  }

  const occupation = valueIn(text, breaks, "occupation");
  if (occupation) facts.occupation = occupation;
  const disability = disabilityIn(text, breaks, placeWords);
  if (disability) Object.assign(facts, disability);
  const diagnosis = valueIn(text, breaks, "diagnosis");
  if (diagnosis) facts.diagnosis = diagnosis;
  const certificate = certificateIn(text, breaks);
  if (certificate !== undefined) facts.social_worker_certificate = certificate;

  const age = ageIn(text);
  if (age !== undefined) facts.age = age;

  Object.assign(facts, medicalAmountsIn(text));
  return { facts, placeLabel };
}

interface ValueWords {
  value: string;
  /** Global, for matchAll only: matchAll matches with a copy, so this one's lastIndex stays 0 for the next message. */
  pattern: RegExp;
}

/**
 * Words for each value of a choice fact: data/dict/stated-facts.yaml, plus the registry's labels and aliases,
 * compiled once per fact.
 */
const valuePatterns = new Map<string, ValueWords[]>();

function patternsFor(fact: string): ValueWords[] {
  let list = valuePatterns.get(fact);
  if (list) return list;
  list = statedWords().values.filter((v) => v.fact === fact).map(({ value, pattern }) => ({ value, pattern }));
  for (const option of FACTS.get(fact)?.options ?? []) {
    if (typeof option.value !== "string") continue;
    // Two-character words such as 外卖, 快递, 工人 are too often about something else ("点外卖", "快递柜"); those
    // that do name a job (骑手, 医生) are listed in data/dict/stated-facts.yaml.
    const names = [option.label, option.label_en, ...(option.aliases ?? [])].filter((n) => n.length >= 3);
    if (names.length === 0) continue;
    const source = names.map((n) => (/^[\x20-\x7e]+$/.test(n) ? `(?<![a-z])${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![a-z])` : n)).join("|");
    list.push({ value: option.value, pattern: new RegExp(source, "gi") });
  }
  valuePatterns.set(fact, list);
  return list;
}

/**
 * The value whose words match longest (外卖骑手 over 骑手) among those said plainly: "not a courier but a
 * rider" is a rider. A hedged or asked mention leaves the fact unknown.
 */
function valueIn(text: string, breaks: boolean[], fact: string): string | undefined {
  let best: { value: string; length: number } | undefined;
  for (const { value, pattern } of patternsFor(fact)) {
    for (const m of text.matchAll(pattern)) {
      const mention = mentionOf(text, breaks, m.index!, m.index! + m[0].length);
      if (mention === "doubt") return undefined;
      if (mention === "yes" && (!best || m[0].length > best.length)) best = { value, length: m[0].length };
    }
  }
  return best?.value;
}

/**
 * The kind of disability and, said in the same clause, whether it is severe (重度, 一级 …); a disability of
 * no stated kind ("我老公残疾", "I'm disabled") is a yes, and "没有残疾", "I don't have any disability" a no.
 */
function disabilityIn(text: string, breaks: boolean[], placeWords: string[]): Record<string, FactValue> | undefined {
  for (const { value, pattern } of patternsFor("disability")) {
    // The first naming of this kind only.
    const [m] = text.matchAll(pattern);
    if (!m) continue;
    const start = m.index!;
    const mention = mentionOf(text, breaks, start, start + m[0].length);
    if (mention === "doubt") return undefined;
    if (mention === "no") return { disability: false };
    return { disability: value, ...severityAround(text, breaks, start, start + m[0].length) };
  }
  // Of no stated kind: a definite no beats the rest, a doubt beats a plain yes (as for yes/no facts).
  let said: { start: number; end: number } | undefined;
  let doubted = false;
  for (const m of text.matchAll(statedWords().disabilityUnspecified)) {
    const mention = mentionOf(text, breaks, m.index!, m.index! + m[0].length, { aboutSelf: true, placeWords });
    if (mention === "no") return { disability: false };
    if (mention === "doubt") doubted = true;
    if (mention === "yes") said ??= { start: m.index!, end: m.index! + m[0].length };
  }
  if (!said || doubted) return undefined;
  return { disability: true, ...severityAround(text, breaks, said.start, said.end) };
}

/** 重度/一级 or 轻度/三级 in the clause that states a disability, unless hedged. */
function severityAround(text: string, breaks: boolean[], start: number, end: number): Record<string, FactValue> {
  const clause = clauseOf(text, breaks, start, end);
  const around = `${clause.before}${text.slice(start, end)}${clause.after}`;
  const words = statedWords();
  if (words.hedges.test(around)) return {};
  if (words.severe.test(around)) return { severe_disability: true };
  if (words.notSevere.test(around)) return { severe_disability: false };
  return {};
}

/** A social-worker certificate and its level, from the clause that names it ("助理社工师证", "社工证还没考出来"). */
function certificateIn(text: string, breaks: boolean[]): FactValue | undefined {
  const m = statedWords().certificate.exec(text);
  if (!m) return undefined;
  const clause = clauseOf(text, breaks, m.index, m.index + m[0].length);
  if (hedgedOrAsked(clause)) return undefined;
  const options = FACTS.get("social_worker_certificate")?.options ?? [];
  const level = matchOption(options, `${clause.before}${m[0]}${clause.after}`);
  if (level) return level.value;
  return !negated(clause.before);
}
