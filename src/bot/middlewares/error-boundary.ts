import type { MiddlewareFn } from "grammy";
import { isBusyError } from "../../storage/busy.js";
import type { BotContext, BotDeps } from "../context.js";

/**
 * Outermost middleware: logs any error with the update's logger and tells the user something went wrong,
 * without internals. Never throws, so one bad update cannot stop polling or fail a webhook request.
 */
export function errorBoundary(deps: BotDeps): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const logger = (ctx as Partial<BotContext>).logger ?? deps.logger;
      // Another process kept the database locked longer than a write waits: not a bug, and worth retrying.
      const busy = isBusyError(error);
      if (busy) logger.warn({ err: error, update_id: ctx.update.update_id }, "update not saved: the database stayed busy");
      else logger.error({ err: error, update_id: ctx.update.update_id }, "update failed");
      await tellUser(ctx, busy ? "bot-busy" : "bot-error").catch((notifyError: unknown) =>
        logger.warn({ err: notifyError }, "could not tell the user about the error"),
      );
    }
  };
}

async function tellUser(ctx: BotContext, key: "bot-error" | "bot-busy"): Promise<void> {
  const text = typeof ctx.t === "function" ? ctx.t(key) : fallbackText;
  if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
  // Only reply where a member wrote to us; never post errors into groups or channels.
  if (ctx.chat?.type === "private") await ctx.reply(text);
}

const fallbackText = "抱歉，出了点问题，请稍后再试。Sorry, something went wrong. 12351";
