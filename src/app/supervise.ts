/**
 * Background jobs (digest sender, inbox watcher, conversation sweep) must outlive transient faults: a
 * database locked by another process for a while, a network outage. The supervisor runs each job, and
 * when it fails restarts it after a growing pause (backoff), logging once when an outage starts and once
 * when it ends rather than on every attempt. Its health report says which jobs are down, for /healthz.
 */
import type { Logger } from "../logger.js";

export type JobState = "starting" | "running" | "retrying" | "stopped";

export interface JobHealth {
  name: string;
  state: JobState;
  /** Epoch ms of the last state change. */
  since: number;
  /** Failures in the current outage (0 while running). */
  failures: number;
  /** Restarts since the job was first started. */
  restarts: number;
  lastError?: string;
}

export interface HealthReport {
  /** False while any job is down (failed and waiting to be restarted). */
  ok: boolean;
  jobs: JobHealth[];
}

/** What a job gets: stop when `signal` aborts; call `healthy()` whenever it made progress. */
export interface JobContext {
  signal: AbortSignal;
  /** The job works (e.g. one loop pass or one scan completed): ends an outage and resets the backoff. */
  healthy(): void;
}

/** Runs until ctx.signal aborts; throwing (or returning early) means it failed and is restarted. */
export type Job = (ctx: JobContext) => Promise<void>;

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export interface SupervisorOptions {
  logger: Logger;
  now?: () => number;
  /** Waits between restarts; resolves early when the signal aborts. */
  sleep?: Sleep;
  /** First pause after a failure; doubles per failure in a row up to backoffMaxMs. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

const abortableSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface RunningJob {
  health: JobHealth;
  controller: AbortController;
  done: Promise<void>;
}

export class JobSupervisor {
  private readonly jobs = new Map<string, RunningJob>();
  private readonly logger: Logger;
  private readonly now: () => number;
  private readonly sleep: Sleep;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;

  constructor(options: SupervisorOptions) {
    this.logger = options.logger;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? abortableSleep;
    this.backoffBaseMs = options.backoffBaseMs ?? 1_000;
    this.backoffMaxMs = options.backoffMaxMs ?? 60_000;
  }

  /** Pause before restart number `failures` of one outage. */
  backoff(failures: number): number {
    return Math.min(this.backoffMaxMs, this.backoffBaseMs * 2 ** Math.max(0, failures - 1));
  }

  /** Starts `job` under supervision; returns a function that stops it (and waits for it). */
  start(name: string, job: Job): () => Promise<void> {
    if (this.jobs.has(name)) throw new Error(`a job named ${name} is already supervised`);
    const controller = new AbortController();
    const health: JobHealth = { name, state: "starting", since: this.now(), failures: 0, restarts: 0 };
    const entry: RunningJob = { health, controller, done: Promise.resolve() };
    entry.done = this.supervise(entry, job);
    this.jobs.set(name, entry);
    return () => this.stopJob(name);
  }

  health(): HealthReport {
    const jobs = [...this.jobs.values()].map((j) => ({ ...j.health }));
    return { ok: jobs.every((j) => j.state !== "retrying"), jobs };
  }

  /** Stops every job, the last started first. */
  async stop(): Promise<void> {
    for (const name of [...this.jobs.keys()].reverse()) await this.stopJob(name);
  }

  private async stopJob(name: string): Promise<void> {
    const entry = this.jobs.get(name);
    if (!entry) return;
    entry.controller.abort();
    await entry.done;
    this.jobs.delete(name);
  }

  private setState(health: JobHealth, state: JobState): void {
    if (health.state === state) return;
    health.state = state;
    health.since = this.now();
  }

  private async supervise(entry: RunningJob, job: Job): Promise<void> {
    const { health, controller } = entry;
    const { signal } = controller;
    let outageStarted = 0;
    const healthy = () => {
      if (signal.aborted) return;
      if (health.failures > 0) {
        this.logger.info(
          { job: health.name, failures: health.failures, downMs: this.now() - outageStarted },
          "background job recovered",
        );
      }
      health.failures = 0;
      delete health.lastError;
      this.setState(health, "running");
    };
    while (!signal.aborted) {
      let failure: unknown;
      try {
        await job({ signal, healthy });
        if (signal.aborted) break;
        failure = new Error("the job ended on its own");
      } catch (error) {
        if (signal.aborted) {
          this.logger.warn({ job: health.name, err: error }, "background job failed while stopping");
          break;
        }
        failure = error;
      }
      health.failures++;
      health.restarts++;
      health.lastError = describe(failure);
      const pause = this.backoff(health.failures);
      if (health.failures === 1) {
        outageStarted = this.now();
        // Once per outage: the next attempts are logged at debug level only, until it recovers.
        this.logger.error({ job: health.name, err: failure, retryInMs: pause }, "background job failed; restarting it with backoff");
      } else {
        this.logger.debug({ job: health.name, failures: health.failures, error: health.lastError, retryInMs: pause }, "background job still failing");
      }
      this.setState(health, "retrying");
      await this.sleep(pause, signal);
    }
    this.setState(health, "stopped");
  }
}

/**
 * A job that runs `tick` every `intervalMs` (the first at once). A tick that throws fails the job, so the
 * supervisor retries it with backoff (sooner than the interval, for long intervals) and reports it down.
 */
export function everyInterval(tick: () => Promise<void>, intervalMs: number, sleep: Sleep = abortableSleep): Job {
  return async ({ signal, healthy }) => {
    while (!signal.aborted) {
      await tick();
      healthy();
      await sleep(intervalMs, signal);
    }
  };
}
