import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";

export interface RateLimitOptions {
  /** Updates a user may send in a burst. Default 10. */
  burst: number;
  /** Sustained updates per second per user. Default 1. */
  perSecond: number;
  /** Clock in ms (tests). */
  now?: () => number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
  /** The polite "slow down" reply was already sent during this flood. */
  warned: boolean;
}

/**
 * Per-user token bucket against floods. Over the limit the first update gets a polite reply, the rest
 * are dropped until the bucket refills. In memory: a restart forgives everyone, which is fine.
 */
export function rateLimit(options: Partial<RateLimitOptions> = {}): MiddlewareFn<BotContext> {
  const burst = options.burst ?? 10;
  const perSecond = options.perSecond ?? 1;
  const now = options.now ?? Date.now;
  const buckets = new Map<number, Bucket>();
  let seen = 0;

  const prune = (at: number) => {
    // Full buckets carry no information; dropping them keeps memory bounded by active users.
    for (const [userId, bucket] of buckets) {
      if (bucket.tokens + ((at - bucket.updatedAt) / 1000) * perSecond >= burst) buckets.delete(userId);
    }
  };

  return async (ctx, next) => {
    const userId = ctx.from?.id;
    if (userId === undefined) return next();
    const at = now();
    if (++seen % 10_000 === 0) prune(at);
    let bucket = buckets.get(userId);
    if (!bucket) {
      bucket = { tokens: burst, updatedAt: at, warned: false };
      buckets.set(userId, bucket);
    }
    bucket.tokens = Math.min(burst, bucket.tokens + ((at - bucket.updatedAt) / 1000) * perSecond);
    bucket.updatedAt = at;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      if (bucket.tokens >= 1) bucket.warned = false;
      return next();
    }
    ctx.logger?.debug("rate limited");
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery({ text: ctx.t("bot-rate-limited") });
      return;
    }
    if (!bucket.warned && ctx.chat?.type === "private") {
      bucket.warned = true;
      await ctx.reply(ctx.t("bot-rate-limited"));
    }
  };
}
