/**
 * The one storage interface the rest of the code sees, implemented for SQLite (src/storage/sqlite, the
 * embedded default) and PostgreSQL (src/storage/postgres, several instances on one database). Every method
 * is async and every multi-row write is one transaction inside the repository method; `transaction(fn)`
 * groups calls of several repositories into one.
 */
import type { IssueRepository } from "../knowledge/newspaper/repository.js";
import type { KeyValueRepository } from "./kv.js";
import type { UserRepository } from "./users.js";
import type { StationRepository } from "../knowledge/stations/repository.js";
import type { OutboxRepository, SenderLeaseRepository, SubscriptionRepository } from "../knowledge/digest/repositories.js";
import type { ContentVersions } from "../knowledge/content-versions.js";
import type { UpdateLog } from "./instances.js";
import type { GapRepository } from "../knowledge/gaps/repository.js";

/** Any repository that keeps data about a Telegram user implements this so /forget can erase it. */
export interface UserDataEraser {
  eraseUser(userId: number): Promise<void>;
}

/** The repositories, as seen outside and inside a transaction. */
export interface Repositories {
  readonly issues: IssueRepository;
  readonly kv: KeyValueRepository;
  readonly users: UserRepository;
  readonly stations: StationRepository;
  readonly subscriptions: SubscriptionRepository & UserDataEraser;
  /** Published issues and the digests queued for them. */
  readonly outbox: OutboxRepository;
  /** One digest sender per database. */
  readonly senderLease: SenderLeaseRepository;
  readonly updates: UpdateLog;
  readonly content: ContentVersions;
  /** Unanswered questions for the staff's gap report (no user id: /forget has nothing to erase there). */
  readonly gaps: GapRepository;
}

export interface Store extends Repositories {
  readonly kind: "sqlite" | "postgres";
  /**
   * Runs `fn` in one transaction: every call it makes through `tx` commits together, or none does when
   * `fn` throws. Other callers of the store do not see its writes before the commit.
   */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` holding a lock named `key` that every process on this database respects (PostgreSQL: an
   * advisory lock; SQLite: within this process). Serialises one chat's updates across instances.
   */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** Erases everything stored about one user, in every repository, in one transaction. */
  eraseUser(userId: number): Promise<void>;
  /** Throws when the database cannot answer (health checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * What /forget erases inside one transaction, on either engine: every repository that keeps data about the
 * user, then the sessions and conversation state keyed by the user id (key format: src/bot/session.ts).
 */
export async function eraseUserData(tx: Repositories, userId: number): Promise<void> {
  const erasers = [tx.users, tx.subscriptions, tx.stations, tx.issues].filter(
    (repo): repo is typeof repo & UserDataEraser => "eraseUser" in repo,
  );
  for (const repo of erasers) await repo.eraseUser(userId);
  await tx.kv.deleteByPrefix(`user:${userId}:`);
}
