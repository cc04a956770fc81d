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

/** The distinct places a text names, in order of first mention (none without a gazetteer). */
export function distinctPlaces(gazetteer: Gazetteer | undefined, text: string): Place[] {
  const byId = new Map<string, Place>();
  for (const m of gazetteer?.findInText(text) ?? []) if (!byId.has(m.place.id)) byId.set(m.place.id, m.place);
  return [...byId.values()];
}
