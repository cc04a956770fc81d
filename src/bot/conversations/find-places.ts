/** Place answers in the eligibility conversations: typed names, shared locations, catalogue regions. */
import type { Programme } from "../../knowledge/catalogue/types.js";
import { distanceMetres } from "../../knowledge/places/gazetteer.js";
import { stripPlaceSuffix } from "../../knowledge/places/names.js";
import type { Place } from "../../knowledge/places/types.js";
import type { BotDeps } from "../context.js";
import type { Facts } from "./find-shared.js";

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

/** Resolves a typed place ("淮安", "杭州余杭", "Haiyan"); null when unknown. */
export function resolveTypedPlace(deps: BotDeps, text: string): { facts: Facts; label: string } | null {
  const cleaned = text.trim().replace(/^(我在|在|住在|我住在)/, "").replace(/(这边|那边|这里|一带)$/, "");
  // "Huai'an" / "Huai an" are written "Huaian" in the gazetteer.
  const place = deps.knowledge.gazetteer?.resolve(cleaned) ?? deps.knowledge.gazetteer?.resolve(cleaned.replace(/['’\s-]/g, ""));
  if (!place) return null;
  return { facts: placeFacts(place), label: placeLabel(place) };
}

const SPECIFIC_FIRST = { county: 0, city: 1, province: 2 } as const;

/** The county (else city, else province) named in a sentence ("我在淮安,看病自己花了四千多"). */
export function mostSpecificPlaceIn(deps: Pick<BotDeps, "knowledge">, text: string): Place | undefined {
  const matches = deps.knowledge.gazetteer?.findInText(text) ?? [];
  return [...matches].sort((a, b) => SPECIFIC_FIRST[a.place.level] - SPECIFIC_FIRST[b.place.level])[0]?.place;
}

/** The most specific place named in a sentence, or null. */
export function placeInText(deps: BotDeps, text: string): { facts: Facts; label: string } | null {
  const place = mostSpecificPlaceIn(deps, text);
  return place ? { facts: placeFacts(place), label: placeLabel(place) } : null;
}

/** The county (or city) nearest to a shared location. */
export function placeNear(deps: BotDeps, lat: number, lon: number): { facts: Facts; label: string } | null {
  const gazetteer = deps.knowledge.gazetteer;
  const places = gazetteer?.places ?? [];
  let best: { place: Place; d: number } | undefined;
  for (const place of places) {
    // A province's centre is its capital's; a municipality (北京, 上海), listed without districts, stands for itself.
    if (place.level === "province" && gazetteer!.within(place).length > 1) continue;
    const d = distanceMetres({ lat, lon }, place);
    if (!best || d < best.d || (d === best.d && place.level === "county")) best = { place, d };
  }
  // Farther than ~80 km from any centre: not in the gazetteer's area (abroad, at sea).
  if (!best || best.d > 80_000) return null;
  return { facts: placeFacts(best.place), label: placeLabel(best.place) };
}

function placeLabel(place: Pick<Place, "level" | "name" | "province" | "city">): string {
  if (place.level === "county" && place.city) return `${place.city}${place.name}`;
  if (place.level === "city") return `${place.province}${place.name}`;
  return place.name;
}

export function shortPlace(p: Programme): string | null {
  const r = p.region;
  if (!r) return null;
  const name = r.county ?? r.city ?? r.province;
  return name ? stripPlaceSuffix(name) : null;
}
