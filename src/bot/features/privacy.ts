import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { editOrReply } from "../reply.js";

/** /privacy says what is kept; /forget erases it all after a confirmation button. */
export const privacyFeature: Feature = {
  name: "privacy",
  commands: [
    { command: "privacy", descriptionKey: "bot-command-privacy" },
    { command: "forget", descriptionKey: "bot-command-forget" },
  ],
  composer(deps) {
    const composer = new Composer<BotContext>();
    composer.command("privacy", async (ctx) => {
      await ctx.reply(ctx.t("bot-privacy"), { parse_mode: "HTML" });
    });
    composer.command("forget", async (ctx) => {
      const keyboard = new InlineKeyboard()
        .text(ctx.t("bot-forget-yes"), "forget:confirm")
        .text(ctx.t("bot-forget-no"), "forget:cancel");
      await ctx.reply(ctx.t("bot-forget-confirm"), { reply_markup: keyboard });
    });
    composer.callbackQuery("forget:confirm", async (ctx) => {
      // Leave conversations first so their state is not written back after the erase.
      await ctx.conversation.exitAll();
      await deps.store.eraseUser(ctx.from.id);
      // Setting the session to null makes the session middleware delete its key instead of re-saving it.
      (ctx as { session: unknown }).session = null;
      ctx.logger.info("user data erased on request");
      await ctx.answerCallbackQuery();
      await editOrReply(ctx, ctx.t("bot-forget-done"));
    });
    composer.callbackQuery("forget:cancel", async (ctx) => {
      await ctx.answerCallbackQuery();
      await editOrReply(ctx, ctx.t("bot-forget-cancelled"));
    });
    return composer;
  },
};
