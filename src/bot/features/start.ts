import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { MENU, mainMenuKeyboard } from "../menu.js";

/** /start: the welcome with the main menu; the "ask" menu button explains how to ask. */
export const startFeature: Feature = {
  name: "start",
  commands: [{ command: "start", descriptionKey: "bot-command-start" }],
  composer() {
    const composer = new Composer<BotContext>();
    composer.command("start", async (ctx) => {
      await ctx.reply(ctx.t("bot-start-welcome"), { parse_mode: "HTML", reply_markup: mainMenuKeyboard(ctx) });
    });
    composer.callbackQuery(MENU.ask, async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t("bot-menu-ask-prompt"));
    });
    return composer;
  },
};
