/**
 * The facade the bot and the CLI use. Implemented by loadKnowledge() in src/knowledge/index.ts
 * (owner: search). Other areas plug in without editing the search code:
 * stations register a HitProvider so `ask` returns `station` hits.
 */
import type { Answer, Hit } from "./types.js";
import type { Gazetteer, PlaceMatch } from "./places/types.js";
import type { Locale } from "../locale.js";

export interface AskOptions {
  /** Answer text language; hits are content and stay as printed. */
  locale?: Locale;
  /** Maximum number of hits (default 5). */
  limit?: number;
}

/** A question after segmentation, synonym expansion and place recognition. */
export interface AnalyzedQuery {
  raw: string;
  /** Search terms after stop words are removed and synonyms/English words mapped to Chinese. */
  terms: string[];
  places: PlaceMatch[];
  /** True when the question was mostly in English. */
  english: boolean;
}

/** Extra hit sources merged into `ask` results (e.g. stations). */
export interface HitProvider {
  readonly kind: Hit["kind"];
  search(query: AnalyzedQuery, limit: number): Promise<Hit[]>;
}

export interface Knowledge {
  ask(question: string, options?: AskOptions): Promise<Answer>;
  analyze(question: string): AnalyzedQuery;
  readonly gazetteer: Gazetteer;
  addHitProvider(provider: HitProvider): void;
  /**
   * What a question asks about, as concept keys (questions asking the same thing in other words share them);
   * groups the gap report. Optional: without it the query's search terms are used.
   */
  concepts?(question: string): string[];
  /** Rebuilds the search index from the store (after an ingest or publish in the same process). */
  reindex(): Promise<void>;
}
