import type { SenderLease } from "../../knowledge/digest/types.js";
import type { SenderLeaseRepository } from "../../knowledge/digest/repositories.js";
import type { SqliteDb } from "./database.js";

/** The sender lease: one row naming the digest sender that may claim outbox rows. */
export class SqliteSenderLeaseRepository implements SenderLeaseRepository {
  constructor(readonly db: SqliteDb) {}

  async acquireSenderLease(
    lease: SenderLease,
    canTakeOver: (holder: SenderLease) => boolean,
  ): Promise<{ acquired: boolean; holder: SenderLease; previous: SenderLease | null }> {
    const run = this.db.transaction(() => {
      const row = this.db
        .prepare<[], { run_id: string; pid: number; host: string; heartbeat_at: number }>(
          "SELECT run_id, pid, host, heartbeat_at FROM digest_sender_lease WHERE id = 1",
        )
        .get();
      const current: SenderLease | null = row
        ? { runId: row.run_id, pid: row.pid, host: row.host, heartbeatAt: row.heartbeat_at }
        : null;
      if (current && current.runId !== lease.runId && !canTakeOver(current)) {
        return { acquired: false, holder: current, previous: null };
      }
      this.db
        .prepare(
          `INSERT INTO digest_sender_lease (id, run_id, pid, host, heartbeat_at) VALUES (1, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET run_id = excluded.run_id, pid = excluded.pid, host = excluded.host,
             heartbeat_at = excluded.heartbeat_at`,
        )
        .run(lease.runId, lease.pid, lease.host, lease.heartbeatAt);
      return { acquired: true, holder: lease, previous: current && current.runId !== lease.runId ? current : null };
    });
    return run.immediate();
  }

  async renewSenderLease(runId: string, now: number): Promise<boolean> {
    return this.db.prepare("UPDATE digest_sender_lease SET heartbeat_at = ? WHERE id = 1 AND run_id = ?").run(now, runId).changes === 1;
  }

  async releaseSenderLease(runId: string): Promise<void> {
    this.db.prepare("DELETE FROM digest_sender_lease WHERE id = 1 AND run_id = ?").run(runId);
  }
}
