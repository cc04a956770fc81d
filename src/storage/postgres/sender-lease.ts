import type { SenderLease } from "../../knowledge/digest/types.js";
import type { SenderLeaseRepository } from "../../knowledge/digest/repositories.js";
import { LOCK_SPACE, type Sql } from "./database.js";

/** The sender lease: one row naming the digest sender that may claim outbox rows. */
export class PgSenderLeaseRepository implements SenderLeaseRepository {
  constructor(private readonly sql: Sql) {}

  async acquireSenderLease(
    lease: SenderLease,
    canTakeOver: (holder: SenderLease) => boolean,
  ): Promise<{ acquired: boolean; holder: SenderLease; previous: SenderLease | null }> {
    return this.sql.tx(async (sql) => {
      // Serialises senders starting at the same moment on different hosts (the row may not exist yet to lock).
      await sql.query("SELECT pg_advisory_xact_lock($1, 0)", [LOCK_SPACE.senderLease]);
      const [row] = await sql.query<{ run_id: string; pid: number; host: string; heartbeat_at: number }>(
        "SELECT run_id, pid, host, heartbeat_at FROM digest_sender_lease WHERE id = 1",
      );
      const current: SenderLease | null = row ? { runId: row.run_id, pid: row.pid, host: row.host, heartbeatAt: row.heartbeat_at } : null;
      if (current && current.runId !== lease.runId && !canTakeOver(current)) {
        return { acquired: false, holder: current, previous: null };
      }
      await sql.run(
        `INSERT INTO digest_sender_lease (id, run_id, pid, host, heartbeat_at) VALUES (1, $1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET run_id = excluded.run_id, pid = excluded.pid, host = excluded.host,
           heartbeat_at = excluded.heartbeat_at`,
        [lease.runId, lease.pid, lease.host, lease.heartbeatAt],
      );
      return { acquired: true, holder: lease, previous: current && current.runId !== lease.runId ? current : null };
    });
  }

  async renewSenderLease(runId: string, now: number): Promise<boolean> {
    return (await this.sql.run("UPDATE digest_sender_lease SET heartbeat_at = $1 WHERE id = 1 AND run_id = $2", [now, runId])) === 1;
  }

  async releaseSenderLease(runId: string): Promise<void> {
    await this.sql.run("DELETE FROM digest_sender_lease WHERE id = 1 AND run_id = $1", [runId]);
  }
}
