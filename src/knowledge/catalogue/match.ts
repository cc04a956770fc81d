/**
 * Finds a programme from what someone typed: exact id, exact name or alias, then the best
 * character-overlap match (bigrams of name, aliases and keywords). The search index (src/knowledge/search)
 * ranks whole questions; this is for naming one programme, e.g. in `check` input.
 */
import { normalizeName } from "./names.js";
import type { Catalogue, Programme } from "./types.js";

export interface ProgrammeMatch {
  programme: Programme;
  how: "id" | "name" | "fuzzy";
  /** 0..1 for fuzzy matches, 1 for exact ones. */
  score: number;
}

function bigrams(s: string): Set<string> {
  const n = normalizeName(s);
  const out = new Set<string>();
  if (n.length === 1) out.add(n);
  for (let i = 0; i + 1 < n.length; i++) out.add(n.slice(i, i + 2));
  return out;
}

/** Share of the query's bigrams found in the text (Dice-like, weighted to the query). */
function overlap(query: Set<string>, text: Set<string>): number {
  if (query.size === 0 || text.size === 0) return 0;
  let hit = 0;
  for (const g of query) if (text.has(g)) hit++;
  return (2 * hit) / (query.size + Math.min(text.size, query.size * 2));
}

/** Minimum fuzzy score to accept a match: below it, `check` reports an unknown programme. */
export const FUZZY_THRESHOLD = 0.45;

export function matchProgramme(catalogue: Catalogue, query: string): ProgrammeMatch | undefined {
  const q = query.trim();
  if (!q) return undefined;
  const byId = catalogue.get(q);
  if (byId) return { programme: byId, how: "id", score: 1 };
  const byName = catalogue.findByName(q);
  if (byName) return { programme: byName, how: "name", score: 1 };
  const qg = bigrams(q);
  let best: ProgrammeMatch | undefined;
  for (const p of catalogue.programmes) {
    const candidates = [p.name, ...p.aliases];
    let score = Math.max(...candidates.map((c) => overlap(qg, bigrams(c))));
    // Keywords help a little (e.g. "宁波社工证补贴"), never alone.
    const kw = bigrams(p.keywords.join(""));
    score = Math.max(score, 0.8 * score + 0.2 * overlap(qg, kw));
    if (!best || score > best.score) best = { programme: p, how: "fuzzy", score };
  }
  return best && best.score >= FUZZY_THRESHOLD ? best : undefined;
}
