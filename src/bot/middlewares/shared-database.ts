/**
 * For several instances on one database (webhook mode behind a load balancer): one chat's updates are
 * handled one at a time across instances (a lock named after user and chat, held while the update is
 * handled, so sessions and conversation state are read and written in order), and an update delivered
 * again (Telegram retrying, possibly to another instance) is handled once: its update_id is recorded
 * under the lock before handling and forgotten again only if handling throws.
 */
import type { MiddlewareFn } from "grammy";
import type { Logger } from "../../logger.js";
import type { Metrics } from "../../metrics.js";
import type { Store } from "../../storage/store.js";
import type { BotContext } from "../context.js";
import { userChatKey } from "../session.js";

/** Telegram keeps an undelivered update for at most a day. */
const KEEP_UPDATE_IDS_MS = 24 * 60 * 60_000;
const PRUNE_EVERY_MS = 10 * 60_000;

export interface SharedDatabaseOptions {
  store: Pick<Store, "withLock" | "updates">;
  logger: Logger;
  metrics?: Metrics;
  now?: () => number;
}

export function serializeAcrossInstances(options: SharedDatabaseOptions): MiddlewareFn<BotContext> {
  const { store, logger, metrics } = options;
  const now = options.now ?? Date.now;
  let lastPrune = now();
  return async (ctx, next) => {
    const updateId = ctx.update.update_id;
    const key = userChatKey(ctx);
    const handle = async () => {
      if (!(await store.updates.begin(updateId, now()))) {
        logger.info({ update_id: updateId }, "update delivered again; already handled");
        metrics?.updates.inc({ outcome: "duplicate" });
        return;
      }
      const stopTimer = metrics?.updateSeconds.startTimer();
      try {
        await next();
        metrics?.updates.inc({ outcome: "handled" });
      } catch (error) {
        metrics?.updates.inc({ outcome: "failed" });
        // Not handled: a redelivery may try again.
        await store.updates.forget(updateId).catch(() => undefined);
        throw error;
      } finally {
        stopTimer?.();
      }
    };
    // Updates without a user and chat touch no session: no lock needed, only the duplicate check.
    await (key ? store.withLock(`chat:${key}`, handle) : handle());
    if (now() - lastPrune > PRUNE_EVERY_MS) {
      lastPrune = now();
      store.updates.prune(lastPrune - KEEP_UPDATE_IDS_MS).catch((error: unknown) => logger.warn({ err: error }, "could not prune handled update ids"));
    }
  };
}
