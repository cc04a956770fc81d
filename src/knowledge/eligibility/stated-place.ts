/**
 * The place a member's words name ("我在淮安", "in Huai'an", "长兴的", "小浦镇的"), as province/city/county
 * facts, with the words that named it (so "淮安困难户" can be read as said of oneself).
 */
import { stripPlaceSuffix } from "../places/names.js";
import type { Gazetteer, Place, TownMatch } from "../places/types.js";

export interface NamedPlace {
  facts: Record<string, string>;
  label: string;
  /** The words of the text that named places ("淮安", "小浦镇"). */
  words: string[];
}

export interface PlaceFinder {
  /** Province/city/county facts and a label for the most specific place named in the text, or null. */
  placeIn(text: string): NamedPlace | null;
}

type PlaceLookup = Pick<Gazetteer, "findInText"> & Partial<Pick<Gazetteer, "resolve" | "townsIn">>;

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

/** Two or three characters where a place stands: before 的/人/这边, or after 在/住在/来自 and before a verb or a pause. */
const PLACE_SLOTS = [
  /(?:^|[在是自到,，。;；!！?？\s])([\u4e00-\u9fff]{2,3}?)(?=的|人|这边|那边|这里|这儿|一带|本地)/gu,
  /(?:在|住在|来自|家在)([\u4e00-\u9fff]{2,3}?)(?=上班|工作|打工|干活|住|生活|做|开|送|跑|[,，。;；!！?？\s]|$)/gu,
];

function placeInSlot(resolve: (name: string) => Place | undefined, text: string): { place: Place; word: string } | undefined {
  for (const slot of PLACE_SLOTS) {
    for (const m of text.matchAll(slot)) {
      const name = m[1]!;
      const place = resolve(name);
      // Only the place's own name or short name, never a partial match of a longer word.
      if (place && (place.name === name || place.shortName === name)) return { place, word: name };
    }
  }
  return undefined;
}

/** Whether `place` is `other` or lies inside it (by the names of its city and province). */
function liesIn(place: Place, other: Place): boolean {
  return place === other || place.city === other.name || place.province === other.name;
}

/**
 * The county a town name places the member in: the only county with a town of that name, or the only
 * one inside a place the text also names ("淮安和平镇"). A name shared by counties the text does not tell
 * apart places nobody: the member is asked instead.
 */
function townCounty(towns: TownMatch[], named: Place[], text: string): { place: Place; word: string } | undefined {
  for (const town of towns) {
    const inNamed = named.length > 0 ? town.places.filter((c) => named.some((n) => liesIn(c, n))) : town.places;
    if (inNamed.length === 1) return { place: inNamed[0]!, word: town.matched };
    // Names the finder does not take from a sentence on their own ("长兴和平镇": 长兴 is also a word) still
    // tell apart the counties that share the town's name.
    const written = inNamed.filter((c) => [c.name, c.shortName, c.city, c.city && stripPlaceSuffix(c.city)].some((n) => !!n && n.length >= 2 && text.includes(n)));
    if (written.length === 1) return { place: written[0]!, word: town.matched };
  }
  return undefined;
}

/**
 * The most specific place a sentence names ("我在淮安", "in Huai'an": the apostrophe is not in the gazetteer),
 * with the words that named places. A short name that is also an everyday word (长兴, 天台) counts when the
 * sentence uses it as a place: "长兴的,…", "我是天台人", "在长兴上班" (with a gazetteer that can resolve
 * names). A town (乡镇、街道) counts where the gazetteer has its county (Zhejiang and Jiangsu).
 */
export function namedPlace(gazetteer: PlaceLookup, text: string): { place: Place; words: string[] } | undefined {
  const towns = gazetteer.townsIn?.(text) ?? [];
  let matches = gazetteer.findInText(text);
  if (matches.length === 0 && /['’]/.test(text)) matches = gazetteer.findInText(text.replace(/['’]/g, ""));
  // "和平镇" is a town, not 和平区 of another province: a town's name wins over a place inside it.
  matches = matches.filter((m) => !towns.some((t) => m.start < t.end && t.start < m.end));
  const named = matches.map((m) => m.place);
  const words = matches.map((m) => m.matched);
  if (named.length === 0 && gazetteer.resolve) {
    const slot = placeInSlot(gazetteer.resolve.bind(gazetteer), text);
    if (slot) {
      named.push(slot.place);
      words.push(slot.word);
    }
  }
  const town = townCounty(towns, named, text);
  if (town) return { place: town.place, words: [...words, town.word] };
  const found = [...named].sort((a, b) => SPECIFIC_FIRST[a.level] - SPECIFIC_FIRST[b.level])[0];
  return found ? { place: found, words } : undefined;
}

/** The most specific place a sentence names (see namedPlace). */
export function mostSpecificPlace(gazetteer: PlaceLookup, text: string): Place | undefined {
  return namedPlace(gazetteer, text)?.place;
}

/** A PlaceFinder over the gazetteer; `label` names the place for the member (default: its name). */
export function placeFinderFrom(gazetteer: PlaceLookup, label: (p: Place) => string = (p) => p.name): PlaceFinder {
  return {
    placeIn(text) {
      const found = namedPlace(gazetteer, text);
      return found ? { facts: placeFactsOf(found.place), label: label(found.place), words: found.words } : null;
    },
  };
}
