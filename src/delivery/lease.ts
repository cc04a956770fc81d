/**
 * One sender per database: rate limits are per process, and "still sending" rows can only be judged
 * when we know their sender is gone. The lease is a row with a heartbeat (see the repository).
 */
import os from "node:os";
import type { Logger } from "../logger.js";
import { isBusyError } from "../storage/busy.js";
import type { SenderLease } from "../knowledge/digest/types.js";
import type { OutboxRepository, SenderLeaseRepository } from "../knowledge/digest/repositories.js";
import { sleep, type Sleep } from "./limiter.js";

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
export async function takeSenderLease(
  store: { outbox: Pick<OutboxRepository, "resolveStaleClaims">; senderLease: SenderLeaseRepository },
  runId: string,
  now: number,
  staleMs: number,
): Promise<{ unconfirmed: number; previous: string | null }> {
  const lease: SenderLease = { runId, pid: process.pid, host: os.hostname(), heartbeatAt: now };
  const result = await store.senderLease.acquireSenderLease(lease, (holder) => {
    if (now - holder.heartbeatAt > staleMs) return true;
    return holder.host === os.hostname() && !pidAlive(holder.pid);
  });
  if (!result.acquired) {
    throw new SenderLeaseError(
      `another digest sender is running (${result.holder.runId}, heartbeat ${Math.round((now - result.holder.heartbeatAt) / 1000)} s ago)`,
    );
  }
  const unconfirmed = await store.outbox.resolveStaleClaims(Number.MAX_SAFE_INTEGER, runId);
  return { unconfirmed, previous: result.previous?.runId ?? null };
}

/**
 * Keeps our lease's heartbeat fresh on its own timer: the sender's loop can sit in a rate-limit wait for a
 * whole 429 retry_after, and a lease not renewed for the stale limit is taken over by the next sender.
 * Each renewal also checks the lease is still ours; once it is not, `onLost` runs (once) and `check`
 * answers false from then on.
 */
export class LeaseHeartbeat {
  private controller: AbortController | undefined;
  private lost = false;
  /** When the heartbeat was last written (epoch ms). */
  private renewedAt = 0;
  /** A busy database is keeping the heartbeat from being written (logged once per outage). */
  private blocked = false;

  /**
   * `staleMs`: the holder's heartbeat age at which others take the lease over. While the database is busy
   * (another process holds the write lock) a renewal that fails is tolerated for half of it: the lease is
   * still ours, and nobody else can write to take it over meanwhile either.
   */
  constructor(
    private readonly repo: Pick<SenderLeaseRepository, "renewSenderLease">,
    private readonly runId: string,
    private readonly options: { intervalMs: number; staleMs: number; now: () => number; sleep?: Sleep; logger: Logger; onLost: () => void },
  ) {}

  start(): void {
    this.stop();
    this.lost = false;
    this.renewedAt = this.options.now();
    const controller = (this.controller = new AbortController());
    const wait = this.options.sleep ?? sleep;
    // Its own loop, not the sender's: the sender stops it when it stops.
    void (async () => {
      while (!controller.signal.aborted) {
        await wait(this.options.intervalMs, controller.signal);
        if (controller.signal.aborted) break;
        await this.check().catch((error: unknown) => this.options.logger.warn({ err: error }, "digest sender heartbeat failed; will retry"));
      }
    })();
  }

  stop(): void {
    this.controller?.abort();
    this.controller = undefined;
  }

  /**
   * Renews the heartbeat; false once another run holds the lease. A busy database is tolerated while the
   * last renewal is younger than half the stale limit; after that the busy error is thrown.
   */
  async check(): Promise<boolean> {
    if (this.lost) return false;
    let renewed: boolean;
    try {
      renewed = await this.repo.renewSenderLease(this.runId, this.options.now());
    } catch (error) {
      if (!isBusyError(error) || this.options.now() - this.renewedAt >= this.options.staleMs / 2) throw error;
      if (!this.blocked) this.options.logger.warn({ err: error }, "digest sender heartbeat waits for the busy database");
      this.blocked = true;
      return true;
    }
    if (renewed) {
      if (this.blocked) this.options.logger.info("digest sender heartbeat written again");
      this.blocked = false;
      this.renewedAt = this.options.now();
      return true;
    }
    if (!this.lost) {
      this.lost = true;
      this.options.logger.error("digest sender lease was taken by another sender; stopping");
      this.options.onLost();
    }
    return false;
  }
}
