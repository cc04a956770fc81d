/**
 * Region matching for eligibility: is the member's place inside the programme's area?
 * Names compare with or without their suffix (淮安 = 淮安市). A resolver (the gazetteer, when loaded)
 * fills in the enclosing city/province of a county ("海盐" -> 嘉兴市, 浙江省) so "杭州" vs a 海盐 programme
 * is a definite no. Without it, only the levels both sides name are compared and the rest stays unknown.
 */
import { samePlace, stripPlaceSuffix } from "../places/names.js";
import type { Gazetteer } from "../places/types.js";

export { samePlace, stripPlaceSuffix };

export type RegionLevel = "province" | "city" | "county";
export const REGION_LEVELS: readonly RegionLevel[] = ["province", "city", "county"];

export interface RegionChain {
  province: string | null;
  city: string | null;
  county: string | null;
}

/** Resolves a typed place name to its full chain; undefined when not known. */
export type PlaceResolver = (name: string, level?: RegionLevel) => RegionChain | undefined;

/** Adapts the gazetteer (src/knowledge/places) to a PlaceResolver. */
export function resolverFromGazetteer(gazetteer: Pick<Gazetteer, "resolve">): PlaceResolver {
  return (name) => {
    const place = gazetteer.resolve(name);
    if (!place) return undefined;
    return {
      province: place.province ?? null,
      city: place.level === "city" ? place.name : (place.city ?? null),
      county: place.level === "county" ? place.name : (place.county ?? null),
    };
  };
}

/**
 * A resolver built from chains already known (e.g. every programme's region in the catalogue):
 * "长兴" -> {浙江省, 湖州市, 长兴县}. Used when no gazetteer is available.
 */
export function resolverFromChains(chains: RegionChain[]): PlaceResolver {
  const byName = new Map<string, RegionChain>();
  for (const chain of chains) {
    for (const level of REGION_LEVELS) {
      const name = chain[level];
      if (!name) continue;
      const key = stripPlaceSuffix(name);
      // The chain up to this level is what we know about this name.
      const partial: RegionChain = {
        province: chain.province,
        city: level === "province" ? null : chain.city,
        county: level === "county" ? chain.county : null,
      };
      const known = byName.get(key);
      if (!known || countKnown(partial) > countKnown(known)) byName.set(key, partial);
    }
  }
  return (name) => byName.get(stripPlaceSuffix(name));
}

function countKnown(chain: RegionChain): number {
  return REGION_LEVELS.filter((l) => chain[l]).length;
}

/** Combines resolvers: the first that knows a name wins. */
export function chainResolvers(...resolvers: (PlaceResolver | undefined)[]): PlaceResolver {
  const list = resolvers.filter((r): r is PlaceResolver => !!r);
  return (name, level) => {
    for (const r of list) {
      const hit = r(name, level);
      if (hit) return hit;
    }
    return undefined;
  };
}

/** Fills the coarser levels of a chain from the resolver, never overriding what was given. */
export function enrichChain(chain: RegionChain, resolve?: PlaceResolver): RegionChain {
  const out = { ...chain };
  if (!resolve) return out;
  for (const level of ["county", "city", "province"] as const) {
    const name = chain[level];
    if (!name) continue;
    const found = resolve(name, level);
    if (!found) continue;
    // Only trust a resolution that agrees with the level the name was given at.
    if (found[level] && !samePlace(found[level]!, name)) continue;
    for (const l of REGION_LEVELS) if (!out[l] && found[l]) out[l] = found[l];
  }
  return out;
}

export type RegionOutcome =
  | { result: true }
  | { result: false; level: RegionLevel; member: string; programme: string }
  /** `ask`: the member fact whose answer would decide it. */
  | { result: null; ask: RegionLevel };

/** Is the member (province/city/county facts) inside the programme's area? Three-valued. */
export function regionWithin(member: RegionChain, area: RegionChain, resolve?: PlaceResolver): RegionOutcome {
  const m = enrichChain(member, resolve);
  const a = enrichChain(area, resolve);
  const finest = [...REGION_LEVELS].reverse().find((l) => a[l]);
  if (!finest) return { result: true };
  for (const level of REGION_LEVELS) {
    const want = a[level];
    const have = m[level];
    if (want && have && !samePlace(want, have)) return { result: false, level, member: have, programme: want };
  }
  if (m[finest]) return { result: true };
  // A name given at the wrong level ("city: 海盐" for a county programme) still identifies the place.
  const given = REGION_LEVELS.map((l) => m[l]).filter((n): n is string => !!n);
  if (given.some((n) => samePlace(n, a[finest]!))) return { result: true };
  // Coarser levels agree or are unknown: ask for the level the programme is tied to.
  return { result: null, ask: finest };
}
