/**
 * A command (or a main-menu button) typed in the middle of a guided conversation ends that conversation
 * first: the features that handle commands run before the conversations, so without this the member's
 * next "是" would still answer the old question after /start. /cancel ends it and stops there; any
 * other command then runs as usual. Installed first, before any feature that handles commands.
 */
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";

const MENU_PREFIX = "menu:";

export const conversationCommandsFeature: Feature = {
  name: "conversation-commands",
  composer() {
    const composer = new Composer<BotContext>();
    composer.use(async (ctx, next) => {
      const text = ctx.message?.text ?? ctx.message?.caption;
      const command = text?.startsWith("/") ? text.split(/\s/)[0]!.replace(/@\w+$/, "").toLowerCase() : undefined;
      const menu = ctx.callbackQuery?.data?.startsWith(MENU_PREFIX);
      if ((!command && !menu) || !ctx.conversation || Object.keys(ctx.conversation.active()).length === 0) return next();
      await ctx.conversation.exitAll();
      if (command === "/cancel") {
        await ctx.reply(ctx.t("flow-cancelled"));
        return;
      }
      await ctx.reply(ctx.t("flow-left"));
      return next();
    });
    return composer;
  },
};
