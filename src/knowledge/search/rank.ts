/**
 * Ranking over FlexSearch's candidates. FlexSearch only orders by term position, so each candidate passage is
 * scored here:
 *   BM25 (title counted 2x, body 1x) over the weighted query terms,
 *   x the share of the question's words it covers (a synonym group or an English word counts once),
 *   x region (the named place or a place inside it > enclosing area > no place > only other places),
 *   x kind (a staff-written answer or a catalogue programme before a news article),
 *   x fact check (a passage lacking the asked kind of fact or detail noun ranks lower).
 */
import type { Place } from "../places/types.js";
import type { QueryAnalysis, WeightedTerm } from "../text/analyze.js";
import { aboutText, missingFacts, sentencesOf } from "../text/stated.js";
import type { Passage } from "./documents.js";
import { isWithin, relateRegions, type RegionRelation } from "./region.js";
import type { SearchIndex } from "./search-index.js";

export const RANKING = {
  k1: 1.2,
  b: 0.5,
  titleWeight: 2,
  region: { match: 1.35, broader: 1, neutral: 0.9, conflict: 0.3 } as Record<RegionRelation, number>,
  programme: 1.2,
  /**
   * A programme that has ended (or not started) loses the programme bonus and a little more: it ranks below a
   * running one that matches as well, yet is still shown (marked) when it is what the sources hold.
   */
  notRunning: 0.8,
  missingFact: 0.55,
  /** Below this share of the question's words a passage does not answer it. */
  minCoverage: 0.4,
  /** Below this share a passage that does not answer is not even offered as possibly related. */
  minRelatedCoverage: 0.25,
  candidateLimit: 400,
};

export interface ScoredPassage {
  passage: Passage;
  score: number;
  bm25: number;
  coverage: number;
  region: RegionRelation;
  /** Asked fact kinds or detail nouns the passage (with its title) does not hold. */
  missing: string[];
  /** Content words (or synonym groups) of the question the passage matches, and how many the question has. */
  strongMatched: number;
  strongTotal: number;
  /** Content words of the question that are not generic words alone (工会, 免费, 帮扶 are in nearly every passage). */
  specificTotal: number;
  /** Content words the passage prints as typed or in another spelling (not only a related word of their concept). */
  exactMatched: number;
}

interface Unit {
  weight: number;
  /** A typed content word or group (not a weak word such as 周末/比较, not a guessed filler word). */
  strong: boolean;
  /** Generic words of the unit (工会, 休息, 企业): matching only those does not count as a content-word match. */
  generic: Set<string>;
  /** A place the question names (浙江): matched by a document about it even when the passage says 全省. */
  place: boolean;
  /** Sub-words of synonym expansions (劳动 of 劳动争议): they rank, but are not a content-word match. */
  loose: Set<string>;
  /** Words jieba only guessed (微信 typed beside 现金 in a choice): they rank, but are not a content-word match. */
  guessed: Set<string>;
  /** Words of the unit that say the thing itself: typed (not weakly: 过年 of 就地过年) or another spelling of it. */
  exact: Set<string>;
  /** Term -> credit when present (1 for the word itself, less for its sub-words). */
  members: Map<string, number>;
}

export function idf(index: SearchIndex, term: string): number {
  const n = index.passages.length;
  const df = index.df.get(term) ?? 0;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

const SUBWORD_CREDIT = 0.6;
/**
 * Credit of a concept's related term (thesaurus `terms` for a member word, weight 0.5): it shows the passage is
 * on the concept, not that it names the thing said (司机之家 said, 服务站点 printed). Another spelling of the
 * same thing (synonyms, weight 0.7) and the word itself get full credit.
 */
const RELATED_CREDIT = 0.7;
/** Weight (share of the rarest possible term) of a question word no passage contains. */
const UNSEEN_GUESSED = 0.15;
const UNSEEN_WORD = 0.35;

/**
 * Coverage units: each word of the question (with its sub-words: 核电站 is partly covered by 核电), or a group
 * (the synonyms of one colloquial phrase, the translations of one English word).
 */
function coverageUnits(index: SearchIndex, terms: readonly WeightedTerm[], placeNames: ReadonlySet<string> = new Set()): Unit[] {
  const units = new Map<string, Unit>();
  const maxIdf = idf(index, "\u0000never");
  const known = (t: string) => (index.df.get(t) ?? 0) > 0;
  const unitOf = (key: string) => {
    let u = units.get(key);
    if (!u) units.set(key, (u = { weight: 0, strong: false, place: false, generic: new Set(), loose: new Set(), guessed: new Set(), exact: new Set(), members: new Map() }));
    return u;
  };
  for (const t of terms) {
    // 补贴 in 有什么补贴 says what kind of answer is wanted; the benefit check covers it.
    if (t.askWord) continue;
    const isSub = t.origin === "subword";
    const key = t.group ?? (isSub ? t.parent : t.term);
    if (!key) continue;
    if (!isSub && !t.group && t.weight < 0.5) continue; // single characters
    const u = unitOf(key);
    const related = t.origin === "synonym" && t.weight < 0.7;
    u.members.set(t.term, Math.max(u.members.get(t.term) ?? 0, isSub ? SUBWORD_CREDIT : related ? RELATED_CREDIT : 1));
    if (t.generic) u.generic.add(t.term);
    if (t.origin === "place" || placeNames.has(t.term)) u.place = true;
    if (t.expansion) u.loose.add(t.term);
    if (t.guessed) u.guessed.add(t.term);
    if (!isSub && !related && !t.guessed && t.weight >= 0.7) u.exact.add(t.term);
    // Words no passage contains are mostly colloquial filler jieba kept whole (我弟, 能先): they count, weakly;
    // a sub-word the corpus knows gives the unit its weight instead.
    const unseen = isSub ? 0 : t.guessed ? UNSEEN_GUESSED * maxIdf : UNSEEN_WORD * maxIdf * t.weight;
    const w = known(t.term) ? (isSub ? 2 : 1) * t.weight * idf(index, t.term) : unseen;
    u.weight = Math.max(u.weight, w);
    if (!isSub && !t.guessed && !t.askWord && t.weight >= (t.origin === "synonym" ? 0.5 : 0.7)) u.strong = true;
  }
  return [...units.values()].filter((u) => u.weight > 0);
}

/**
 * A story that speaks of several places ("例如,安徽…;在四川,…") answers for the place asked only where it speaks of
 * it: the sentences naming that place or a place inside it. A story about the place (its headline names it, or
 * all its places are in or around it) answers anywhere.
 */
function aboutAskedPlace(text: string, asked: readonly Place[], places: { all: Place[]; head: Place[] }): string {
  if (asked.length === 0 || places.head.some((p) => asked.some((q) => isWithin(p, q)))) return text;
  const related = (p: Place) => asked.some((q) => isWithin(p, q) || isWithin(q, p));
  if (places.all.every(related)) return text;
  const names = places.all
    .filter((p) => asked.some((q) => isWithin(p, q)))
    .flatMap((p) => [p.name, p.shortName])
    .filter((n) => n.length >= 2);
  return sentencesOf(text)
    .filter((s) => names.some((n) => s.includes(n)))
    .join("");
}

const titleText = (passage: Passage) => `${passage.doc.title} ${passage.doc.extraTitle}`.toLowerCase();

export function scoreCandidates(
  index: SearchIndex,
  query: QueryAnalysis,
  keys: number[],
  placesOf: (passage: Passage) => { all: Place[]; head: Place[] },
  /** The passage with its title, normalised (fact checks and literal codes look at characters). */
  factsText: (passage: Passage) => string,
  placesIn: (passage: Passage) => readonly Place[],
): ScoredPassage[] {
  const { k1, b, titleWeight } = RANKING;
  // The words a synonym group stands for (培训, 技能培训, 职业技能 for 夜校) are one concept: a passage scores
  // its best one, not their sum, so a passage dense in a concept's general words does not outrank the one
  // naming the very thing said. Ungrouped words (slot -1) add up as usual.
  const groupSlot = new Map<string, number>();
  const terms = query.weighted.map((t) => {
    const slot = t.group === undefined ? -1 : (groupSlot.get(t.group) ?? groupSlot.set(t.group, groupSlot.size).get(t.group)!);
    return { ...t, idf: idf(index, t.term), slot };
  });
  const groupBest = new Float64Array(groupSlot.size);
  const units = coverageUnits(index, query.weighted, new Set(query.places.map((m) => m.place.shortName.toLowerCase())));
  const totalUnitWeight = units.reduce((s, u) => s + u.weight, 0) || 1;
  const strongTotal = units.filter((u) => u.strong).length;
  const specificTotal = units.filter((u) => u.strong && [...u.members.keys()].some((m) => !u.generic.has(m))).length;
  // A yes/no question's predicate (有没有洗衣机) must be spoken of, in its own words or its synonyms'; a verb some
  // source uses may be said in other words in the passage: it is required only when no source uses it.
  const predicate = query.predicate && (!query.predicate.verb || (index.df.get(query.predicate.label) ?? 0) === 0) ? query.predicate : null;
  const askedPlaces = query.places.map((m) => m.place);
  // A printed code ("1+1+N") is a strong, exact signal: one unit as heavy as the rarest term.
  const literalWeight = idf(index, "\u0000never");
  const totalWeight = totalUnitWeight + literalWeight * query.literals.length;
  const out: ScoredPassage[] = [];
  for (const key of keys) {
    const passage = index.passages[key];
    const stats = index.stats[key];
    const norm = 1 - b + (b * stats.length) / index.avgLength;
    let bm25 = 0;
    const present = new Set<string>();
    const text = factsText(passage);
    groupBest.fill(0);
    for (const t of terms) {
      let tf = titleWeight * (stats.titleTf.get(t.term) ?? 0) + (stats.bodyTf.get(t.term) ?? 0);
      // jieba may cut the passage differently (重新上岗 vs 新上岗): the characters are there all the same.
      if (tf === 0 && t.weight >= 0.5 && t.term.length >= 2 && text.includes(t.term)) tf = 1;
      if (tf === 0) continue;
      present.add(t.term);
      const contribution = t.weight * t.idf * ((tf * (k1 + 1)) / (tf + k1 * norm));
      if (t.slot < 0) bm25 += contribution;
      else if (contribution > groupBest[t.slot]) groupBest[t.slot] = contribution;
    }
    for (const best of groupBest) bm25 += best;
    if (bm25 === 0) continue;
    let covered = 0;
    for (const literal of query.literals) if (text.includes(literal)) covered += literalWeight;
    let strongMatched = 0;
    let exactMatched = 0;
    const places = placesOf(passage);
    const region = relateRegions(askedPlaces, places.all, places.head);
    for (const u of units) {
      let credit = 0;
      for (const [term, c] of u.members) if (c > credit && present.has(term)) credit = c;
      // The document is about the place asked (a 浙江 paper's "全省"): the place is matched.
      if (u.place && credit === 0 && region === "match") {
        covered += u.weight;
        if (u.strong) {
          strongMatched += 1;
          exactMatched += 1;
        }
        continue;
      }
      covered += credit * u.weight;
      // A long compound (取暖救助, 户外劳动者) is a specific match on its own: it counts as two words.
      // Generic words (企业 for 单位) and pieces of synonyms (劳动 of 劳动争议) are in nearly every passage.
      const specific = [...u.members.keys()].filter((m) => present.has(m) && !u.generic.has(m) && !u.loose.has(m) && !u.guessed.has(m));
      // A concept's related term (服务站点 for 司机之家) is one match, however long.
      if (u.strong && specific.length > 0) strongMatched += specific.some((m) => m.length >= 4 && u.members.get(m) === 1) ? 2 : 1;
      if (u.strong && specific.some((m) => u.exact.has(m))) exactMatched += 1;
    }
    const coverage = covered / totalWeight;
    // Topic words of the question found here (not generic ones, not single characters): an asked value must be
    // printed near one of them.
    const anchors = terms
      .filter((t) => present.has(t.term) && !t.generic && !t.askWord && t.term.length >= 2 && t.weight >= 0.5)
      .map((t) => ({ term: t.term, group: t.group ?? t.parent ?? t.term }));
    const valueText = region === "match" ? aboutAskedPlace(text, askedPlaces, places) : text;
    const about = query.asked.kinds.length > 0 ? aboutText(valueText, titleText(passage), anchors) : undefined;
    const aboutOne = query.asked.kinds.includes("cost") ? aboutText(text, titleText(passage), anchors, 1) : undefined;
    // "哪几个县有": places of the level asked must be named, not only the province around them.
    const level = query.asked.placeLevels;
    const hasPlace = placesIn(passage).some((p) => !level || (level.includes(p.level) && !askedPlaces.some((q) => q.id === p.id)));
    const missing = missingFacts(query.asked, text, hasPlace, passage.doc.hasBenefits === true, about, aboutOne);
    if (predicate && !predicate.spellings.some((sp) => text.includes(sp))) missing.push(predicate.label);
    // A choice question is answered by a passage that prints one of its options.
    if (query.choice && !query.choice.spellings.some((sp) => text.includes(sp))) missing.push(query.choice.label);
    let score = bm25 * (0.25 + coverage) * RANKING.region[region];
    const running = passage.doc.status !== "ended" && passage.doc.status !== "planned";
    if (passage.doc.kind === "programme") score *= running ? RANKING.programme : RANKING.notRunning;
    // Union staff wrote it for exactly such questions: it ranks as a running programme does.
    if (passage.doc.kind === "faq") score *= RANKING.programme;
    if (missing.length > 0) score *= RANKING.missingFact;
    out.push({ passage, score, bm25, coverage, region, missing, strongMatched, strongTotal, specificTotal, exactMatched });
  }
  return out.sort((a, b2) => b2.score - a.score);
}
