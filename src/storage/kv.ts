/** String key/value storage: backs grammY sessions and conversation state. */
export interface KeyValueRepository {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  has(key: string): Promise<boolean>;
  /** Deletes every key that starts with one of the prefixes (used to erase a user's sessions). */
  deleteByPrefix(prefix: string): Promise<number>;
  /** Deletes the keys containing `infix` that were last written before `before` (expiring stale state). */
  deleteStale(infix: string, before: Date): Promise<number>;
}
