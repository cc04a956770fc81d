/**
 * The search engine: documents -> passages -> FlexSearch candidates -> own ranking -> one hit per document.
 */
import { translate } from "../../i18n.js";
import type { Gazetteer, Place } from "../places/types.js";
import type { QueryAnalysis, WeightedTerm } from "../text/analyze.js";
import { type FactKind } from "../text/asked-fact.js";
import { BENEFIT, withoutUnstated } from "../text/stated.js";
import { normalizeText } from "../text/normalize.js";
import type { AnswerConfidence, Hit } from "../types.js";
import { toPassages, type Passage, type SearchDocument } from "./documents.js";
import { idf, RANKING, scoreCandidates, type ScoredPassage } from "./rank.js";
import { distinctPlaces } from "./region.js";
import { buildSearchIndex, type SearchIndex } from "./search-index.js";
import { bestWindow } from "./snippet.js";
import type { Locale } from "../../locale.js";

export interface RankedHit extends ScoredPassage {
  hit: Hit;
}

export interface SearchResult {
  /** True when the best hit covers the question, holds the asked fact and is not about another region. */
  found: boolean;
  /**
   * answer: found. related: the best hit is on the question's topic (a content word the corpus does not hold
   * everywhere, enough of the question) but does not state what was asked. none: nothing is about the question.
   */
  confidence: AnswerConfidence;
  /** Best first; present even when not found (callers must not show them as an answer then). */
  hits: RankedHit[];
  /** The place the question names that nothing in the sources is about, when that is why nothing was found. */
  missingPlace: string | null;
  /** Why nothing was found (for logs and the eval's miss list). */
  reason: string | null;
}


/** Prefix of a programme's snippet and answer when it is not running: 【已结束（2023年入冬以来）】. */
export function statusNote(doc: SearchDocument, locale: Locale): string {
  if (doc.kind !== "programme" || (doc.status !== "ended" && doc.status !== "planned")) return "";
  const period = doc.periodText?.trim();
  const key = `search-status-${doc.status}${period ? "" : "-undated"}`;
  return translate(locale, key, period ? { period } : {});
}

const FACT_SENTENCE: Record<FactKind, RegExp> = {
  money: /\d\s*(万|亿)?元|[一二三四五六七八九十百千万]元/,
  count: /\d/,
  phone: /\d{5,}/,
  date: /\d{1,2}\s*月|\d{4}\s*年/,
  day: /\d{1,2}\s*(月|日|号)/,
  year: /\d{4}\s*年/,
  apply: /申请|申报|报名|办理|登录|拨打|提交|携带/,
  place: /(省|市|县|区|镇|村|街道)/,
  benefit: BENEFIT,
  duration: /\d+\s*个?\s*(工作日|小时|天|周|个月)|\d+\s*(日|年)\s*(内|以内|之内)|当天/,
  cost: /免费|不收费|不花钱|不要钱|收费|\d\s*元|自费|自付/,
  hours: /\d{1,2}\s*[:：点时]|全天|24小时|工作日|周[一二三四五六日末]|节假日/,
  ratio: /\d\s*(%|％)|百分之|[一二三四五六七八九]成/,
  weekday: /(周|星期|礼拜)[一二三四五六日天末]|工作日|每天/,
  person: /(记者|主席|书记|总理|部长|局长|同志|获得|荣获|夺得|当选|冠军|主持|陪同|[^\s，。]{2,3}(说|表示|介绍))/,
};

export const SNIPPET_CHARS = 160;
/** Staff wrote the answer for members: it is quoted whole up to this length (longer ones around the match). */
export const FAQ_ANSWER_CHARS = 500;

const DATELINE = /(据)?(新华社|中新社|人民日报|本报)?[\p{Script=Han}]{2,4}\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*电/gu;

/** A sentence holding the asked kind of fact (an amount for 多少钱, a year for 哪年) anchors the snippet. */
function factBonus(query: QueryAnalysis): (sentence: string, normalized: string) => number {
  const { kinds, details, alternatives, hints = [] } = query.asked;
  const spellings = [...details, ...hints].map((d) => [d, ...(alternatives?.[d] ?? [])]);
  return (sentence, norm) => {
    const kindHits = kinds.filter((k) => FACT_SENTENCE[k].test(sentence)).length;
    const detailHits = spellings.filter((alts) => alts.some((a) => norm.includes(a))).length;
    return (kindHits + detailHits) * 2.5;
  };
}

/** Why a hit does not answer the question, or null when it does. */
function refusalReason(s: ScoredPassage, query: QueryAnalysis): string | null {
  // Only numbers or particles ("[1,2]", "?"): nothing says what the question is about.
  if ((s.strongTotal === 0 || s.specificTotal === 0) && query.literals.length === 0) return "no content words";
  if (s.region === "conflict") return "only other regions";
  if (s.coverage < RANKING.minCoverage) return `coverage ${s.coverage.toFixed(2)} < ${RANKING.minCoverage}`;
  // One matching word out of several is chance (手机 in "手机怎么截图"): a question with two or more content
  // words must have two of them in the passage, one with a single content word that one. Generic words
  // (工会, 休息, 免费) neither count as matches (nearly every passage holds them) nor as words a passage must match
  // ("越温暖一共帮扶了多少钱" has one content word); the one word left must then be printed as typed or in another
  // spelling, not only as a related word of its concept (春节 for 就地过年).
  const required = Math.min(2, s.specificTotal);
  if (s.strongMatched < required) return `only ${s.strongMatched} of ${s.strongTotal} content words`;
  if (required === 1 && s.specificTotal < s.strongTotal && s.exactMatched === 0) return "only related words of the one content word";
  if (s.missing.length > 0) return `passage lacks ${s.missing.join(", ")}`;
  // Weather, today, tomorrow: an undated story cannot say what happens now (an old forecast is not tomorrow's).
  if (query.asked.timely && !s.passage.doc.source.date) return "undated source for a question about now";
  return null;
}

/** A hit that does not answer may still be offered as possibly related: on topic, in the asked region. */
function relatedEnough(s: ScoredPassage, query: QueryAnalysis, reason: string): boolean {
  if (reason === "no content words" || reason === "only other regions") return false;
  if (query.asked.timely && !s.passage.doc.source.date) return false;
  return s.strongMatched >= 1 && s.coverage >= RANKING.minRelatedCoverage;
}

export class SearchEngine {
  private readonly docPlaces = new Map<SearchDocument, { all: Place[]; head: Place[] }>();
  private readonly passagePlaces = new Map<Passage, Place[]>();
  private readonly normalized = new Map<Passage, string>();
  private readonly normalizedDocs = new Map<SearchDocument, { title: string; body: string }>();

  private constructor(
    readonly index: SearchIndex,
    private readonly gazetteer: Gazetteer | undefined,
  ) {}

  static build(docs: SearchDocument[], gazetteer?: Gazetteer): SearchEngine {
    return new SearchEngine(buildSearchIndex(toPassages(docs)), gazetteer);
  }

  get passageCount(): number {
    return this.index.passages.length;
  }

  /**
   * Places a document is about: its own text, its region fields and the newspaper (浙江工人日报 -> 浙江); and
   * those of its headline and region fields alone (`head`: what it is about when they name a place).
   */
  private placesOf(doc: SearchDocument): { all: Place[]; head: Place[] } {
    let places = this.docPlaces.get(doc);
    if (!places) {
      // Datelines ("新华社北京11月6日电") say where the wire was filed, not what the story is about.
      const body = doc.body.replace(DATELINE, "");
      const text = [doc.title, doc.extraTitle, body, doc.regionText, doc.source.paper ?? ""].join("\n");
      const headText = [doc.title, doc.extraTitle, doc.regionText].join("\n");
      const all = distinctPlaces(this.gazetteer, text);
      const head = distinctPlaces(this.gazetteer, headText);
      // A headline may name a place by a short name that is also an everyday word ("路桥工会开设…": 路桥 is "roads
      // and bridges" too, so it is not read as a place alone): the body naming it in full (台州市路桥区) settles it.
      for (const p of all) if (p.shortName !== p.name && p.shortName.length >= 2 && !head.includes(p) && headText.includes(p.shortName)) head.push(p);
      places = { all, head };
      this.docPlaces.set(doc, places);
    }
    return places;
  }

  private normalizedText(p: Passage): string {
    let text = this.normalized.get(p);
    if (text === undefined) {
      // Catalogue notes ("原文未说明…") are dropped once here: they must not count as stating a fact.
      text = withoutUnstated(normalizeText(`${p.doc.title}\n${p.text}`));
      this.normalized.set(p, text);
    }
    return text;
  }

  /** Title and body normalised once per document (every snippet and answer of the document looks at them). */
  private normalizedDoc(doc: SearchDocument): { title: string; body: string } {
    let text = this.normalizedDocs.get(doc);
    if (!text) {
      text = { title: normalizeText(`${doc.title} ${doc.extraTitle}`), body: normalizeText(doc.body) };
      this.normalizedDocs.set(doc, text);
    }
    return text;
  }

  /** The places a passage names (not its document's). */
  private passagePlacesOf(p: Passage): Place[] {
    let places = this.passagePlaces.get(p);
    if (places === undefined) {
      places = distinctPlaces(this.gazetteer, p.text);
      this.passagePlaces.set(p, places);
    }
    return places;
  }

  search(query: QueryAnalysis, limit = 5, options: { locale?: Locale } = {}): SearchResult {
    const tokens = query.weighted.map((t) => t.term);
    const keys = this.index.candidates(tokens, RANKING.candidateLimit);
    const scored = scoreCandidates(
      this.index,
      query,
      keys,
      (p) => this.placesOf(p.doc),
      (p) => this.normalizedText(p),
      (p) => this.passagePlacesOf(p),
    );
    // One hit per document: its best passage, or a passage of it that states the asked fact when the best one
    // does not and it scores at least half as well (the fee is in the story's next paragraph).
    const byDoc = new Map<string, number>();
    const best: ScoredPassage[] = [];
    for (const s of scored) {
      const id = `${s.passage.doc.kind}:${s.passage.doc.id}`;
      const at = byDoc.get(id);
      if (at === undefined) {
        byDoc.set(id, best.length);
        best.push(s);
      } else if (best[at].missing.length > 0 && s.missing.length === 0 && s.score >= 0.5 * best[at].score) {
        // Keeps the document's place in the order.
        best[at] = { ...s, score: best[at].score };
      }
    }
    // A yes/no question about a group of people (退休职工, riders) is not answered by a source that says whom it is
    // for (it names other groups: 环卫工人) without naming them.
    const group = query.group;
    if (group) {
      for (const [i, s] of best.entries()) {
        const { title, body } = this.normalizedDoc(s.passage.doc);
        const text = `${title}\n${body}`;
        if (!group.spellings.some((w) => text.includes(w)) && group.others.some((w) => text.includes(w))) best[i] = { ...s, missing: [...s.missing, group.label] };
      }
    }
    // Narrow to the named region when something there (or around it) answers.
    const inRegion = best.filter((s) => s.region !== "conflict");
    const pool = query.places.length > 0 && inRegion.length > 0 ? inRegion : best;
    const shortlist = pool.slice(0, limit);
    // The best-scored hit may fail a check that a lower one passes (a news story mentions the group, the
    // programme below lists what they get): the first of the shortlist that passes every check leads.
    // It must be about as much about the question as the one it passes (as many of its content words, and not
    // much less of the question covered):
    // a passage that holds the asked kind of fact about something else (人次 of another programme for "夜校一周
    // 上几次课") does not overtake the story about the very thing asked.
    const top = shortlist[0];
    const passing = shortlist.findIndex(
      (s, i) => refusalReason(s, query) === null && (i === 0 || (s.strongMatched >= top.strongMatched && s.coverage >= 0.6 * top.coverage)),
    );
    // A question naming a place is about that place's own programme or story when one is on the question as much as
    // the passing hit: if it does not state the asked fact, a story about a wider area (or none) that states some
    // such value is about something else (婺城's course asked, a province-wide certificate allowance printed).
    const local = passing >= 0 && query.places.length > 0 && shortlist[passing].region !== "match"
      ? shortlist.findIndex((s) => s.region === "match" && s.missing.length > 0 && s.coverage > shortlist[passing].coverage && s.strongMatched >= Math.min(2, s.strongTotal))
      : -1;
    if (local >= 0) shortlist.unshift(...shortlist.splice(local, 1));
    else if (passing > 0) shortlist.unshift(...shortlist.splice(passing, 1));
    const reason = shortlist.length === 0 ? "no candidate" : passing >= 0 && local < 0 ? null : refusalReason(shortlist[0], query);
    const locale: Locale = options.locale ?? (query.english ? "en" : "zh-CN");
    const hits = shortlist.map((s) => ({ ...s, hit: this.toHit(s, query, locale) }));
    // The refusal names the asked place when nothing found is about it (上海 when the content is Zhejiang's).
    // National content ("broader") does not count: it says nothing about that place in particular.
    const aboutAskedPlace = hits.some((h) => h.region === "match");
    const missingPlace = reason !== null && !aboutAskedPlace ? (query.places[0]?.place.shortName ?? null) : null;
    const confidence: AnswerConfidence = reason === null ? "answer" : hits.length > 0 && relatedEnough(hits[0], query, reason) ? "related" : "none";
    return { found: reason === null, confidence, hits, reason, missingPlace };
  }

  /**
   * Terms for choosing sentences inside a document: a rare word (面点) says more about where the answer is than
   * a common one (工会), and words of the document's title (海盐, 工会 in 海盐县总工会…) are its topic, true of
   * every sentence, so they count little.
   */
  private snippetTerms(query: QueryAnalysis, doc: SearchDocument): WeightedTerm[] {
    // Rarity relative to the question's most specific word the corpus knows (a tiny corpus compresses idf).
    const known = query.weighted.filter((t) => (this.index.df.get(t.term) ?? 0) > 0);
    const max = Math.max(1e-9, ...known.map((t) => idf(this.index, t.term)));
    const { title, body } = this.normalizedDoc(doc);
    return query.weighted.map((t) => {
      // A sub-word (兴县 of 绍兴县) only stands in for its word where the word itself is absent.
      if (t.origin === "subword" && t.parent && body.includes(t.parent)) return { ...t, weight: 0 };
      const rarity = Math.min(1, idf(this.index, t.term) / max);
      const topical = title.includes(t.term) ? 0.15 : 1;
      return { ...t, weight: t.weight * (0.1 + rarity * rarity) * topical };
    });
  }

  /** The snippet favours sentences holding the asked kind of fact; an ended or planned programme says so first. */
  private toHit(s: ScoredPassage, query: QueryAnalysis, locale: Locale): Hit {
    const { doc, text } = s.passage;
    const note = statusNote(doc, locale);
    if (doc.kind === "faq") {
      const whole = doc.body.length <= FAQ_ANSWER_CHARS;
      const snippet = whole ? doc.body : bestWindow(text, this.snippetTerms(query, doc), FAQ_ANSWER_CHARS, factBonus(query));
      return { kind: "faq", id: doc.id, title: doc.title, snippet, source: { ...doc.source }, score: Math.round(s.score * 1000) / 1000 };
    }
    return {
      kind: doc.kind,
      id: doc.id,
      title: doc.title,
      snippet: note + bestWindow(text, this.snippetTerms(query, doc), SNIPPET_CHARS - note.length, factBonus(query)),
      source: { ...doc.source },
      score: Math.round(s.score * 1000) / 1000,
    };
  }

  /** For the answer: a longer window anywhere in the best document (the asked fact may sit in the next passage). */
  answerText(
    ranked: RankedHit,
    query: QueryAnalysis,
    maxChars: number,
    locale: Locale = query.english ? "en" : "zh-CN",
    others: readonly RankedHit[] = [],
  ): string {
    // A news story that a catalogue programme comes from carries that programme's status (取暖救助 has ended).
    const sameStory = ranked.passage.doc.kind === "article"
      ? others.find((o) => o.passage.doc.kind === "programme" && statusNote(o.passage.doc, locale) && o.passage.doc.source.title === ranked.passage.doc.title)
      : undefined;
    const note = statusNote(sameStory?.passage.doc ?? ranked.passage.doc, locale);
    const { doc } = ranked.passage;
    if (doc.kind === "faq") {
      const limit = Math.max(maxChars, FAQ_ANSWER_CHARS);
      return doc.body.length <= limit ? doc.body : bestWindow(doc.body, this.snippetTerms(query, doc), limit, factBonus(query));
    }
    return note + bestWindow(ranked.passage.doc.body, this.snippetTerms(query, ranked.passage.doc), maxChars - note.length, factBonus(query));
  }
}
