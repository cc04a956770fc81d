/**
 * Facts a member states in a question or a sentence ("我在淮安,看病自己花了四千多,工会能兜底吗?",
 * "I lost my job, am I eligible for training in Haiyan?"), so a guided check does not ask them again.
 * Only what the words say is taken: "困难家庭" is a hardship family, "失业" is out of work (not
 * "registered unemployed"), an amount without "自己/自费" next to medical costs is the total, not the
 * self-paid part. Negations ("不是困难家庭", "还没建档") give "no". Places come from a place finder (the
 * gazetteer) when one is given.
 */
import type { Gazetteer, Place } from "../places/types.js";
import { type FactValue, type NumberRange, parseAmount } from "./answers.js";
import { FACTS } from "./facts.js";

export interface PlaceFinder {
  /** Province/city/county facts and a label for the most specific place named in the text, or null. */
  placeIn(text: string): { facts: Record<string, string>; label: string } | null;
}

export interface StatedFacts {
  facts: Record<string, FactValue>;
  /** The place as named (for the "from what you said" line), when one was found. */
  placeLabel?: string;
}

const SPECIFIC_FIRST = { county: 0, city: 1, province: 2 } as const;

/** Province/city/county facts of a gazetteer place. */
export function placeFactsOf(place: Pick<Place, "level" | "name" | "province" | "city" | "county">): Record<string, string> {
  const facts: Record<string, string> = { province: place.province };
  const city = place.level === "city" ? place.name : place.city;
  const county = place.level === "county" ? place.name : place.county;
  if (city) facts.city = city;
  if (county) facts.county = county;
  return facts;
}

/** The most specific place a sentence names ("我在淮安", "in Huai'an": the apostrophe is not in the gazetteer). */
export function mostSpecificPlace(gazetteer: Pick<Gazetteer, "findInText">, text: string): Place | undefined {
  let matches = gazetteer.findInText(text);
  if (matches.length === 0 && /['’]/.test(text)) matches = gazetteer.findInText(text.replace(/['’]/g, ""));
  return [...matches].sort((a, b) => SPECIFIC_FIRST[a.place.level] - SPECIFIC_FIRST[b.place.level])[0]?.place;
}

/** A PlaceFinder over the gazetteer; `label` names the place for the member (default: its name). */
export function placeFinderFrom(gazetteer: Pick<Gazetteer, "findInText">, label: (p: Place) => string = (p) => p.name): PlaceFinder {
  return {
    placeIn(text) {
      const place = mostSpecificPlace(gazetteer, text);
      return place ? { facts: placeFactsOf(place), label: label(place) } : null;
    },
  };
}

/** Longest text read: a pasted essay is not a question, and the patterns below stay cheap. */
const MAX_TEXT = 500;

// A number as people type it: digits (4200, 4,200, 4.5) or Chinese numerals, with 多/几/出头, a unit and
// range words. Bounded repetitions keep absurd input ("四" × 100000) cheap and unreadable.
const NUM = "[0-9０-９][0-9０-９,，.]{0,11}|[零〇一二两三四五六七八九十百千万]{1,10}";
const AMOUNT = new RegExp(
  `(?:大概|大约|约|差不多|将近|about|around|roughly|approximately)?\\s*(?:不到|不足|少于|超过|多于|less than|more than|over|under)?\\s*` +
    `(?:${NUM})(?:\\s*[千万kKwW])?(?:[零一二两三四五六七八九]|\\d)?(?:多|出头|几|来|余)?(?:块钱|块|元|yuan|rmb)?` +
    `(?:\\s*(?:到|至|~|～|-|—|–|to)\\s*(?:${NUM})(?:\\s*[千万kKwW])?(?:多|出头)?(?:块钱|块|元|yuan|rmb)?)?` +
    `(?:左右|上下|以上|以下|\\+)?`,
  "gi",
);

const MEDICAL = /看病|医疗|医药|住院|治病|手术|药费|医药费|medical|hospital|treatment|doctor|bill/i;
const SELF_PAID = /自己|自费|自付|个人|报销后|报完|报销以后|报销之后|out of pocket|myself|paid yourself|on my own|after insurance/i;
const TOTAL = /一共|总共|总计|合计|全部|总花费|in total|total/i;
const REIMBURSED = /报销了|报了|医保报|reimbursed|insurance paid/i;

/** Negation right before a phrase: "不是困难家庭", "还没建档", "not a union member". */
const NEGATION = /(不是|不算|没有|没|未|还没|还没有|并非|not|never|no longer|isn't|aren't|am not|'m not)[^,，。.;；!！?？]{0,6}$/i;

interface Statement {
  fact: string;
  pattern: RegExp;
  /** The value when stated without negation (default true). */
  value?: boolean;
  /** Counts only when said of oneself ("我家是困难家庭"), not when asking about a group ("困难职工能申请什么"). */
  aboutSelf?: boolean;
}

const SELF = /(我|家|是|属于|算|咱|\bi am|\bi'm|\bwe are|\bwe're|\bmy family|\bour family|\bas a|\bis|\bare)[^,，。.;；!！?？]{0,6}$/i;
/** A clause of its own ("淮安,困难职工家庭,看病…") states a fact; "困难职工能申请什么" asks about a group. */
const CLAUSE_START = /(^|[,，。.;；!！?？、]\s*)$/;
const ASKS_ABOUT_GROUP = /^(能|可以|可|有|都|怎么|如何|该|的|要|需要|可不可以|能不能|can|may|should)/i;

const STATEMENTS: Statement[] = [
  { fact: "hardship_registered", pattern: /建档(立卡)?困难职工|困难职工(家庭)?|困难家庭|困难户|建档|建了档|registered (as a )?hardship|hardship (family|worker)/i, aboutSelf: true },
  { fact: "near_hardship", pattern: /临界困难|边缘困难|near[- ]hardship/i, aboutSelf: true },
  { fact: "registered_unemployed", pattern: /登记失业|失业登记|registered (as )?unemployed/i },
  { fact: "unemployed", pattern: /失业|下岗|没工作|没有工作|丢了工作|工作没了|没了工作|待业|unemployed|lost (my|the) job|out of work|jobless/i },
  { fact: "union_member", pattern: /工会会员|入了工会|加入了?工会|union member|member of the union|in the union/i },
  { fact: "mutual_aid_member", pattern: /互助会(会员)?|参加了?(职工)?医疗互助|mutual aid/i },
  { fact: "wants_to_start_business", pattern: /创业|开(个|家|一家)?店|做(点)?生意|start (a|my own) business/i },
  { fact: "wants_to_work", pattern: /找工作|想工作|再就业|求职|looking for (a )?job|want (a|to) work/i },
  { fact: "changing_jobs", pattern: /转岗|换工作|换个工作|change jobs?|changing jobs/i },
  { fact: "small_business_worker", pattern: /小微企业|个体工商户|个体户|small business/i },
  { fact: "resident_insured", pattern: /城乡居民医保|居民医保|residents'? (medical )?insurance/i },
  { fact: "model_worker", pattern: /劳模|劳动模范|先进模范|model worker/i },
  { fact: "works_outdoors", pattern: /户外(工作|劳动|干活)|在外面跑|work outdoors|outdoor work/i },
];

/** Facts stated in a sentence. Unreadable or absurd parts are left out (never guessed). */
export function factsFromText(input: string, places?: PlaceFinder): StatedFacts {
  const text = input.normalize("NFKC").slice(0, MAX_TEXT);
  const facts: Record<string, FactValue> = {};
  let placeLabel: string | undefined;

  const place = places?.placeIn(text);
  if (place) {
    Object.assign(facts, place.facts);
    placeLabel = place.label;
  }

  for (const s of STATEMENTS) {
    const global = new RegExp(s.pattern.source, "gi");
    for (const m of text.matchAll(global)) {
      const negated = NEGATION.test(text.slice(Math.max(0, m.index! - 10), m.index!));
      if (s.aboutSelf && !negated && !saysOfSelf(text, m.index!, m[0].length)) continue;
      const value = negated ? !(s.value ?? true) : (s.value ?? true);
      // "我家是困难家庭，还没建档": a "not (yet)" anywhere wins over the plain mention.
      if (facts[s.fact] === undefined || negated) facts[s.fact] = value;
    }
  }
  // "困难家庭" read as registered also matched inside "临界困难家庭": the more specific word wins.
  if (facts.near_hardship !== undefined && /临界困难|边缘困难/.test(text) && !/建档/.test(text)) delete facts.hardship_registered;

  const occupation = occupationIn(text);
  if (occupation) facts.occupation = occupation;

  const age = ageIn(text);
  if (age !== undefined) facts.age = age;

  Object.assign(facts, medicalAmountsIn(text));
  return { facts, placeLabel };
}

function saysOfSelf(text: string, start: number, length: number): boolean {
  const before = text.slice(Math.max(0, start - 8), start);
  if (SELF.test(before)) return true;
  return CLAUSE_START.test(before) && !ASKS_ABOUT_GROUP.test(text.slice(start + length).trimStart());
}

function occupationIn(text: string): string | undefined {
  const lower = text.toLowerCase();
  let best: { value: string; length: number } | undefined;
  for (const option of FACTS.get("occupation")?.options ?? []) {
    for (const name of [option.label, option.label_en, ...(option.aliases ?? [])]) {
      const n = name.toLowerCase();
      // Two-character words such as 外卖, 快递, 工人 are too often about something else ("点外卖", "快递柜").
      if (n.length < 3 && !/^(骑手|环卫|医生|护士)$/.test(n)) continue;
      if (lower.includes(n) && (!best || n.length > best.length)) best = { value: String(option.value), length: n.length };
    }
  }
  return best?.value;
}

function ageIn(text: string): number | undefined {
  const m = /(\d{1,3}|[一二两三四五六七八九十]{1,4})\s*(周岁|岁)|(?:i am|i'm|aged?)\s*(\d{1,3})(?:\s*years)?|(\d{1,3})\s*years?\s*old/i.exec(text);
  if (!m) return undefined;
  const raw = m[1] ?? m[3] ?? m[4]!;
  const n = parseAmount(raw);
  return typeof n === "number" && n > 0 && n < 120 ? n : undefined;
}

/** Amounts next to medical words: self-paid, total or reimbursed, by the words around them. */
function medicalAmountsIn(text: string): Record<string, FactValue> {
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
    const before = text.slice(Math.max(0, m.index! - 12), m.index!);
    const fact = REIMBURSED.test(before) ? "insurance_reimbursed_yuan" : TOTAL.test(before) ? "medical_total_yuan" : SELF_PAID.test(before) || SELF_PAID.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 14)) ? "self_paid_medical_yuan" : MEDICAL.test(text) ? "medical_total_yuan" : undefined;
    if (fact && out[fact] === undefined) out[fact] = value;
  }
  return out;
}

/** Medical amounts are tens of yuan at least; "3" in "3个月" or "第2次" is not one. */
function plausibleAmount(v: number | NumberRange): boolean {
  const low = typeof v === "number" ? v : (v.min ?? v.max ?? 0);
  return low >= 10;
}
