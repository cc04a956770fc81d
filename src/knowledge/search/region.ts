/**
 * Region matching: a question naming a place ("余杭哪里能充电") prefers content about that place or a place
 * inside it (a county inside the named city), accepts content about the enclosing area (a province-wide
 * programme answers a question about one of its cities), and drops content only about other places.
 */
import type { Gazetteer, Place } from "../places/types.js";

export type RegionRelation = "match" | "broader" | "neutral" | "conflict";

/** True when `inner` is `outer` or lies inside it. */
export function isWithin(inner: Place, outer: Place): boolean {
  if (inner.id === outer.id) return true;
  if (outer.level === "province") return inner.province === outer.name;
  if (outer.level === "city") return inner.level === "county" && inner.city === outer.name;
  return false;
}

export function relateRegions(asked: readonly Place[], docPlaces: readonly Place[]): RegionRelation {
  if (asked.length === 0 || docPlaces.length === 0) return "neutral";
  if (asked.some((q) => docPlaces.some((p) => isWithin(p, q)))) return "match";
  if (asked.some((q) => docPlaces.some((p) => isWithin(q, p)))) return "broader";
  return "conflict";
}

/** Places a document is about; cached per text because every passage of an article shares them. */
export class RegionTagger {
  private readonly cache = new Map<string, Place[]>();
  constructor(private readonly gazetteer: Gazetteer | undefined) {}

  placesOf(text: string): Place[] {
    if (!this.gazetteer) return [];
    let places = this.cache.get(text);
    if (!places) {
      const seen = new Set<string>();
      places = [];
      for (const m of this.gazetteer.findInText(text)) {
        if (!seen.has(m.place.id)) {
          seen.add(m.place.id);
          places.push(m.place);
        }
      }
      this.cache.set(text, places);
    }
    return places;
  }
}
