/** Place answers in the eligibility conversations: typed names, shared locations, catalogue regions. */
import { InlineKeyboard } from "grammy";
import type { Programme } from "../../knowledge/catalogue/types.js";
import { type FactValue, factsFromText, mostSpecificPlace, placeFinderFrom, saidLine } from "../../knowledge/eligibility/index.js";
import { distanceMetres } from "../../knowledge/places/gazetteer.js";
import { placeNameIn, qualifiedPlaceNameIn, stripPlaceSuffix } from "../../knowledge/places/names.js";
import type { Gazetteer, Place } from "../../knowledge/places/types.js";
import type { BotDeps, ConversationContext } from "../context.js";
import { CB, type Facts } from "./find-shared.js";

/** Province/city/county facts for a place from the gazetteer. */
export function placeFacts(place: Pick<Place, "level" | "name" | "province" | "city" | "county">): Facts {
  const facts: Facts = { province: place.province };
  const city = place.level === "city" ? place.name : place.city;
  const county = place.level === "county" ? place.name : place.county;
  if (city) facts.city = city;
  if (county) facts.county = county;
  return facts;
}

/** Facts for a region written in the catalogue (a "淮安" button of a programme). */
export function regionFacts(p: Programme): Facts {
  const facts: Facts = {};
  if (p.region?.province) facts.province = p.region.province;
  if (p.region?.city) facts.city = p.region.city;
  if (p.region?.county) facts.county = p.region.county;
  return facts;
}

/** Resolves a typed place ("淮安", "杭州余杭", "Haiyan", "小浦镇"); null when unknown. */
export function resolveTypedPlace(deps: BotDeps, text: string, locale = "zh-CN"): { facts: Facts; label: string } | null {
  const cleaned = text.trim().replace(/^(我在|在|住在|我住在)/, "").replace(/(这边|那边|这里|一带)$/, "");
  // "Huai'an" / "Huai an" are written "Huaian" in the gazetteer.
  const gazetteer = deps.places.gazetteer;
  // A town ("小浦镇", "长兴和平镇") stands for its county when the words tell which county it is.
  const place = gazetteer.townsIn?.(cleaned).length
    ? mostSpecificPlace(gazetteer, cleaned)
    : (gazetteer.resolve(cleaned) ?? gazetteer.resolve(cleaned.replace(/['’\s-]/g, "")));
  if (!place) return null;
  return { facts: placeFacts(place), label: qualifiedPlaceNameIn(place, locale) };
}

/** The county (else city, else province) named in a sentence ("我在淮安,看病自己花了四千多", "in Huai'an"). */
export function mostSpecificPlaceIn(deps: Pick<BotDeps, "places">, text: string): Place | undefined {
  return mostSpecificPlace(deps.places.gazetteer, text);
}

/** A town name in the text that several counties share ("和平镇": 湖州市长兴县, 淮安市清江浦区), or null. */
export function sharedTownIn(deps: Pick<BotDeps, "places">, text: string, locale: string): { town: string; places: string } | null {
  const town = deps.places.gazetteer.townsIn?.(text).find((t) => t.places.length > 1);
  if (!town) return null;
  return { town: town.matched, places: town.places.map((p) => qualifiedPlaceNameIn(p, locale)).join(locale === "en" ? ", " : "、") };
}

/** The most specific place named in a sentence, or null. */
export function placeInText(deps: Pick<BotDeps, "places">, text: string, locale = "zh-CN"): { facts: Facts; label: string } | null {
  const place = mostSpecificPlaceIn(deps, text);
  return place ? { facts: placeFacts(place), label: qualifiedPlaceNameIn(place, locale) } : null;
}

/** The county a shared location lies in, else the county (or city) whose centre is nearest. */
export function placeNear(deps: Pick<BotDeps, "places">, lat: number, lon: number, locale = "zh-CN"): { facts: Facts; label: string } | null {
  const gazetteer = deps.places.gazetteer;
  // In Zhejiang and Jiangsu the outlines say which county the member is in; the nearest centre often does not.
  const inside = gazetteer.countyAt?.({ lat, lon });
  if (inside) return { facts: placeFacts(inside), label: qualifiedPlaceNameIn(inside, locale) };
  const places = gazetteer.places;
  let best: { place: Place; d: number } | undefined;
  for (const place of places) {
    // A province's centre is its capital's; a municipality (北京, 上海), listed without districts, stands for itself.
    if (place.level === "province" && gazetteer.within(place).length > 1) continue;
    const d = distanceMetres({ lat, lon }, place);
    if (!best || d < best.d || (d === best.d && place.level === "county")) best = { place, d };
  }
  // Farther than ~80 km from any centre: not in the gazetteer's area (abroad, at sea).
  if (!best || best.d > 80_000) return null;
  return { facts: placeFacts(best.place), label: qualifiedPlaceNameIn(best.place, locale) };
}

/**
 * A catalogue region's name for a button: 淮安 in Chinese, "Huai'an (淮安市)" in English (the gazetteer's
 * English name; a region the gazetteer does not know keeps its Chinese name).
 */
export function regionName(gazetteer: Gazetteer, region: { province?: string | null; city?: string | null; county?: string | null }, level: "province" | "city" | "county" | undefined, locale: string): string | null {
  const name = level ? region[level] : (region.county ?? region.city ?? region.province);
  if (!name) return null;
  if (locale === "en") {
    const qualified = level === "county" || (!level && region.county) ? `${region.city ?? ""}${name}` : name;
    const place = gazetteer.resolve(qualified) ?? gazetteer.resolve(name);
    if (place && stripPlaceSuffix(place.name) === stripPlaceSuffix(name)) return placeNameIn(place, "en");
  }
  return stripPlaceSuffix(name);
}

/**
 * The distinct areas of these programmes (at most `max`), each with a programme that lies in it: named at
 * `level`, else at the most specific level the programme has (as shortPlace names it).
 */
export function areaChoices(deps: Pick<BotDeps, "places">, programmes: Programme[], level: "province" | "city" | "county" | undefined, locale: string, max: number): { id: string; label: string }[] {
  const seen = new Set<string>();
  const out: { id: string; label: string }[] = [];
  for (const p of programmes) {
    if (out.length >= max) break;
    const label = p.region ? regionName(deps.places.gazetteer, p.region, level, locale) : null;
    if (!label || seen.has(label)) continue;
    seen.add(label);
    out.push({ id: p.id, label });
  }
  return out;
}

/** One-tap answers for a place question: the regions of these programmes at that level (at most 6). */
export function regionButtons(deps: Pick<BotDeps, "places">, programmes: Programme[], fact: string, locale: string): { id: string; label: string }[] {
  if (fact !== "province" && fact !== "city" && fact !== "county") return [];
  return areaChoices(deps, programmes, fact, locale, 6);
}

/** The programme's area for a place button (淮安 / "Huai'an (淮安市)"), or null when it is national. */
export function shortPlace(deps: Pick<BotDeps, "places">, p: Programme, locale: string): string | null {
  return p.region ? regionName(deps.places.gazetteer, p.region, undefined, locale) : null;
}

/** Facts the member's words state, with the place named for them; null when they state nothing. */
export function statedIn(deps: Pick<BotDeps, "places">, text: string, locale: string): { facts: Facts; place?: string } | null {
  const gazetteer = deps.places.gazetteer;
  const label = (p: Place) => qualifiedPlaceNameIn(p, locale);
  const { facts, placeLabel: place } = factsFromText(text, placeFinderFrom(gazetteer, label));
  if (Object.keys(facts).length === 0) return null;
  return { facts, ...(place ? { place } : {}) };
}

const PLACE_ONLY = new Set(["province", "city", "county"]);

/**
 * Says what was taken from the member's words: "地点：…" for a place alone, else one line
 * ("按您说的：淮安，自费约4000多元") with a button to drop it and be asked instead.
 */
export async function tellStated(ctx: ConversationContext, said: { facts: Facts; place?: string }, locale: string): Promise<void> {
  const others = Object.entries(said.facts).filter(([f]) => !PLACE_ONLY.has(f));
  if (others.length === 0) {
    if (said.place) await ctx.reply(ctx.t("find-where-set", { place: said.place }));
    return;
  }
  const line = saidLine(Object.fromEntries(others) as Record<string, FactValue>, locale, said.place);
  if (!line) return;
  await ctx.reply(line, { reply_markup: new InlineKeyboard().text(ctx.t("find-unsay"), CB.unsay) });
}
