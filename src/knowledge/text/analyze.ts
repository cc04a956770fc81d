/**
 * Question analysis: normalise, segment, drop stop words, add synonyms and English->Chinese terms,
 * find place names, and note what kind of fact is asked. Produces the AnalyzedQuery of the Knowledge contract
 * plus term weights for ranking.
 */
import type { AnalyzedQuery } from "../knowledge.js";
import type { Gazetteer, PlaceMatch } from "../places/types.js";
import { isRoleNoun, type AskedFact } from "./asked-fact.js";
import { COST_ASK, TAKING_PART, detectAskedFact, isBenefitNoun, isEventWord, isHoursWord, isKindWord, isWeekWord } from "./asked.js";
import { isMostlyEnglish, mapEnglish } from "./english.js";
import type { Lexicon } from "./lexicon.js";
import { isWordToken, normalizeText } from "./normalize.js";
import { segment, segmentForSearch, tagWords } from "./segmenter.js";
import { conceptsOf } from "./thesaurus.js";
import { correctSlips } from "./typos.js";

export interface WeightedTerm {
  term: string;
  /** 1 for words typed, less for sub-words, synonyms and single characters. */
  weight: number;
  origin: "question" | "subword" | "synonym" | "english" | "place";
  /** For synonym expansions: the colloquial phrase they stand for (coverage counts the group once). */
  group?: string;
  /** For sub-words: the whole word they were cut from (核电 from 核电站). */
  parent?: string;
  /**
   * True for a word jieba guessed with its HMM (not in any dictionary: 我弟, 能先, 学完). Such words are mostly
   * colloquial glue, so a passage lacking them is not penalised much; a dictionary word the corpus lacks
   * (钓鱼) means the question is about something else.
   */
  guessed?: boolean;
  /** A sub-word cut from a synonym expansion (劳动 of 劳动争议 for 维权), not from a word the member typed. */
  expansion?: boolean;
  /**
   * The word says what kind of answer is wanted rather than the topic (补贴 in 有什么补贴): the fact check
   * handles it, so it is not a content word the passage must match.
   */
  askWord?: boolean;
  /** A word of data/dict/generic.txt (工会, 休息): ranks, but alone does not show a passage is on topic. */
  generic?: boolean;
}

export interface QueryAnalysis extends AnalyzedQuery {
  normalized: string;
  weighted: WeightedTerm[];
  asked: AskedFact;
  /** Codes typed as printed ("1+1+N", "8+4", "3+3+3+N"): jieba cuts them apart, so they are matched on characters. */
  literals: string[];
  /**
   * The predicate of a yes/no question (洗衣机 in 有没有洗衣机, 排队 in 要排队吗): a passage that says nothing about
   * it (neither the word nor the words its synonyms stand for) does not answer yes or no. A verb may be said in
   * other words: it is required only when no source uses it at all (`verb`).
   */
  predicate?: { label: string; spellings: string[]; verb: boolean };
  /**
   * The people a yes/no question asks about ("退休的困难职工还能领吗", "do riders get in"): the words that name them
   * in print, the word the member used, and the words naming the other groups of people the thesaurus knows. A
   * source saying whom it is for (it names other groups) but not them does not answer yes or no.
   */
  group?: { label: string; spellings: string[]; others: string[] };
  /** English words the table did not know (English questions only). */
  unknownEnglish: string[];
  /**
   * The options of a choice question ("给现金还是打卡里"): a passage must print one of them (in the words typed or
   * their spellings), or it does not say which.
   */
  choice?: { label: string; spellings: string[] };
}

/** A word of the question that names its topic: not generic, not what is asked, not guessed, not a single character. */
const isTopicWord = (t: WeightedTerm) =>
  t.origin === "question" && !t.generic && !t.askWord && !t.guessed && t.weight >= 0.7 && t.term.length >= 2;

/** Negations cut out of an A-not-A question (要不要钱 -> 不要): not what a yes/no question is about. */
const NEGATION = /^(不要|不用|不能|不会|不是|没有|不行|不算|不管)$/;

/** jieba part-of-speech tags of words that rarely carry the topic. */
const WEAK_TAGS = /^(t|tg|d|dg|r|rr|rz|a|ad|ag|an|m|mq|q|p|c|u.*|y|e|o|f|z|zg)$/;
const WEAK_TAG_FACTOR = 0.4;
/** Weight of a concept's terms added for a member word (thesaurus.yaml). */
const CONCEPT_WEIGHT = 0.5;

/** "一万块" / "3000块钱" -> "...元", so colloquial money matches printed amounts. */
function normalizeMoney(text: string): string {
  return text
    .replace(/(\d+|[一二三四五六七八九十两几][十百千万][一二三四五六七八九十百千万]*)块钱?/g, "$1元")
    .replace(/([一二三四五六七八九十两几])块钱/g, "$1元");
}

/** A detail noun with synonyms substituted inside it (持证社工 -> 持证社会工作者), and its own synonyms. */
function detailSpellings(detail: string, lexicon: Lexicon): string[] {
  const spellings = lexicon.equivalents ?? lexicon.synonyms;
  const out = new Set<string>(spellings.get(detail) ?? []);
  for (const [key, expansions] of spellings) {
    if (key === detail || !detail.includes(key)) continue;
    for (const e of expansions) out.add(detail.replace(key, e));
  }
  out.delete(detail);
  return [...out];
}

/** A place named as where someone comes from (河南来的, 来自安徽, 老家四川), not where the question is about. */
function isOrigin(text: string, place: string): boolean {
  let at = text.indexOf(place);
  while (at >= 0) {
    const after = text.slice(at + place.length, at + place.length + 3);
    const before = text.slice(Math.max(0, at - 3), at);
    if (/^(来的|过来的|人(?!社|力|民|大|才|口|员|事)|籍|老乡)/.test(after) || /(来自|老家|老家是|老家在)$/.test(before)) return true;
    at = text.indexOf(place, at + 1);
  }
  return false;
}

const CHINESE_DIGITS = "一二三四五六七八九十";
/** 第三期 is printed 第3期 as well (and back), for the first ten. */
function ordinalSpellings(detail: string): string[] {
  const m = /^第([一二三四五六七八九十]|10|[1-9])(.+)$/.exec(detail);
  if (!m) return [];
  const other = /\d/.test(m[1]) ? CHINESE_DIGITS[Number(m[1]) - 1] : String(CHINESE_DIGITS.indexOf(m[1]) + 1);
  return [`第${other}${m[2]}`];
}

function cutPhrase(phrase: string): { whole: string[]; tokens: string[] } {
  return { whole: segment(normalizeText(phrase)), tokens: segmentForSearch(phrase) };
}

/**
 * Word-list phrases (a concept's terms, translations) recur in every question that names the concept: cut once.
 * Bounded by the size of the word lists (jieba only adds words to its dictionary within a process).
 */
const wordListCuts = new Map<string, { whole: string[]; tokens: string[] }>();
function cutWordListPhrase(phrase: string): { whole: string[]; tokens: string[] } {
  let cut = wordListCuts.get(phrase);
  if (!cut) {
    cut = cutPhrase(phrase);
    if (wordListCuts.size < 20_000) wordListCuts.set(phrase, cut);
  }
  return cut;
}

function dedupePlaces(matches: PlaceMatch[]): PlaceMatch[] {
  const seen = new Set<string>();
  return matches.filter((m) => (seen.has(m.place.id) ? false : (seen.add(m.place.id), true)));
}

export function analyzeQuery(question: string, lexicon: Lexicon, gazetteer?: Gazetteer): QueryAnalysis {
  const normalized = correctSlips(normalizeMoney(normalizeText(question))).trim();
  const english = isMostlyEnglish(question);
  const weights = new Map<string, WeightedTerm>();
  const add = (term: string, weight: number, origin: WeightedTerm["origin"], group?: string, parent?: string) => {
    if (!isWordToken(term) || lexicon.stopWords.has(term)) return;
    // Single characters match too much: keep them, weakly.
    const w = /^\p{Script=Han}$/u.test(term) ? Math.min(weight, 0.25) : weight;
    const old = weights.get(term);
    if (!old || old.weight < w) weights.set(term, { term, weight: w, origin, ...(group ? { group } : {}), ...(parent ? { parent } : {}) });
  };
  /** Adds a phrase cut the way the index cuts documents: whole words at `weight`, sub-words lower. */
  const addPhrase = (phrase: string, weight: number, origin: WeightedTerm["origin"], group?: string, subwords = true) => {
    const { whole, tokens } = origin === "question" ? cutPhrase(phrase) : cutWordListPhrase(phrase);
    for (const token of tokens) {
      if (whole.includes(token)) add(token, weight, origin, group);
      else if (subwords) {
        add(token, weight * 0.5, "subword", group, whole.find((w) => w.includes(token)));
        const t = weights.get(token);
        if (origin === "synonym" && t?.origin === "subword" && t.group === group) t.expansion = true;
      }
    }
  };

  let places: PlaceMatch[] = [];
  let unknownEnglish: string[] = [];
  let englishDetail: string[] | null = null;
  if (english) {
    const mapped = mapEnglish(normalized, lexicon.english, gazetteer);
    // Each English word's translations are alternatives: one coverage group per English word.
    for (const zh of mapped.chinese) addPhrase(zh.text, 1, "english", zh.group);
    for (const n of mapped.numbers) add(n.replace(/%$/, ""), 0.8, "question");
    // Chinese characters typed inside an English question still count.
    for (const token of segmentForSearch(normalized.replace(/[a-z'-]+/g, " "))) add(token, 1, "question");
    // A word the table does not know still is a word of the question: it stays a (never matched) term, so a
    // passage covering only "union" of "how do i join the union" does not pass for an answer.
    for (const word of mapped.unknown) add(word, 1, "english", `en:${word}`);
    places = mapped.places;
    unknownEnglish = mapped.unknown;
    englishDetail = mapped.askedDetail;
  } else {
    addPhrase(normalized, 1, "question");
  }

  // Synonyms match on characters, so phrases jieba cuts apart (没工作 -> 没/工作) still map.
  const covered: Array<[number, number]> = [];
  for (const [key, expansions] of lexicon.synonyms) {
    let from = normalized.indexOf(key);
    while (from >= 0) {
      const end = from + key.length;
      if (!covered.some(([s, e]) => from >= s && end <= e)) {
        covered.push([from, end]);
        // Another spelling of the same thing (the thesaurus' spellings) counts nearly as the word; a concept's other terms
        // (thesaurus) are related words and count less, so a passage full of them does not outrank the topic.
        const same = lexicon.equivalents?.get(key);
        // A related term's parts (证书 of 职业技能等级证书) add little but cost ranking time on every candidate.
        for (const expansion of expansions) {
          const equivalent = !lexicon.equivalents || same?.includes(expansion) === true;
          addPhrase(expansion, equivalent ? 0.7 : CONCEPT_WEIGHT, "synonym", key, equivalent);
        }
        break;
      }
      from = normalized.indexOf(key, from + 1);
    }
  }

  if (gazetteer) {
    // "鹿城区有没有像瓯海那样的援助站": a place named for comparison is not the place asked about.
    const compared = (m: PlaceMatch) =>
      m.start >= 0 && /(像|跟|和|同)$/.test(question.slice(0, m.start)) && /^[^，。？?,.!！\s]{0,3}(那样|那种|一样|似的)/.test(question.slice(m.end));
    places = dedupePlaces([...places, ...gazetteer.findInText(question).filter((m) => !compared(m))]);
    for (const p of places) add(p.place.shortName.toLowerCase(), 1, "place");
    // "河南来的蒋四清": where a person comes from is a word of the question, not the region it is about.
    places = places.filter((p) => !isOrigin(normalized, p.matched.toLowerCase()));
  }

  const tagged = tagWords(normalized);
  // `normalized` is lower case already, so its words are the terms as added.
  const guessed = new Set(tagged.filter((t) => t.tag === "x").map((t) => t.word));
  const tagOf = new Map(tagged.map((t) => [t.word, t.tag]));
  for (const t of weights.values()) {
    if (t.origin !== "question") continue;
    if (guessed.has(t.term)) t.guessed = true;
    // Time words, adverbs, pronouns, adjectives, numerals... say little about the topic (周末, 比较, 好).
    const tag = tagOf.get(t.term);
    // A phone number or code typed (12351) names the very thing asked about, numeral though it is.
    if (tag && WEAK_TAGS.test(tag) && !/^\d{5,}$/.test(t.term)) t.weight *= WEAK_TAG_FACTOR;
  }
  const asked = detectAskedFact(normalized, tagged);
  asked.alternatives = Object.fromEntries(asked.details.map((d) => [d, [...detailSpellings(d, lexicon), ...ordinalSpellings(d)]]));
  // "What are the benefits ...": asks what one gets, as 有什么福利 does; not a word the source must print.
  if (englishDetail?.some(isBenefitNoun)) {
    if (!asked.kinds.includes("benefit")) asked.kinds.push("benefit");
  } else if (englishDetail && englishDetail.length > 0) {
    const [first, ...rest] = englishDetail;
    asked.details.push(first);
    asked.alternatives[first] = rest;
  }
  if (asked.kinds.includes("benefit")) {
    for (const t of weights.values()) if (isBenefitNoun(t.term) || /^en:(benefit|subsid|welfare|allowance|support|help)/.test(t.group ?? "")) t.askWord = true;
  }
  // "工会主席是谁": the role is what is asked (the fact check requires it), not the topic; the other words must
  // say whose chairman.
  if (asked.kinds.includes("person")) {
    for (const t of weights.values()) if (isRoleNoun(t.term) || (t.parent && isRoleNoun(t.parent))) t.askWord = true;
  }
  const generic = lexicon.genericWords;
  if (generic) for (const t of weights.values()) if (generic.has(t.term)) t.generic = true;
  // "长兴共富工坊怎么报名 打谁电话": 报名 and 电话 say what is asked; like generic words they rank, but a passage
  // matching only them (another office's phone number, another course's enrolment) is not on the topic. Only when
  // two topic words remain to be matched ("夜校在哪报名" has one: 报名 still counts there).
  const kindWords = [...weights.values()].filter((t) => t.origin === "question" && isKindWord(t.term, asked.kinds));
  const topicWords = [...weights.values()].filter((t) => isTopicWord(t) && !kindWords.includes(t));
  if (topicWords.length >= 2) for (const t of kindWords) t.generic = true;
  // "申请入会多久能批下来": 申请 and 批下来 say which time is asked (the fact check requires it printed about that
  // event), the topic is 入会.
  if (asked.event) for (const t of weights.values()) if (t.origin === "question" && isEventWord(t.term, asked.event)) t.askWord = true;
  // "服务站周末开不开门": 开门 says what is asked (the hours check requires them printed); the topic is 服务站.
  if (asked.kinds.includes("hours")) for (const t of weights.values()) if (t.origin === "question" && isHoursWord(t.term)) t.askWord = true;
  // "法律服务日是礼拜几": 礼拜 says what is asked (the weekday check requires a day of the week printed).
  if (asked.kinds.includes("weekday")) for (const t of weights.values()) if (t.origin === "question" && isWeekWord(t.term)) t.askWord = true;
  // "司机之家洗澡要钱吗": 要钱 (and what it stands for: 自付, 费用) says what is asked; the topic is 司机之家, 洗澡.
  if (asked.kinds.includes("cost")) for (const t of weights.values()) if (COST_ASK.test(t.term) || (t.group && COST_ASK.test(t.group))) t.askWord = true;
  // "越温暖系统在啥平台上能用": 平台 is what is asked (the fact check requires it), not the topic; a passage
  // matching it and one other word is not about the question. Kept as a topic when nothing else would be.
  const asking = new Set(asked.asking ?? []);
  if (asking.size > 0) {
    if ([...weights.values()].some((t) => isTopicWord(t) && !asking.has(t.term))) {
      for (const t of weights.values()) if (asking.has(t.term) || (t.parent && asking.has(t.parent))) t.askWord = true;
    }
  }
  const weighted = [...weights.values()];
  const groups = covered.map(([s, e]) => normalized.slice(s, e));
  // Yes/no: the question's last content word (or the phrase its synonyms stand for) is what is asked about.
  let predicate: QueryAnalysis["predicate"];
  if (asked.yesNo && !english) {
    let last: WeightedTerm | undefined;
    let at = -1;
    // The words asked about (要钱 of 要钱吗: the cost check) may be the predicate: then nothing more is required.
    const asking = (t: WeightedTerm) => t.origin === "question" && t.askWord === true && t.term.length >= 2;
    for (const t of weighted) {
      if (!isTopicWord(t) && !asking(t)) continue;
      const pos = normalized.lastIndexOf(t.term);
      if (pos > at || (pos === at && last && t.term.length > last.term.length)) [last, at] = [t, pos];
    }
    if (last?.askWord) last = undefined;
    // The phrase a synonym group stands for may end later than any typed word (充个电 of 歇一会儿顺便充个电).
    const lastGroup = groups.map((g) => [g, normalized.lastIndexOf(g)] as const).sort((a, b) => b[1] - a[1])[0];
    const spellingsOf = (word: string) => [word, ...(lexicon.synonyms.get(word) ?? [])];
    if (lastGroup && lastGroup[1] > at && !weighted.some((t) => t.group === lastGroup[0] && t.askWord)) {
      predicate = { label: lastGroup[0], spellings: spellingsOf(lastGroup[0]), verb: false };
    } else if (last && !TAKING_PART.test(last.term) && !NEGATION.test(last.term)) {
      const verb = /^v(?!n)/.test(tagOf.get(last.term) ?? "");
      predicate = { label: last.term, spellings: [...spellingsOf(last.term), ...(last.group ? spellingsOf(last.group) : [])], verb };
    }
  }
  const analysis = finish(question, normalized, weighted, groups, places, english, asked, unknownEnglish, english ? null : choiceOptions(normalized, tagged));
  const group = asked.yesNo ? groupAsked(normalized, lexicon) : undefined;
  return { ...analysis, ...(predicate ? { predicate } : {}), ...(group ? { group } : {}) };
}

/** The groups of people (thesaurus area `group`) a question names, with the word it names them by. */
function groupAsked(normalized: string, lexicon: Lexicon): QueryAnalysis["group"] {
  const all = (lexicon.concepts ?? []).filter((c) => c.area === "group");
  const named = conceptsOf(normalized, all);
  if (named.length === 0) return undefined;
  const printed = (c: (typeof all)[number]) => [...c.terms, ...c.says].filter((w) => /\p{Script=Han}/u.test(w));
  const spellings = [...new Set(named.flatMap(printed))];
  const label =
    named.flatMap((c) => [...c.says, ...c.terms]).find((w) => normalized.includes(w)) ??
    named.flatMap((c) => c.en).find((w) => normalized.includes(w)) ??
    named[0].label.zh;
  const others = [...new Set(all.filter((c) => !named.includes(c)).flatMap((c) => c.terms))].filter((w) => !spellings.includes(w));
  return { label, spellings, others };
}

/** Particles between an option and 还是 (现金的还是…), skipped to find the option word. */
const CHOICE_PARTICLES = /^(的|了|呢|啊|呀|吧|嘛)$/;
/** What ends a clause (an option cannot reach past it). */
const CLAUSE_END = /[,，。;；!！?？\s]/;

/**
 * The two options of a choice question ("慰问金是给现金还是打卡里"): the word before 还是 and the rest of its
 * clause after it, as character spans of the question. Either option printed answers the question, so their
 * words are one coverage unit. None when 还是 means "still" (the clause asks yes or no: "工会还是会管吗", or
 * nothing content-bearing stands before it: "我还是想问").
 */
function choiceOptions(normalized: string, tagged: ReadonlyArray<{ word: string; tag: string }>): Array<[number, number]> | null {
  const at = normalized.indexOf("还是");
  if (at <= 0) return null;
  let end = at + 2;
  while (end < normalized.length && !CLAUSE_END.test(normalized[end])) end++;
  const second = normalized.slice(at + 2, end);
  if (!/\p{Script=Han}{2}/u.test(second) || /(吗|嘛|么)$/.test(second)) return null;
  // Words with their offsets, up to 还是.
  const before: Array<{ word: string; tag: string; start: number }> = [];
  let offset = 0;
  for (const t of tagged) {
    const start = normalized.indexOf(t.word, offset);
    if (start < 0) continue;
    if (start + t.word.length > at) break;
    before.push({ ...t, start });
    offset = start + t.word.length;
  }
  let i = before.length - 1;
  while (i >= 0 && CHOICE_PARTICLES.test(before[i].word)) i--;
  const first = before[i];
  // A pronoun or an adverb before 还是 is its subject ("我还是…"), not an option.
  if (!first || first.word.length < 2 || !/^(n|v|a|eng|x|j|l|i)/.test(first.tag) || /^(r|d)/.test(first.tag)) return null;
  return [
    [first.start, at],
    [at + 2, end],
  ];
}

function finish(
  raw: string,
  normalized: string,
  weighted: WeightedTerm[],
  synonymKeys: string[],
  places: PlaceMatch[],
  english: boolean,
  asked: AskedFact,
  unknownEnglish: string[],
  options: Array<[number, number]> | null = null,
): QueryAnalysis {
  // A typed word inside a colloquial phrase that has synonyms (看病 in 看病, 工作 in 没工作) belongs to its group.
  for (const t of weighted) {
    if (t.group || t.origin === "place") continue;
    const key = synonymKeys.find((k) => k.includes(t.term));
    if (key) t.group = key;
  }
  // A choice question's options are one unit: a passage stating either one answers ("打进银行卡" for 现金还是打卡里).
  let choice: QueryAnalysis["choice"];
  if (options) {
    const label = options.map(([s, e]) => normalized.slice(s, e)).join("还是");
    const inOption = (text: string) => {
      const at = normalized.indexOf(text);
      return at >= 0 && options.some(([s, e]) => at >= s && at + text.length <= e);
    };
    for (const t of weighted) {
      if (t.origin === "place" || t.origin === "english") continue;
      const anchor = t.group && !t.group.startsWith("en:") ? t.group : (t.parent ?? t.term);
      if (inOption(anchor)) t.group = label;
    }
    const spellings = weighted.filter((t) => t.group === label && t.origin !== "subword" && t.term.length >= 2).map((t) => t.term);
    if (spellings.length > 0) choice = { label, spellings };
  }
  // Codes mixing digits and symbols/letters ("1+1+n", "8+4"): matched literally (normalised, so lower case).
  // The lookbehind anchors a match at the start of a run of letters and digits: without it a long run with
  // no symbol is rescanned from every position (quadratic: 300,000 letters took over a minute).
  const literals = [...new Set(normalized.match(/(?<![0-9a-z])[0-9a-z]+(?:[+＋×*/-][0-9a-z]+)+/g) ?? [])].filter((l) => /\d/.test(l) && /[+×*/]/.test(l));
  return {
    raw,
    literals,
    normalized,
    terms: weighted.map((w) => w.term),
    weighted,
    places,
    english,
    asked,
    unknownEnglish,
    ...(choice ? { choice } : {}),
  };
}
