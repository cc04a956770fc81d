/**
 * Questions the sources could not answer (confidence "related" or "none"), kept for the staff's gap report.
 * No user or chat id is stored, and the text is masked before it gets here (mask.ts). The SQLite
 * and PostgreSQL stores implement the repository (src/storage).
 */

export type GapConfidence = "related" | "none";

export interface QuestionGap {
  /** Epoch milliseconds. */
  askedAt: number;
  /** The question with phone numbers, ID-card numbers and amounts masked. */
  question: string;
  confidence: GapConfidence;
  /** What the question is about (concept keys), for grouping. */
  concepts: string[];
}

export interface GapRepository {
  record(gap: QuestionGap): Promise<void>;
  /** Gaps asked at or after `since` (epoch ms), oldest first. */
  list(since: number): Promise<QuestionGap[]>;
  /** Deletes gaps asked before `before` (epoch ms); returns how many. */
  purge(before: number): Promise<number>;
}
