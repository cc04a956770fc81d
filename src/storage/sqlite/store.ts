import type { Store, UserDataEraser } from "../store.js";
import { openSqlite, type SqliteDb } from "./database.js";
import { SqliteIssueRepository } from "./issues.js";
import { SqliteKeyValueRepository } from "./kv.js";
import { SqliteStationRepository } from "./stations.js";
import { SqliteSubscriptionRepository } from "./subscriptions.js";
import { SqliteUserRepository } from "./users.js";

export class SqliteStore implements Store {
  readonly kind = "sqlite" as const;
  readonly issues: SqliteIssueRepository;
  readonly kv: SqliteKeyValueRepository;
  readonly users: SqliteUserRepository;
  readonly stations: SqliteStationRepository;
  readonly subscriptions: SqliteSubscriptionRepository;

  constructor(readonly db: SqliteDb) {
    this.issues = new SqliteIssueRepository(db);
    this.kv = new SqliteKeyValueRepository(db);
    this.users = new SqliteUserRepository(db);
    this.stations = new SqliteStationRepository(db);
    this.subscriptions = new SqliteSubscriptionRepository(db);
  }

  static open(file: string): SqliteStore {
    return new SqliteStore(openSqlite(file));
  }

  async eraseUser(userId: number): Promise<void> {
    const erasers = [this.users, this.subscriptions, this.stations, this.issues].filter(
      (repo): repo is typeof repo & UserDataEraser => "eraseUser" in repo,
    );
    // One transaction: /forget either erases everything or nothing.
    const eraseAll = this.db.transaction(() => {
      // SQLite repositories do their work synchronously before their promise settles, so it runs inside this transaction.
      for (const repo of erasers) void repo.eraseUser(userId);
    });
    eraseAll();
    // Sessions and conversation state are keyed by chat/user id; see src/bot/session.ts for the key format.
    await this.kv.deleteByPrefix(`user:${userId}:`);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
