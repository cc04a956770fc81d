/**
 * Keeps this process's search current when another process (another bot instance, `cli ingest`,
 * `cli publish`) changes the stored issues: polls the content version the store raises with every write
 * and rebuilds the index when it moved. Stations follow through StationDirectory's own version check.
 */
import type { Logger } from "../logger.js";
import type { ContentVersions } from "./content-versions.js";

export interface ContentWatchOptions {
  content: ContentVersions;
  /** Rebuilds the search from the store. */
  reindex: () => Promise<void>;
  intervalMs?: number;
  logger?: Logger;
}

export class ContentWatcher {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seen: number | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: ContentWatchOptions) {}

  /** Records the current version: call right after the index was built from the store. */
  async prime(): Promise<void> {
    this.seen = (await this.options.content.get()).issues;
  }

  /** prime() and poll on a timer of its own (the application polls through its job supervisor instead). */
  async start(): Promise<void> {
    await this.prime();
    this.schedule();
  }

  /** How often the application polls. */
  get intervalMs(): number {
    return this.options.intervalMs ?? 2000;
  }

  /** One poll: rebuilds when the issues changed since the last one. Returns whether it rebuilt. */
  async check(): Promise<boolean> {
    const version = (await this.options.content.get()).issues;
    if (version === this.seen) return false;
    const started = performance.now();
    await this.options.reindex();
    this.seen = version;
    this.options.logger?.info({ version, ms: Math.round(performance.now() - started) }, "stored issues changed; search rebuilt");
    return true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.check()
        .then(() => undefined)
        .catch((error: unknown) => this.options.logger?.warn({ err: error }, "could not check for changed issues; will retry"))
        .finally(() => this.schedule());
    }, this.intervalMs);
    this.timer.unref?.();
  }
}
