/**
 * What several processes sharing one database need from it: a record of handled updates (a retried
 * delivery is handled once) and the versions of the searchable content (each process rebuilds its
 * in-memory search when another one changed it).
 */

export interface UpdateLog {
  /** Records `updateId` as handled; false when it was recorded before (the update was delivered again). */
  begin(updateId: number, now: number): Promise<boolean>;
  /** Forgets an update whose handling failed, so that a redelivery is handled. */
  forget(updateId: number): Promise<void>;
  /** Deletes records older than `before` (epoch ms); returns how many. */
  prune(before: number): Promise<number>;
}

/** Kinds of content the search is built from; each write to them raises its version in the same transaction. */
export type ContentKind = "issues" | "stations";

export interface ContentVersions {
  /** The current version of each kind (0 when never written). */
  get(): Promise<Record<ContentKind, number>>;
}
