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

/** The most specific of some places: a place that encloses another of them is dropped (江苏 of 江苏, 淮安). */
export function mostSpecific(places: readonly Place[]): Place[] {
  return places.filter((outer) => !places.some((inner) => inner.id !== outer.id && isWithin(inner, outer)));
}

/**
 * How a document's places relate to the places a question names.
 * @param headPlaces places of the document's headline and region field: when they name one, the document is
 *   about its most specific one (a 淮安 programme is about 淮安, not about 江苏 as a whole, so it does not answer
 *   a question about 南京); the places its body mentions (examples, the paper's province) decide otherwise.
 */
export function relateRegions(asked: readonly Place[], docPlaces: readonly Place[], headPlaces: readonly Place[] = []): RegionRelation {
  if (asked.length === 0) return "neutral";
  // "杭州滨江…": the most specific place named is the one asked about (a story about 桐庐, also in 杭州, is not).
  if (asked.length > 1) asked = mostSpecific(asked);
  const head = mostSpecific(headPlaces);
  if (head.length > 0) return relateRegions(asked, head);
  if (docPlaces.length === 0) return "neutral";
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
