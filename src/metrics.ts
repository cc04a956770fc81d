/**
 * Prometheus metrics of one process (GET /metrics in webhook mode). Counters are per instance; the digest
 * queue is read from the database at each scrape, so every instance reports the same shared queue.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { OutboxStatus } from "./knowledge/digest/types.js";
import type { OutboxRepository } from "./knowledge/digest/repositories.js";

export type UpdateOutcome = "handled" | "duplicate" | "failed";

export class Metrics {
  readonly registry = new Registry();
  readonly updates: Counter<"outcome">;
  readonly updateSeconds: Histogram;
  readonly answers: Counter<"confidence">;
  readonly sendErrors: Counter<"kind">;

  constructor(options: { outbox?: Pick<OutboxRepository, "status">; now?: () => number; processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    this.updates = new Counter({
      name: "niangjia_updates_total",
      help: "Telegram updates received, by outcome (handled, duplicate: delivered again and skipped, failed)",
      labelNames: ["outcome"],
      registers,
    });
    this.updateSeconds = new Histogram({
      name: "niangjia_update_duration_seconds",
      help: "Time to handle one update, replies included",
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.answers = new Counter({
      name: "niangjia_answers_total",
      help: "Questions answered, by confidence (answer: the sources answer it; related: only related passages; none)",
      labelNames: ["confidence"],
      registers,
    });
    this.sendErrors = new Counter({
      name: "niangjia_digest_send_errors_total",
      help: "Digest sends Telegram or the network refused, by kind (rate-limited: 429, unreachable: blocked or chat gone, refused: other 4xx, transient: network or 5xx)",
      labelNames: ["kind"],
      registers,
    });
    const outboxRepo = options.outbox;
    if (outboxRepo) {
      const now = options.now ?? Date.now;
      new Gauge({
        name: "niangjia_digest_queue",
        help: "Digests in the outbox by state (queued, due, sending, sent, failed, unconfirmed), shared by all instances",
        labelNames: ["state"],
        registers,
        async collect() {
          const { outbox } = await outboxRepo.status(now());
          for (const state of Object.keys(outbox) as (OutboxStatus | "due")[]) this.set({ state }, outbox[state]);
        },
      });
    }
    // Initialise the labels so that a scrape shows zeros rather than nothing before the first event.
    for (const outcome of ["handled", "duplicate", "failed"]) this.updates.inc({ outcome }, 0);
    for (const confidence of ["answer", "related", "none"]) this.answers.inc({ confidence }, 0);
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: "niangjia_" });
  }

  /** The answer's confidence, or found/not found for answers that do not carry one. */
  countAnswer(answer: { found: boolean; confidence?: string }): void {
    this.answers.inc({ confidence: answer.confidence ?? (answer.found ? "answer" : "none") });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
