/**
 * Shared content types of the knowledge layer. Knows nothing about Telegram.
 * The JSON shapes printed by the CLI (`ask --json`, `parse --json`) are built from these.
 */

/** Where a piece of content was printed. Unknown fields are null, never guessed. */
export interface SourceRef {
  paper: string | null;
  /** YYYY-MM-DD */
  date: string | null;
  /** Issue number as printed (e.g. "12773"). */
  issue: string | null;
  /** Article headline. */
  title: string | null;
  url?: string | null;
  /** Staff-written answers (kind `faq`): who wrote it; `date` is when. */
  author?: string | null;
}

export type ArticleKind = "news" | "photo" | "brief" | "feature" | "notice" | "other";

export interface IssueMeta {
  /** Stable id derived from paper + date + number (or the file's content hash when those are missing). */
  id: string;
  paper: string | null;
  date: string | null;
  number: string | null;
  /** National serial number as printed (e.g. "CN33—0018"); identifies the paper even when its name is not printed. */
  cn?: string | null;
  /** Chinese lunar date as printed (e.g. "甲辰年十月初七"). */
  lunarDate?: string | null;
  /** Page as printed in the masthead ("2" from "第2版"), when a file holds one page of an issue. */
  page?: string | null;
}

export interface Article {
  /** Stable id: `${issueId}/${seq}`. */
  id: string;
  issueId: string;
  seq: number;
  title: string;
  /** Sub-headline or kicker line printed with the headline, if any. */
  kicker: string | null;
  kind: ArticleKind;
  body: string;
  byline: string | null;
  url: string | null;
  /** True when the printed headline was lost (OCR): `title` is then the story's first phrase. */
  titleMissing?: boolean;
  /** Page this text continues from, as printed ("第一版" from "(上接第一版)"), when it could not be joined. */
  continuedFrom?: string | null;
  /** Page the story continues on, as printed ("第二版" from "(下转第二版)"). */
  continuesTo?: string | null;
}

export interface ParsedIssue {
  issue: IssueMeta;
  articles: Article[];
  /** What was accepted but should be checked by the operator (e.g. a story without a date). */
  warnings?: string[];
}

/** `faq`: an answer written by union staff (data/faq), cited as such with its author and date. */
export type HitKind = "programme" | "article" | "station" | "faq";

export interface Hit {
  kind: HitKind;
  id: string;
  title: string;
  snippet: string;
  source: SourceRef;
  /** Ranking score (higher is better); not part of the CLI contract. */
  score: number;
  /** True for demo data a user must not take as real (sample stations). */
  sample?: boolean;
  /**
   * A provider's own answer when this hit comes first (stations: what is in the place, or that nothing
   * is and the nearest ones outside). Not part of the CLI contract.
   */
  lead?: string;
}

/**
 * How far an answer can be trusted:
 *   answer   the first hit states what was asked (found is true);
 *   related  the hits are about the topic but none states what was asked: shown as "may be related";
 *   none     nothing in the sources is about the question.
 */
export type AnswerConfidence = "answer" | "related" | "none";

export interface Answer {
  q: string;
  /** True only when `confidence` is "answer". */
  found: boolean;
  confidence: AnswerConfidence;
  /** Short answer built only from the hits, or the "not found, next step" text. */
  answer: string;
  hits: Hit[];
  /**
   * A where-question about stations whose answer leads with content: the stations of the place (or the
   * nearest ones), with the sample note while they are samples. Also the end of `answer`.
   */
  stations?: string;
}
