/** Place-name comparison shared by eligibility, stations and anything else matching names people type. */
import { translate } from "../../i18n.js";
import type { Locale } from "../../locale.js";
import type { Place } from "./types.js";

const SUFFIXES = ["特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "地区", "新区", "街道", "省", "市", "县", "区", "盟", "旗", "镇", "乡", "村"];

/** "淮安市" -> "淮安", "浙江省" -> "浙江"; never strips a name down to a single character. */
export function stripPlaceSuffix(name: string): string {
  let n = name.replace(/\s+/g, "").trim();
  for (const suffix of SUFFIXES) {
    if (n.length > suffix.length + 1 && n.endsWith(suffix)) {
      n = n.slice(0, -suffix.length);
      break;
    }
  }
  return n;
}

/** The same place, with or without its suffix (淮安 = 淮安市). */
export function samePlace(a: string, b: string): boolean {
  return stripPlaceSuffix(a) === stripPlaceSuffix(b);
}

/**
 * A place as a member reads it: the Chinese name; in English the English name with the Chinese in brackets
 * ("Yuhang District (余杭区)"), so it can be matched with signs and addresses, which are Chinese. A place
 * without an English name stays Chinese.
 */
export function placeNameIn(place: Place, locale: Locale): string {
  const english = place.english?.[0];
  if (locale !== "en" || !english) return place.name;
  // A county-level city (慈溪市) or an autonomous county (景宁畲族自治县) keeps its plain English name.
  const kind = place.level !== "county" || /自治县$/.test(place.name) ? "place" : place.name.endsWith("区") ? "district" : place.name.endsWith("县") ? "county" : "place";
  return translate(locale, `place-name-${kind}`, { english, name: place.name });
}

/** A Chinese place name with the city or province it lies in (杭州市余杭区, 浙江省杭州市), as a member tells places apart. */
export function qualifiedPlaceName(place: { name: string; level: Place["level"] | null; province?: string | null; city?: string | null }): string {
  if (place.level === "county" && place.city && place.city !== place.name) return `${place.city}${place.name}`;
  if (place.level === "city" && place.province && place.province !== place.name) return `${place.province}${place.name}`;
  return place.name;
}

/** A place named fully: in Chinese with its city or province (杭州市余杭区); in English as placeNameIn names it. */
export function qualifiedPlaceNameIn(place: Place, locale: string): string {
  return locale === "en" ? placeNameIn(place, "en") : qualifiedPlaceName(place);
}
