/**
 * GET /healthz and GET /metrics of the webhook server. /healthz answers 200 "ok" only when the database
 * answers (within `timeoutMs`), else 503 with the reason as JSON, so a load balancer stops sending updates
 * to an instance that cannot store them. /metrics is the Prometheus text format.
 */
import type http from "node:http";
import type { Metrics } from "../../metrics.js";

export interface ProbeOptions {
  /** Throws when the database cannot answer (Store.ping). */
  database?: { ping(): Promise<void> };
  /** Background jobs (src/app/supervise.ts): one that is down (failed, waiting to restart) fails the probe. */
  jobs?: { health(): { ok: boolean; jobs: Array<{ name: string; state: string; lastError?: string }> } };
  metrics?: Metrics;
  timeoutMs?: number;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Answers the probe at `path`; false when `path` is not a probe. */
export function serveProbe(path: string, res: http.ServerResponse, options: ProbeOptions): boolean {
  if (path === "/healthz") {
    const check = options.database ? withTimeout(options.database.ping(), options.timeoutMs ?? 3000) : Promise.resolve();
    const downJobs = () =>
      (options.jobs?.health().jobs ?? []).filter((j) => j.state === "retrying").map(({ name, lastError }) => ({ name, lastError }));
    check.then(
      () => {
        const down = downJobs();
        if (down.length === 0) res.writeHead(200, { "content-type": "text/plain" }).end("ok");
        else res.writeHead(503, { "content-type": "application/json" }).end(JSON.stringify({ ok: false, jobs: down }));
      },
      (error: unknown) => {
        const down = downJobs();
        res
          .writeHead(503, { "content-type": "application/json" })
          .end(JSON.stringify({ ok: false, database: error instanceof Error ? error.message : String(error), ...(down.length > 0 ? { jobs: down } : {}) }));
      },
    );
    return true;
  }
  if (path === "/metrics" && options.metrics) {
    options.metrics.render().then(
      ({ contentType, body }) => res.writeHead(200, { "content-type": contentType }).end(body),
      (error: unknown) => res.writeHead(500, { "content-type": "text/plain" }).end(`metrics unavailable: ${(error as Error).message}`),
    );
    return true;
  }
  return false;
}
