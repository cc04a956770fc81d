/**
 * Background work of a serving process, started by the entry point through the JobSupervisor (restart
 * with backoff, health for /healthz): the digest sender, the INBOX_DIR watcher, the conversation sweep
 * and the content watcher. Bot features never start work of their own.
 */
import { Api } from "grammy";
import { ConfigError, type Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics.js";
import type { Store } from "../storage/store.js";
import type { ContentWatcher } from "../knowledge/content-watch.js";
import { inboxJob } from "../delivery/inbox.js";
import { DigestSender, type MessageApi } from "../delivery/sender.js";
import { CONVERSATION_SWEEP_EVERY_MS, sweepConversations } from "./conversation-sweep.js";
import type { Services } from "./services.js";
import { everyInterval, type JobSupervisor } from "./supervise.js";

export interface JobsOptions {
  config: Config;
  store: Store;
  logger: Logger;
  services: Services;
  supervisor: JobSupervisor;
  /**
   * How the digest sender reaches Telegram (the console chat's local API). Absent: a client of its own
   * with BOT_TOKEN and no auto-retry, because the sender handles 429 and 5xx itself.
   */
  senderApi?: MessageApi;
  /** Keeps this process's search current with writes by other processes. */
  contentWatcher?: ContentWatcher;
}

/** The sender with the configured pace, over the given (or a new) Bot API client. */
export function createDigestSender(config: Config, store: Store, logger: Logger, api?: MessageApi, metrics?: Metrics): DigestSender {
  if (!api) {
    if (!config.BOT_TOKEN) throw new ConfigError("BOT_TOKEN: required to send digests");
    api = new Api(config.BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT, timeoutSeconds: 30 });
  }
  return new DigestSender({
    store,
    api,
    logger: logger.child({ area: "digest-sender" }),
    ratePerSecond: config.DIGEST_RATE_PER_SEC,
    concurrency: config.DIGEST_CONCURRENCY,
    onSendError: metrics ? (kind) => metrics.sendErrors.inc({ kind }) : undefined,
  });
}

export const JOB_NAMES = { sender: "digest-sender", inbox: "inbox", sweep: "conversation-sweep", content: "content-watch" } as const;

/** Starts every background job under `supervisor`; `supervisor.stop()` stops them. */
export function startJobs(options: JobsOptions): void {
  const { config, store, logger, services, supervisor } = options;
  const sender = createDigestSender(config, store, logger, options.senderApi, services.metrics);
  const stopListening = services.digests.listen(() => sender.wake());
  // Another sender (`npm run sender`, another instance) may hold the lease: this one waits for it.
  supervisor.start(JOB_NAMES.sender, async (ctx) => {
    try {
      await sender.run(ctx);
    } finally {
      if (ctx.signal.aborted) stopListening();
    }
  });
  if (config.INBOX_DIR) {
    supervisor.start(JOB_NAMES.inbox, inboxJob({ dir: config.INBOX_DIR, publishing: services.publishing, logger }));
  }
  supervisor.start(
    JOB_NAMES.sweep,
    everyInterval(async () => void (await sweepConversations({ kv: store.kv, logger })), CONVERSATION_SWEEP_EVERY_MS),
  );
  const watcher = options.contentWatcher;
  if (watcher) supervisor.start(JOB_NAMES.content, everyInterval(async () => void (await watcher.check()), watcher.intervalMs));
}
