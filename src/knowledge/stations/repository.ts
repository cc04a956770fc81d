/**
 * What the stations domain needs stored: the outdoor-worker stations. The SQLite and PostgreSQL stores
 * implement it (src/storage). Stations hold no data about Telegram users, so there is no eraseUser.
 */
import type { Station } from "./types.js";

export interface StationWriteResult {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Sample stations removed because a real list replaced them. */
  removedSample: number;
  /** Real stations removed because the list no longer has them (`removeMissing`). */
  removed: number;
}

export interface StationWriteOptions {
  /** Remove every sample station first. */
  removeSample?: boolean;
  /** Remove real (non-sample) stations whose id is not in the list: the list is the whole network. */
  removeMissing?: boolean;
}

export interface StationRepository {
  /** Number of stations; `sample` filters demo (true) or real (false) ones. */
  count(filter?: { sample?: boolean }): Promise<number>;
  list(): Promise<Station[]>;
  get(id: string): Promise<Station | undefined>;
  /**
   * Inserts new ids and updates existing ones (no duplicates), optionally removing every sample station
   * and the real stations the list no longer has. One transaction: either all of it happens or none.
   */
  upsertMany(stations: readonly Station[], options?: StationWriteOptions): Promise<StationWriteResult>;
  /** Removes every sample station; returns how many. */
  removeSample(): Promise<number>;
}
