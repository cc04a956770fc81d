/**
 * Which articles of an issue go into one subscriber's digest, most relevant first.
 *
 * An article is a candidate when it belongs to one of the subscriber's topics ("all": every article) or
 * contains one of their keywords. With a region, an article that names places but none in or around the
 * subscriber's region is dropped (local news from elsewhere); one that names no place stays (national or
 * general news). Ranking: keyword matches, then topic score, then region match, then page order.
 */
import type { Gazetteer, Place } from "../places/types.js";
import type { Article } from "../types.js";
import type { Subscription, SubscriptionRegion } from "./types.js";
import { normalizeText } from "../text/normalize.js";
import { matchText, summarize, tidyText } from "./summary.js";
import { scoreTopics, topicsOf, type ClassifiedTopic } from "./topics.js";

export const MAX_DIGEST_ARTICLES = 8;

export interface PreparedArticle {
  seq: number;
  articleId: string;
  title: string;
  summary: string;
  /** Normalised headline and body for keyword matching. */
  text: string;
  normalizedTitle: string;
  scores: Record<ClassifiedTopic, number>;
  topics: ClassifiedTopic[];
  /** Places the article names (null: no gazetteer, region matching falls back to names). */
  places: Place[] | null;
}

/**
 * Articles worth a digest line: not too short (photo captions without text, page furniture), and not the
 * continuation of a story from another page that the parser could not join (its "headline" is made up).
 */
function worthListing(article: Article): boolean {
  if (article.continuedFrom) return false;
  return tidyText(article.title).length >= 4 && tidyText(article.body).length + tidyText(article.kicker ?? "").length >= 20;
}

export function prepareArticles(articles: Article[], gazetteer?: Gazetteer): PreparedArticle[] {
  return articles.filter(worthListing).map((article) => {
    const scores = scoreTopics(article.title, `${article.kicker ?? ""}\n${article.body}`);
    const text = matchText(article.title, `${article.kicker ?? ""}\n${article.body}`);
    return {
      seq: article.seq,
      articleId: article.id,
      title: tidyText(article.title),
      summary: summarize(article.body, article.kicker),
      text,
      normalizedTitle: normalizeText(article.title),
      scores,
      topics: topicsOf(scores),
      places: gazetteer ? uniquePlaces(gazetteer.findInText(text).map((m) => m.place)) : null,
    };
  });
}

function uniquePlaces(places: Place[]): Place[] {
  const seen = new Set<string>();
  return places.filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
}

/** True when the place is the region, lies inside it, or contains it (the province of a city...). */
export function placeRelatesTo(place: Place, region: SubscriptionRegion): boolean {
  if (region.placeId && place.id === region.placeId) return true;
  if (!region.province || place.province !== region.province) return false;
  if (place.level === "province" || region.level === "province") return true;
  if (!region.city || place.city !== region.city) return false;
  if (place.level === "city" || region.level === "city") return true;
  return place.county === region.county;
}

type RegionVerdict = "match" | "neutral" | "elsewhere";

/** The region's names as article text shows them, for articles prepared without a gazetteer. */
function regionNames(region: SubscriptionRegion): string[] {
  return [region.name, region.county, region.city, region.province, ...region.aliases]
    .filter((n): n is string => !!n && n.length >= 2)
    .map(normalizeText);
}

function regionVerdict(article: PreparedArticle, region: SubscriptionRegion | null, names: readonly string[]): RegionVerdict {
  if (!region) return "neutral";
  if (article.places) {
    if (article.places.length === 0) return "neutral";
    return article.places.some((p) => placeRelatesTo(p, region)) ? "match" : "elsewhere";
  }
  return names.some((n) => article.text.includes(n)) ? "match" : "neutral";
}

export interface RankedArticle {
  seq: number;
  score: number;
}

/** The subscriber's digest: article seqs, most relevant first, at most `max`; empty when nothing matches. */
export function selectArticles(articles: PreparedArticle[], sub: Pick<Subscription, "topics" | "region" | "keywords">, max = MAX_DIGEST_ARTICLES): number[] {
  const wantsAll = sub.topics.includes("all");
  const topics = sub.topics.filter((t): t is ClassifiedTopic => t !== "all");
  const keywords = sub.keywords.map((k) => normalizeText(k).trim()).filter((k) => k !== "");
  const names = sub.region ? regionNames(sub.region) : [];
  const ranked: RankedArticle[] = [];
  for (const article of articles) {
    const topicScore = Math.max(0, ...topics.map((t) => (article.topics.includes(t) ? article.scores[t] : 0)));
    const keywordScore = keywords.reduce(
      (sum, k) => sum + (article.normalizedTitle.includes(k) ? 2 : article.text.includes(k) ? 1 : 0),
      0,
    );
    const inTopics = wantsAll || topicScore > 0;
    if (!inTopics && keywordScore === 0) continue;
    const verdict = regionVerdict(article, sub.region, names);
    if (verdict === "elsewhere") continue;
    // "all" subscribers: union-relevant articles (any topic) before the rest.
    const generalScore = wantsAll ? Math.max(0, ...Object.values(article.scores)) / 4 : 0;
    const score = keywordScore * 100 + topicScore + generalScore + (verdict === "match" ? 10 : 0);
    ranked.push({ seq: article.seq, score });
  }
  ranked.sort((a, b) => b.score - a.score || a.seq - b.seq);
  return ranked.slice(0, max).map((r) => r.seq);
}
