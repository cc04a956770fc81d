import { Context, type MiddlewareFn } from "grammy";
import type { BotContext, BotDeps } from "../context.js";
import type { Logger } from "../../logger.js";

/**
 * The context class of the bot: `ctx.deps`, and `ctx.logger`, a pino child logger carrying update_id,
 * user and chat ids, created on first use (most updates log nothing, and a child per update is costly).
 */
export function contextClass(deps: BotDeps): new (...args: ConstructorParameters<typeof Context>) => BotContext {
  class NiangjiaContext extends Context {
    readonly deps = deps;
    private childLogger: Logger | undefined;

    get logger(): Logger {
      // A silent logger writes nothing, so it needs no bindings (benchmarks, some tests).
      if (this.childLogger === undefined && !deps.logger.isLevelEnabled("fatal")) return deps.logger;
      return (this.childLogger ??= deps.logger.child({ update_id: this.update.update_id, user_id: this.from?.id, chat_id: this.chat?.id }));
    }
    set logger(logger: Logger) {
      this.childLogger = logger;
    }
  }
  return NiangjiaContext as unknown as new (...args: ConstructorParameters<typeof Context>) => BotContext;
}

/** Logs how long each update took, at debug level. */
export function updateTimer(deps: BotDeps): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (!deps.logger.isLevelEnabled("debug")) return next();
    const started = performance.now();
    try {
      await next();
    } finally {
      ctx.logger.debug({ ms: Math.round(performance.now() - started) }, "update handled");
    }
  };
}
