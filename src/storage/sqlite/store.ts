import { eraseUserData, type Repositories, type Store } from "../store.js";
import { retryingWhileBusy, retryWhileBusy, type BusyRetryPolicy } from "../busy.js";
import { KeyedMutex } from "../keyed-mutex.js";
import { openSqlite, type SqliteDb, type SqliteOptions } from "./database.js";
import { SqliteContentVersions, SqliteUpdateLog } from "./instances.js";
import { SqliteGapRepository } from "./gaps.js";
import { SqliteIssueRepository } from "./issues.js";
import { SqliteKeyValueRepository } from "./kv.js";
import { SqliteStationRepository } from "./stations.js";
import { SqliteOutboxRepository } from "./outbox.js";
import { SqliteSenderLeaseRepository } from "./sender-lease.js";
import { SqliteSubscriptionRepository } from "./subscriptions.js";
import { SqliteUserRepository } from "./users.js";

class SqliteRepositories implements Repositories {
  readonly issues: SqliteIssueRepository;
  readonly kv: SqliteKeyValueRepository;
  readonly users: SqliteUserRepository;
  readonly stations: SqliteStationRepository;
  readonly subscriptions: SqliteSubscriptionRepository;
  readonly outbox: SqliteOutboxRepository;
  readonly senderLease: SqliteSenderLeaseRepository;
  readonly updates: SqliteUpdateLog;
  readonly content: SqliteContentVersions;
  readonly gaps: SqliteGapRepository;

  constructor(db: SqliteDb) {
    this.issues = new SqliteIssueRepository(db);
    this.kv = new SqliteKeyValueRepository(db);
    this.users = new SqliteUserRepository(db);
    this.stations = new SqliteStationRepository(db);
    this.subscriptions = new SqliteSubscriptionRepository(db);
    this.outbox = new SqliteOutboxRepository(db, this.subscriptions);
    this.senderLease = new SqliteSenderLeaseRepository(db);
    this.updates = new SqliteUpdateLog(db);
    this.content = new SqliteContentVersions(db);
    this.gaps = new SqliteGapRepository(db);
  }
}

/**
 * SQLite store. One connection serves the whole process, so while `transaction(fn)` waits on `fn`'s
 * awaits, calls from elsewhere would run inside that transaction (and be rolled back with it). They wait
 * instead: the repositories seen from outside queue behind open transactions; `tx` goes straight through.
 */
export class SqliteStore implements Store {
  readonly kind = "sqlite" as const;
  readonly issues: SqliteIssueRepository;
  readonly kv: SqliteKeyValueRepository;
  readonly users: SqliteUserRepository;
  readonly stations: SqliteStationRepository;
  readonly subscriptions: SqliteSubscriptionRepository;
  readonly outbox: SqliteOutboxRepository;
  readonly senderLease: SqliteSenderLeaseRepository;
  readonly updates: SqliteUpdateLog;
  readonly content: SqliteContentVersions;
  readonly gaps: SqliteGapRepository;
  private readonly direct: SqliteRepositories;
  private readonly locks = new KeyedMutex();
  /** Transactions open or waiting; while > 0, outside calls queue on `tail`. */
  private pending = 0;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly busyRetry: BusyRetryPolicy;

  /**
   * `busyRetry`: how long a call waits out another process's write lock, asynchronously, before failing
   * with StoreBusyError (default: no retry beyond the connection's busy timeout).
   */
  constructor(
    readonly db: SqliteDb,
    busyRetry: BusyRetryPolicy = { deadlineMs: 0 },
  ) {
    this.busyRetry = busyRetry;
    this.direct = new SqliteRepositories(db);
    this.issues = this.gated(this.direct.issues);
    this.kv = this.gated(this.direct.kv);
    this.users = this.gated(this.direct.users);
    this.stations = this.gated(this.direct.stations);
    this.subscriptions = this.gated(this.direct.subscriptions);
    this.outbox = this.gated(this.direct.outbox);
    this.senderLease = this.gated(this.direct.senderLease);
    this.updates = this.gated(this.direct.updates);
    this.content = this.gated(this.direct.content);
    this.gaps = this.gated(this.direct.gaps);
  }

  static open(file: string, options: SqliteOptions & { busyRetry?: BusyRetryPolicy } = {}): SqliteStore {
    return new SqliteStore(openSqlite(file, options), options.busyRetry);
  }

  async transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T> {
    this.pending++;
    return this.enqueue(async () => {
      // IMMEDIATE: take the write lock at BEGIN, so another process cannot make this transaction fail halfway.
      // Once it is held nothing inside can be busy, so only BEGIN waits out another process's lock.
      await retryWhileBusy(() => this.db.exec("BEGIN IMMEDIATE"), this.busyRetry);
      try {
        const result = await fn(this.direct);
        this.db.exec("COMMIT");
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw error;
      }
    }).finally(() => this.pending--);
  }

  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.locks.run(key, fn);
  }

  async eraseUser(userId: number): Promise<void> {
    await this.transaction((tx) => eraseUserData(tx, userId));
    // The erased rows' old versions are still in the -wal file until it is reused: write it back now.
    await this.kv.checkpoint();
  }

  async ping(): Promise<void> {
    this.db.prepare("SELECT 1").get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** The repository, its calls queued behind open transactions and retried while the database is busy. */
  private gated<R extends object>(direct: R): R {
    const repo = retryingWhileBusy(direct, this.busyRetry);
    return new Proxy(repo, {
      get: (target, property, receiver) => {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          const call = () => (value as (...a: unknown[]) => unknown).apply(target, args);
          return this.pending === 0 ? call() : this.enqueue(async () => call());
        };
      },
    });
  }
}
