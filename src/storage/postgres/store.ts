import type pg from "pg";
import { eraseUserData, type Repositories, type Store } from "../store.js";
import { createPool, LOCK_SPACE, migratePostgres, PoolSql, type Sql } from "./database.js";
import { PgContentVersions, PgUpdateLog } from "./instances.js";
import { PgGapRepository } from "./gaps.js";
import { PgIssueRepository } from "./issues.js";
import { PgKeyValueRepository } from "./kv.js";
import { PgStationRepository } from "./stations.js";
import { PgOutboxRepository } from "./outbox.js";
import { PgSenderLeaseRepository } from "./sender-lease.js";
import { PgSubscriptionRepository } from "./subscriptions.js";
import { PgUserRepository } from "./users.js";

function repositories(sql: Sql): Repositories {
  const subscriptions = new PgSubscriptionRepository(sql);
  return {
    issues: new PgIssueRepository(sql),
    kv: new PgKeyValueRepository(sql),
    users: new PgUserRepository(sql),
    stations: new PgStationRepository(sql),
    subscriptions,
    outbox: new PgOutboxRepository(sql, subscriptions),
    senderLease: new PgSenderLeaseRepository(sql),
    updates: new PgUpdateLog(sql),
    content: new PgContentVersions(sql),
    gaps: new PgGapRepository(sql),
  };
}

export interface PostgresStoreOptions {
  /** Connections for queries (default 10). */
  poolSize?: number;
  /** Connections that may hold a named lock at once (default 10); kept apart so lock holders can still query. */
  lockPoolSize?: number;
}

/**
 * PostgreSQL store: a pool for queries and a second, small pool whose connections hold `withLock`
 * locks (transaction-scoped advisory locks: a crashed instance's locks go with its connection).
 */
export class PostgresStore implements Store {
  readonly kind = "postgres" as const;
  readonly issues;
  readonly kv;
  readonly users;
  readonly stations;
  readonly subscriptions;
  readonly outbox;
  readonly senderLease;
  readonly updates;
  readonly content;
  readonly gaps;
  private readonly sql: PoolSql;

  private constructor(
    readonly pool: pg.Pool,
    private readonly lockPool: pg.Pool,
  ) {
    this.sql = new PoolSql(pool);
    const repos = repositories(this.sql);
    this.issues = repos.issues;
    this.kv = repos.kv;
    this.users = repos.users;
    this.stations = repos.stations;
    this.subscriptions = repos.subscriptions;
    this.outbox = repos.outbox;
    this.senderLease = repos.senderLease;
    this.updates = repos.updates;
    this.content = repos.content;
    this.gaps = repos.gaps;
  }

  /** Connects, checks the server answers, and applies pending migrations. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const pool = createPool(url, options.poolSize ?? 10);
    const lockPool = createPool(url, options.lockPoolSize ?? 10);
    try {
      await migratePostgres(pool);
    } catch (error) {
      await Promise.all([pool.end(), lockPool.end()]);
      throw error;
    }
    return new PostgresStore(pool, lockPool);
  }

  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T> {
    return this.sql.tx((sql) => fn(repositories(sql)));
  }

  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const client = await this.lockPool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [LOCK_SPACE.named, key]);
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    try {
      return await fn();
    } finally {
      // Ending the transaction releases the lock; a connection that cannot end it is discarded (closing it releases it too).
      const failed = await client.query("COMMIT").then(
        () => undefined,
        (error: Error) => error,
      );
      client.release(failed);
    }
  }

  async eraseUser(userId: number): Promise<void> {
    await this.transaction((tx) => eraseUserData(tx, userId));
  }

  async ping(): Promise<void> {
    await this.sql.query("SELECT 1");
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.lockPool.end()]);
  }
}
