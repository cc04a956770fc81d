/**
 * The candidate index: FlexSearch over jieba tokens (FlexSearch's own encoders cannot cut Chinese), plus the
 * term statistics FlexSearch does not expose (term frequencies per field, document frequencies, lengths)
 * that the ranking needs.
 */
import { Index } from "flexsearch";
import { segmentForSearch } from "../text/segmenter.js";
import type { Passage } from "./documents.js";

export interface PassageStats {
  titleTf: Map<string, number>;
  bodyTf: Map<string, number>;
  length: number;
}

export interface SearchIndex {
  readonly passages: readonly Passage[];
  readonly stats: readonly PassageStats[];
  /** Passages containing each term (title or body). */
  readonly df: ReadonlyMap<string, number>;
  readonly avgLength: number;
  /** FlexSearch lookup: passage keys for a query already cut into tokens. */
  candidates(tokens: string[], limit: number): number[];
  /** The raw FlexSearch index (the benchmark's baseline uses it directly). */
  readonly flex: Index;
}

function countTokens(tokens: string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

/** Tokens are joined with spaces and split back by FlexSearch: no stemming, no dedupe, numbers whole. */
export function createFlexIndex(): Index {
  return new Index({
    tokenize: "strict",
    resolution: 9,
    encode: (text: string) => text.split(" ").filter(Boolean),
  });
}

/** `tokenize` lets callers reuse cached tokens (the title of a long article is shared by its passages). */
export function buildSearchIndex(passages: Passage[]): SearchIndex {
  const flex = createFlexIndex();
  const stats: PassageStats[] = [];
  const df = new Map<string, number>();
  const titleCache = new Map<string, string[]>();
  let total = 0;
  for (const p of passages) {
    const titleText = `${p.doc.title} ${p.doc.extraTitle}`;
    let titleTokens = titleCache.get(titleText);
    if (!titleTokens) {
      titleTokens = segmentForSearch(titleText);
      titleCache.set(titleText, titleTokens);
    }
    const bodyTokens = segmentForSearch(p.text);
    const s: PassageStats = { titleTf: countTokens(titleTokens), bodyTf: countTokens(bodyTokens), length: bodyTokens.length + titleTokens.length };
    stats.push(s);
    total += s.length;
    for (const term of new Set([...s.titleTf.keys(), ...s.bodyTf.keys()])) df.set(term, (df.get(term) ?? 0) + 1);
    // Title first: FlexSearch ranks earlier positions higher, which is what a plain lookup should prefer.
    flex.add(p.key, [...titleTokens, ...bodyTokens].join(" "));
  }
  return {
    passages,
    stats,
    df,
    avgLength: passages.length > 0 ? total / passages.length : 1,
    flex,
    candidates(tokens, limit) {
      if (tokens.length === 0) return [];
      return flex.search(tokens.join(" "), { limit, suggest: true }) as number[];
    },
  };
}
