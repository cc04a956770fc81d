/**
 * The one storage interface the rest of the code sees. SQLite implements it today (src/storage/sqlite);
 * a PostgreSQL implementation can replace it for multi-instance deployments, so every method is async
 * and every multi-row write is one transaction inside the repository method.
 */
import type { IssueRepository } from "./issues.js";
import type { KeyValueRepository } from "./kv.js";
import type { UserRepository } from "./users.js";
import type { StationRepository } from "./stations.js";
import type { SubscriptionRepository } from "./subscriptions.js";

/** Any repository that keeps data about a Telegram user implements this so /forget can erase it. */
export interface UserDataEraser {
  eraseUser(userId: number): Promise<void>;
}

export interface Store {
  readonly kind: "sqlite" | "postgres";
  readonly issues: IssueRepository;
  readonly kv: KeyValueRepository;
  readonly users: UserRepository;
  readonly stations: StationRepository;
  readonly subscriptions: SubscriptionRepository;
  /** Erases everything stored about one user, in every repository. */
  eraseUser(userId: number): Promise<void>;
  close(): Promise<void>;
}
