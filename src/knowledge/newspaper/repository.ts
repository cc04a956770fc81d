/**
 * What the newspaper domain needs stored: issues and their articles. The SQLite and PostgreSQL stores
 * implement it (src/storage); the contract tests run it on both engines.
 */
import type { Article, IssueMeta, ParsedIssue } from "../types.js";

/** An issue as stored: what was printed plus where it came from. */
export interface StoredIssue extends IssueMeta {
  /** The file it was ingested from (resolved path). */
  sourceFile: string;
  /** sha256 (hex) of the file's bytes: an unchanged file is not ingested again by syncIssueDir. */
  contentHash: string;
  articleCount: number;
  /** ISO time of the last (re-)ingest. */
  ingestedAt: string;
}

/** An article together with the issue it was printed in (for citations). */
export type StoredArticle = Article & { issue: IssueMeta };

export interface IssueRepository {
  /**
   * Stores an issue and its articles in one transaction. An issue with the same id is replaced:
   * its old articles are deleted first, so re-ingesting never duplicates. Issues stored earlier from the
   * same `sourceFile` under another id (an edited undated page gets a new text-derived id; a corrected
   * date or number changes the id) are deleted in the same transaction and listed in `superseded`.
   */
  replaceIssue(
    parsed: ParsedIssue,
    meta: { sourceFile: string; contentHash: string },
  ): Promise<{ replaced: boolean; superseded: string[] }>;
  /** All issues, newest date first (undated last). */
  listIssues(): Promise<StoredIssue[]>;
  getIssue(id: string): Promise<StoredIssue | undefined>;
  getArticle(id: string): Promise<StoredArticle | undefined>;
  /** Articles of one issue in printed order. */
  articlesOf(issueId: string): Promise<StoredArticle[]>;
  /** Every stored article (issue order, then printed order): what the search index is built from. */
  allArticles(): Promise<StoredArticle[]>;
  findByContentHash(hash: string): Promise<StoredIssue | undefined>;
  /** Deletes an issue and its articles; false when there was no such issue. */
  deleteIssue(id: string): Promise<boolean>;
  count(): Promise<{ issues: number; articles: number }>;
}
