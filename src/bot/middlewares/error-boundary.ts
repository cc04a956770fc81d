import type { MiddlewareFn } from "grammy";
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
      logger.error({ err: error, update_id: ctx.update.update_id }, "update failed");
      await tellUser(ctx).catch((notifyError: unknown) =>
        logger.warn({ err: notifyError }, "could not tell the user about the error"),
      );
    }
  };
}

async function tellUser(ctx: BotContext): Promise<void> {
  const text = typeof ctx.t === "function" ? ctx.t("bot-error") : fallbackText;
  if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
  // Only reply where a member wrote to us; never post errors into groups or channels.
  if (ctx.chat?.type === "private") await ctx.reply(text);
}

const fallbackText = "抱歉，出了点问题，请稍后再试。Sorry, something went wrong. 12351";
