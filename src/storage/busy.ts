/**
 * "The database is busy": another process (a second publish, a backup, an operator's sqlite3 shell) holds
 * the write lock. That is transient, so writes wait it out — asynchronously, with backoff, so the event loop
 * keeps serving everyone else while one write waits — and give up with StoreBusyError after a deadline.
 */
export class StoreBusyError extends Error {
  readonly code = "STORE_BUSY";
  constructor(
    readonly waitedMs: number,
    override readonly cause?: unknown,
  ) {
    super(`the database stayed busy (locked by another process) for ${Math.round(waitedMs / 100) / 10} s`);
  }
}

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, ...), SQLITE_LOCKED, and StoreBusyError. */
export function isBusyError(error: unknown): boolean {
  if (error instanceof StoreBusyError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

export interface BusyRetryPolicy {
  /** Total time a call keeps retrying before StoreBusyError (0: no retry). */
  deadlineMs: number;
  /** First pause between attempts; doubles up to maxPauseMs. */
  firstPauseMs?: number;
  maxPauseMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it does not fail with a busy error, or the policy's deadline passes. */
export async function retryWhileBusy<T>(attempt: () => T | Promise<T>, policy: BusyRetryPolicy): Promise<T> {
  const now = policy.now ?? Date.now;
  const sleep = policy.sleep ?? realSleep;
  const started = now();
  let pause = policy.firstPauseMs ?? 25;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusyError(error)) throw error;
      const waited = now() - started;
      if (waited >= policy.deadlineMs) throw new StoreBusyError(waited, error);
      await sleep(Math.min(pause, policy.deadlineMs - waited));
      pause = Math.min(pause * 2, policy.maxPauseMs ?? 1_000);
    }
  }
}

/**
 * The repository with every method retried while the database is busy. The first attempt runs
 * synchronously inside the call (as the unwrapped method would), so a call made inside a transaction still
 * runs inside it.
 */
export function retryingWhileBusy<T extends object>(repository: T, policy: BusyRetryPolicy): T {
  if (policy.deadlineMs <= 0) return repository;
  return new Proxy(repository, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== "function" || property === "constructor") return value;
      return (...args: unknown[]) => retryWhileBusy(() => (value as (...a: unknown[]) => unknown).apply(target, args), policy);
    },
  });
}
