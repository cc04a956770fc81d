/**
 * What several processes sharing one database need from it: a record of handled updates (a retried
 * delivery is handled once). The versions of the searchable content are the knowledge domain's
 * (src/knowledge/content-versions.ts).
 */

export interface UpdateLog {
  /** Records `updateId` as handled; false when it was recorded before (the update was delivered again). */
  begin(updateId: number, now: number): Promise<boolean>;
  /** Forgets an update whose handling failed, so that a redelivery is handled. */
  forget(updateId: number): Promise<void>;
  /** Deletes records older than `before` (epoch ms); returns how many. */
  prune(before: number): Promise<number>;
}
