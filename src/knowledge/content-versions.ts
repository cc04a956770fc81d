/**
 * The versions of the searchable content: each write to issues or stations raises its kind's version in
 * the same transaction, so a process sharing the database rebuilds its in-memory search when another one
 * changed it. The SQLite and PostgreSQL stores implement it (src/storage).
 */

/** Kinds of content the search is built from; each write to them raises its version in the same transaction. */
export type ContentKind = "issues" | "stations";

export interface ContentVersions {
  /** The current version of each kind (0 when never written). */
  get(): Promise<Record<ContentKind, number>>;
}
