/**
 * Facts a member states in a question or a sentence ("我在淮安,看病自己花了四千多,工会能兜底吗?",
 * "I lost my job, am I eligible for training in Haiyan?"), so a guided check does not ask them again.
 * Only what the words say is taken: "困难家庭" is a hardship family, "失业" is out of work (not
 * "registered unemployed"), 低保 is not 建档困难职工, an amount without "自己/自费" next to medical costs is
 * the total, not the self-paid part. Negations ("不是困难家庭", "还没建档") give "no"; a hedge ("不太清楚",
 * "好像", "not sure") or a question ("算困难户吗") leaves the fact unknown, never "no". The words per fact
 * are in data/dict/stated-facts.yaml (./stated-words.ts). Places come from a place finder (the gazetteer)
 * when one is given.
 */
import { type FactValue, type NumberRange, matchOption, parseAmount } from "./answers.js";
import { FACTS } from "./facts.js";
import type { PlaceFinder } from "./stated-place.js";
import { statedWords } from "./stated-words.js";

export { mostSpecificPlace, namedPlace, placeFactsOf, placeFinderFrom } from "./stated-place.js";
export type { NamedPlace, PlaceFinder } from "./stated-place.js";

export interface StatedFacts {
  facts: Record<string, FactValue>;
  /** The place as named (for the "from what you said" line), when one was found. */
  placeLabel?: string;
}

/** Longest text read: a pasted essay is not a question, and the patterns below stay cheap. */
const MAX_TEXT = 500;

// A number as people type it: digits (4200, 4,200, 4.5) or Chinese numerals, with 多/几/出头, a unit and
// range words. Bounded repetitions keep absurd input ("四" × 100000) cheap and unreadable.
const NUM = "[0-9０-９][0-9０-９,，.]{0,11}|[零〇一二两三四五六七八九十百千万]{1,10}";
const UNIT = "(?:块钱|块|元|yuan|rmb)";
const AMOUNT = new RegExp(
  `(?:大概|大约|大致|约|差不多|将近|接近|快|估计|about|around|roughly|approximately|nearly|almost)?\\s*(?:不到|不足|少于|超过|多于|less than|more than|over|under)?\\s*` +
    `(?:${NUM})(?:\\s*[千万kKwW])?(?:[零一二两三四五六七八九]|\\d)?(?:多|出头|几|来|余)?(?:\\s*${UNIT})?` +
    `(?:\\s*(?:到|至|~|～|-|—|–|to)\\s*(?:${NUM})(?:\\s*[千万kKwW])?(?:多|出头)?(?:\\s*${UNIT})?)?` +
    `(?:左右|上下|以上|以下|之间|\\+)?`,
  "gi",
);

const MEDICAL = /看病|医疗|医药|住院|治病|手术|药费|医药费|化疗|透析|medical|hospital|treatment|doctor|bill/i;
const SELF_PAID = /自己|自费|自付|个人|报销后|报完|报销完|报销以后|报销之后|除去报销|扣除报销|自掏腰包|out of pocket|myself|paid yourself|on my own|after insurance|self[- ]?paid|i paid|we paid/i;
const TOTAL = /一共|总共|总计|合计|全部|总花费|in total|total/i;
const REIMBURSED = /报销了|报了|医保报|reimbursed|insurance paid|insurance covered/i;

const SELF = /(我|家|是|属于|算|咱|老公|老婆|丈夫|妻子|爱人|媳妇|儿子|女儿|孩子|父亲|母亲|爸|妈|\bi am|\bi'm|\bwe are|\bwe're|\bmy family|\bour family|\bas a|\bis|\bare)[^,，。.;；!！?？]{0,6}$/i;
/** An English clause with a subject of its own ("I have a disability", "my husband is disabled"). */
const ENGLISH_SUBJECT = /(?<![a-z'’])(i|i'm|im|i've|ive|we|we're|we've|my|our|husband|wife|son|daughter|mother|father|mum|mom|dad)(?![a-z'’])/i;
/**
 * "困难职工能申请什么", "残疾人就业项目", "disabled workers" speak of a group or a programme for it, and do not say
 * the member is one.
 */
const ASKS_ABOUT_GROUP =
  /^(能|可以|可|有|都|怎么|如何|该|的|要|需要|可不可以|能不能|帮扶|政策|补助|补贴|救助|项目|就业|工坊|认定|标准|条件|申请|服务|津贴|辅助|can|may|should|benefits?|aid|support|help|allowances?|subsid|programmes?|programs?|schemes?|services?|workers?|people|persons?)(?![a-z])/i;
/** What may stand around a place name that starts a clause: "淮安的困难户", "Huai'an hardship family". */
const PLACE_FILLER = /^(在|是|来自|住在)?(的|这边的?|那边的?|这里的?|本地的?|人)?$/;
const CJK = /[\u3400-\u9fff]/;
const PAUSE = /[,，。;；!！?？、\n]/;

/** Where each clause ends: punctuation, or a space between Chinese characters (voice input writes no commas). */
function clauseBreaks(text: string): boolean[] {
  const breaks = new Array<boolean>(text.length).fill(false);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (PAUSE.test(ch)) breaks[i] = true;
    // A full stop, but not the point of 4.5.
    else if (ch === "." && !(/\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? ""))) breaks[i] = true;
    else if (/\s/.test(ch) && CJK.test(text[i - 1] ?? "") && CJK.test(text.slice(i).trimStart()[0] ?? "")) breaks[i] = true;
  }
  return breaks;
}

interface Clause {
  /** From the clause start to the words. */
  before: string;
  /** From the words to the clause end. */
  after: string;
  /** The clause that follows (",不太确定"). */
  next: string;
}

function clauseOf(text: string, breaks: boolean[], start: number, end: number): Clause {
  let from = start;
  while (from > 0 && !breaks[from - 1]) from--;
  let to = end;
  while (to < text.length && !breaks[to]) to++;
  let nextEnd = to + 1;
  while (nextEnd < text.length && !breaks[nextEnd]) nextEnd++;
  return { before: text.slice(from, start), after: text.slice(end, to), next: text.slice(to + 1, nextEnd) };
}

type Mention = "yes" | "no" | "doubt" | "skip";

interface MentionOptions {
  /** The words count only when said of oneself or one's family (or as a clause of their own). */
  aboutSelf?: boolean;
  /** Words of the text that name places: "淮安困难户" starts with a place, not with someone else. */
  placeWords?: string[];
}

/** How the words at [start, end) are said: plainly, negated, hedged or asked. */
function mentionOf(text: string, breaks: boolean[], start: number, end: number, options: MentionOptions = {}): Mention {
  const words = statedWords();
  const clause = clauseOf(text, breaks, start, end);
  // Unsure or asking, about oneself or not: the fact is not settled by this message.
  if (words.hedges.test(clause.before) || words.hedges.test(clause.after) || hedgeOnly(clause.next)) return "doubt";
  if (words.asksBefore.test(clause.before) || words.asksAfter.test(clause.after)) return "doubt";
  const no = negated(clause.before);
  // "还没建档" is about oneself too: a negation needs no 我.
  if (options.aboutSelf && !no && !saysOfSelf(clause, options.placeWords ?? [])) return "skip";
  return no ? "no" : "yes";
}

/**
 * Whether the text before the fact's words, in its clause, negates them: a Chinese negation up to 6
 * characters before ("没有残疾", "不是困难户") unless a predicate of its own comes between, an English one anywhere earlier ("I don't have any kind of
 * disability"), neither across a contrast ("不是困难户但是残疾", "not a courier but a rider", "…and I") nor
 * when it only looks like one ("不仅", "not only").
 */
function negated(before: string): boolean {
  const words = statedWords();
  let from = 0;
  for (const m of before.matchAll(words.contrasts)) from = m.index! + m[0].length;
  const scope = before.slice(from).replace(words.notNegations, (w) => "_".repeat(w.length));
  const chinese = words.negationBefore.exec(scope);
  return (chinese !== null && !newPredicate(chinese[1])) || words.negationInClause.test(scope);
}

/**
 * Whether the words between a Chinese negation and the fact start a predicate of their own: in "条件不好是困难户"
 * and "身体不好有残疾" the 不 denies 好, and 是/有 then says the fact. The 有 of 没有, 没人有 belongs to the
 * negation ("没人有残疾", "从来没有建过档").
 */
function newPredicate(between: string): boolean {
  return /[是有]/.test(between.replace(/^(?:有人有|人有|有人|有|人|谁)/, ""));
}

/** A clause that is only a hedge: "…,不太确定", "…, not sure", "记不太清了". */
function hedgeOnly(clause: string): boolean {
  const rest = clause.trim().replace(/^(但是|不过|但|我也|我|but|i'm|i am|im)\s*/i, "");
  const m = statedWords().hedges.exec(rest);
  return !!m && m.index === 0 && /^[了吧啊呢哈的\s.!]*$/.test(rest.slice(m[0].length));
}

function saysOfSelf(clause: Clause, placeWords: string[]): boolean {
  if (SELF.test(clause.before.slice(-8))) return true;
  const aboutGroup = ASKS_ABOUT_GROUP.test(clause.after.trimStart());
  if (!CJK.test(clause.before) && ENGLISH_SUBJECT.test(clause.before)) return !aboutGroup;
  // Nothing before the words but a place: "淮安困难户", "淮安的困难户", "Huai'an hardship family".
  let rest = clause.before.replace(/['’]/g, "");
  for (const word of placeWords) rest = rest.split(word.replace(/['’]/g, "")).join("");
  return PLACE_FILLER.test(rest.trim().toLowerCase().replace(/\s+/g, "")) && !aboutGroup;
}

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
  /** The same words without g, for exec of the first match: exec then keeps no state between messages. */
  first: RegExp;
}

/**
 * Words for each value of a choice fact: data/dict/stated-facts.yaml, plus the registry's labels and aliases,
 * compiled once per fact.
 */
const valuePatterns = new Map<string, ValueWords[]>();

function patternsFor(fact: string): ValueWords[] {
  let list = valuePatterns.get(fact);
  if (list) return list;
  const withFirst = (value: string, pattern: RegExp): ValueWords => ({ value, pattern, first: new RegExp(pattern.source, "i") });
  list = statedWords().values.filter((v) => v.fact === fact).map(({ value, pattern }) => withFirst(value, pattern));
  for (const option of FACTS.get(fact)?.options ?? []) {
    if (typeof option.value !== "string") continue;
    // Two-character words such as 外卖, 快递, 工人 are too often about something else ("点外卖", "快递柜"); those
    // that do name a job (骑手, 医生) are listed in data/dict/stated-facts.yaml.
    const names = [option.label, option.label_en, ...(option.aliases ?? [])].filter((n) => n.length >= 3);
    if (names.length === 0) continue;
    const source = names.map((n) => (/^[\x20-\x7e]+$/.test(n) ? `(?<![a-z])${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![a-z])` : n)).join("|");
    list.push(withFirst(option.value, new RegExp(source, "gi")));
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
  for (const { value, first } of patternsFor("disability")) {
    const m = first.exec(text);
    if (!m) continue;
    const mention = mentionOf(text, breaks, m.index, m.index + m[0].length);
    if (mention === "doubt") return undefined;
    if (mention === "no") return { disability: false };
    return { disability: value, ...severityAround(text, breaks, m.index, m.index + m[0].length) };
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
  const words = statedWords();
  if (words.hedges.test(clause.before) || words.hedges.test(clause.after) || hedgeOnly(clause.next)) return undefined;
  if (words.asksBefore.test(clause.before) || words.asksAfter.test(clause.after)) return undefined;
  const options = FACTS.get("social_worker_certificate")?.options ?? [];
  const level = matchOption(options, `${clause.before}${m[0]}${clause.after}`);
  if (level) return level.value;
  return !negated(clause.before);
}

function ageIn(text: string): FactValue | undefined {
  const m =
    /(\d{1,3}|[一二两三四五六七八九十]{1,4})(多|来)?\s*(周岁|岁)|(?:\bi am|\bi'm|\bim|\baged?)\s+(\d{1,3})(?![\d.,]|\s*(?:km|kg|k\b|%|yuan|元|minutes?|mins?|hours?|times|days?|weeks?|months?))|(\d{1,3})[\s-]*years?[\s-]*old/i.exec(text);
  if (!m) return undefined;
  const raw = m[1] !== undefined ? `${m[1]}${m[2] ?? ""}` : (m[4] ?? m[5]!);
  const n = parseAmount(raw);
  if (typeof n === "number") return n > 0 && n < 120 ? n : undefined;
  return n && n.min !== null && n.max !== null && n.min > 0 && n.max < 120 ? n : undefined;
}

/** Amounts next to medical words: self-paid, total or reimbursed, by the words around them. */
function medicalAmountsIn(input: string): Record<string, FactValue> {
  // "between 2000 and 4000" is the range "2000 to 4000".
  const text = input.replace(/\bbetween\s+(\S+?)\s+and\s+/gi, "$1 to ");
  if (!MEDICAL.test(text) && !SELF_PAID.test(text)) return {};
  const out: Record<string, FactValue> = {};
  for (const m of text.matchAll(AMOUNT)) {
    const raw = m[0].trim();
    if (!/[0-9零〇一二两三四五六七八九十百千万]/.test(raw)) continue;
    // A bare single digit or a year ("2024年") is not an amount.
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 1);
    if (/^[年月日号岁个次天]/.test(after)) continue;
    // Part of a longer run of numerals (absurd input such as "四" × 100000): not an amount.
    const previous = text.slice(Math.max(0, m.index! - 1), m.index!);
    if (/[0-9零〇一二两三四五六七八九十百千万]/.test(previous + after)) continue;
    const value = parseAmount(raw);
    if (value === undefined || !plausibleAmount(value)) continue;
    // English says in four words what Chinese says in four characters: a wider window before the amount.
    const width = CJK.test(text.slice(Math.max(0, m.index! - 12), m.index!)) ? 12 : 32;
    const before = text.slice(Math.max(0, m.index! - width), m.index!);
    const fact = REIMBURSED.test(before) ? "insurance_reimbursed_yuan" : TOTAL.test(before) ? "medical_total_yuan" : SELF_PAID.test(before) || SELF_PAID.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 14)) ? "self_paid_medical_yuan" : MEDICAL.test(text) ? "medical_total_yuan" : undefined;
    if (fact && out[fact] === undefined) out[fact] = value;
  }
  return out;
}

/** Medical amounts are tens of yuan at least; "3" in "3个月" or "第2次" is not one. */
function plausibleAmount(v: number | NumberRange): boolean {
  // "不到三千" is 0–2999: its upper end tells.
  const low = typeof v === "number" ? v : v.min || v.max || 0;
  return low >= 10;
}
