/**
 * One sender per database: rate limits are per process, and "still sending" rows can only be judged
 * when we know their sender is gone. The lease is a row with a heartbeat (see the repository).
 */
import os from "node:os";
import type { SenderLease, SubscriptionRepository } from "../storage/subscriptions.js";

export class SenderLeaseError extends Error {}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the lease (free, ours, or its holder is gone: same host and its pid is dead, or no heartbeat for
 * `staleMs`), then turns the rows a previous run left `sending` into `unconfirmed`: Telegram may or may
 * not have accepted them, so they are not resent. Returns how many; throws SenderLeaseError when a live
 * sender holds the lease.
 */
export async function takeSenderLease(repo: SubscriptionRepository, runId: string, now: number, staleMs: number): Promise<{ unconfirmed: number; previous: string | null }> {
  const lease: SenderLease = { runId, pid: process.pid, host: os.hostname(), heartbeatAt: now };
  const result = await repo.acquireSenderLease(lease, (holder) => {
    if (now - holder.heartbeatAt > staleMs) return true;
    return holder.host === os.hostname() && !pidAlive(holder.pid);
  });
  if (!result.acquired) {
    throw new SenderLeaseError(
      `another digest sender is running (${result.holder.runId}, heartbeat ${Math.round((now - result.holder.heartbeatAt) / 1000)} s ago)`,
    );
  }
  const unconfirmed = await repo.resolveStaleClaims(Number.MAX_SAFE_INTEGER, runId);
  return { unconfirmed, previous: result.previous?.runId ?? null };
}
