/**
 * Station hits for `ask`: "余杭哪里能热饭?", "海盐有驿站吗", "where can I charge my phone in Hangzhou".
 * The place comes from the query's place matches (the gazetteer), the need from the need vocabulary;
 * the hits are the stations in that place nearest to its centre, or the nearest ones outside it.
 */
import { translate } from "../../i18n.js";
import type { AnalyzedQuery, HitProvider } from "../knowledge.js";
import { placeNameIn } from "../places/names.js";
import type { Gazetteer, Place } from "../places/types.js";
import type { Hit } from "../types.js";
import { needsInText, type Need } from "./amenities.js";
import type { PlaceResult, StationFinder } from "./finder.js";
import { detailLine, directionLabel, displayName, formatDistance, needLabel, openLabel } from "./format.js";
import type { Station, StationResult } from "./types.js";
import type { Locale } from "../../locale.js";

/** Words that make a question about stations even without a need ("海盐有驿站吗"). */
const STATION_WORDS = [
  "驿站", "服务站", "站点", "爱心驿站", "小哥驿站", "暖心驿站", "歇脚点", "休息点", "落脚点",
  "station", "rest stop", "rest stops",
];
/** With a need, these make it a "where" question ("哪里能热饭"), not a "how to" one ("充电学习"). */
const WHERE_WORDS = ["哪里", "哪儿", "哪有", "在哪", "附近", "哪能", "哪个地方", "最近", "where", "nearest", "near", "nearby", "close to"];

const LEVEL_DEPTH = { province: 0, city: 1, county: 2 } as const;
/** With no station in the place asked about, nearer ones outside it are offered up to this far (as the bot's location search). */
const NEAREST_OUTSIDE_MAX_M = 100_000;

export interface StationHitProviderOptions {
  /** The finder, or a function giving the current one (e.g. StationDirectory.finder). */
  finder: StationFinder | (() => StationFinder | Promise<StationFinder>);
  /** Default: now. */
  now?: () => Date;
  /** Names the area of a station outside the place in English ("Linping District (临平区)"); else as listed. */
  gazetteer?: Gazetteer;
}

/** With a station word, these make it a question about whether one exists ("海盐有驿站吗"). */
const EXIST_WORDS = ["有没有", "有吗", "有驿站", "有站点", "有服务站", "有哪些", "is there", "are there", "any "];
/** Questions about numbers, targets or plans are for the news, not for a station list. */
const NOT_A_LOOKUP = /多少|几个|几家|几座|目标|覆盖率|规划|计划|how many|how much|target|coverage|plan/i;

/** A question that asks where stations are (or whether there is one), as opposed to news about stations. */
export function isStationQuestion(raw: string): boolean {
  const lower = raw.toLowerCase();
  if (NOT_A_LOOKUP.test(lower)) return false;
  const where = WHERE_WORDS.some((w) => lower.includes(w));
  if (STATION_WORDS.some((w) => lower.includes(w))) return where || EXIST_WORDS.some((w) => lower.includes(w));
  return needsInText(raw).length > 0 && where;
}

/** The most specific place named (余杭 over 杭州 in "杭州余杭哪里能热饭"). */
function mostSpecific(query: AnalyzedQuery): Place | undefined {
  return [...query.places].sort((a, b) => LEVEL_DEPTH[b.place.level] - LEVEL_DEPTH[a.place.level] || a.start - b.start)[0]?.place;
}

/** "现在/还开着/open now": only stations open at this moment count. */
const OPEN_NOW = /现在|此刻|这会儿|眼下|还开着|开着的|开门的|营业中|正在营业|还营业|\b(?:now|currently|at the moment)\b|still open/i;

export function asksOpenNow(raw: string): boolean {
  return OPEN_NOW.test(raw);
}

export function createStationHitProvider(options: StationHitProviderOptions): HitProvider {
  const finderOf = typeof options.finder === "function" ? options.finder : () => options.finder as StationFinder;

  return {
    kind: "station",
    /** Up to `limit` stations: each one the answer names is also a hit (a source line and a button). */
    async search(query: AnalyzedQuery, limit: number): Promise<Hit[]> {
      if (!isStationQuestion(query.raw)) return [];
      const place = mostSpecific(query);
      // "Nearest to the centre of 浙江省" means nothing to someone on the road: a city or county is needed.
      if (!place || place.level === "province") return [];
      const locale: Locale = query.english ? "en" : "zh-CN";
      const needs = needsInText(query.raw);
      const openNow = asksOpenNow(query.raw);
      const at = options.now?.() ?? new Date();
      const result = (await finderOf()).inPlace(place, { needs, openNow, limit, at, maxDistanceM: NEAREST_OUTSIDE_MAX_M });
      const placeName = placeNameIn(place, locale);
      const areaName = (station: Station) => areaLabel(station, locale, options.gazetteer);
      const inside = result.inside.length > 0;
      const hits = (inside ? result.inside : result.nearestOutside).map((r) => toHit(r, place, placeName, locale, !inside));
      if (hits.length === 0) return [];
      hits[0] = { ...hits[0]!, lead: stationLead(result, { placeName, needs, openNow, locale, areaName }) };
      return hits;
    },
  };
}

interface LeadContext {
  placeName: string;
  needs: readonly Need[];
  openNow: boolean;
  locale: Locale;
  /** The area a station outside the place is in (areaLabel). */
  areaName: (station: Station) => string;
}

/** The county (else city) a station lists, named for the member (English with the Chinese in brackets). */
function areaLabel(station: Station, locale: Locale, gazetteer: Gazetteer | undefined): string {
  const listed = station.county ?? station.city ?? station.address ?? "";
  const name = station.county ? `${station.city ?? ""}${station.county}` : station.city;
  const place = locale === "en" && gazetteer && name ? gazetteer.resolve(name) : undefined;
  return place ? placeNameIn(place, locale) : listed;
}

/**
 * One reply: the stations in the place (open ones first, then nearest to its centre); or that there are none (with why:
 * none has the service, or none is open now) and the nearest ones outside with distance and direction.
 */
export function stationLead(result: PlaceResult, c: LeadContext): string {
  const t = (key: string, vars: Record<string, string | number> = {}) => translate(c.locale, key, { place: c.placeName, ...vars });
  const need = needLabel(c.needs, c.locale);
  const what = (open: boolean) => t(`stations-what-${open ? "open-" : ""}${c.needs.length > 0 ? "need" : "any"}`, { need });
  const separator = c.locale === "en" ? "; " : "；";
  if (result.inside.length > 0) {
    const list = result.inside.map((r) =>
      t("stations-lead-inside-item", { name: displayName(r.station, c.locale), distance: formatDistance(r.distanceM, c.locale), open: openLabel(r.openNow, c.locale) }),
    );
    return t(c.openNow ? "stations-lead-inside-open" : "stations-lead-inside", { what: what(c.openNow), list: list.join(separator) });
  }
  const lines: string[] = [];
  if (c.openNow && result.notOpenInside > 0) lines.push(t("stations-lead-none-open", { count: result.notOpenInside, what: what(false) }));
  else if (c.needs.length > 0 && result.totalInside > 0) lines.push(t("stations-lead-none-with-need", { count: result.totalInside, need }));
  else lines.push(t("stations-lead-none", { what: what(c.openNow) }));
  if (result.nearestOutside.length === 0) {
    lines.push(t("stations-lead-outside-none"));
    return lines.join("");
  }
  const centre = result.place;
  const list = result.nearestOutside.map((r) =>
    t("stations-lead-outside-item", {
      name: displayName(r.station, c.locale),
      area: c.areaName(r.station),
      distance: formatDistance(r.distanceM, c.locale),
      direction: directionLabel(centre, r.station, c.locale),
      open: openLabel(r.openNow, c.locale),
    }),
  );
  lines.push(t("stations-lead-outside", { list: list.join(separator) }));
  return lines.join(c.locale === "en" ? " " : "");
}

function toHit(result: StationResult, place: Place, placeName: string, locale: Locale, outside: boolean): Hit {
  const { station } = result;
  const fromCentre = translate(locale, outside ? "stations-distance-direction-from-centre" : "stations-distance-from-centre", {
    place: placeName,
    distance: formatDistance(result.distanceM, locale),
    direction: directionLabel(place, station, locale),
  });
  const address = station.address ? `${station.address} · ` : "";
  const operator = station.operator ? `${translate(locale, "stations-operator", { operator: station.operator })} · ` : "";
  return {
    kind: "station",
    id: station.id,
    title: displayName(station, locale),
    snippet: `${operator}${address}${detailLine(result, locale, fromCentre)}`,
    // The list a real station comes from is its source; who runs it is said in the snippet. A station without
    // a listed source (and every sample one, whose title carries the marker) has no source line at all.
    source:
      station.sample || !station.source
        ? { paper: null, date: null, issue: null, title: null, url: null }
        : { paper: station.source, date: station.lastVerified, issue: null, title: station.name, url: null },
    // Nearer to the place's centre ranks higher; open stations above closed ones.
    score: Math.round((1 / (1 + result.distanceM / 1000)) * (result.openNow === false ? 0.5 : 1) * 1000) / 1000,
    ...(station.sample ? { sample: true } : {}),
  };
}
