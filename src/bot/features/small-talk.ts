import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { mainMenuKeyboard } from "../menu.js";
import { smallTalkKind } from "../small-talk.js";

/**
 * A greeting, thanks, goodbye, "ok" or a request for a person gets a short friendly reply instead of a search
 * that finds nothing (and never reaches the staff's gap report). Inside a guided conversation the conversation
 * sees the text first, so "好的" there is still an answer to its question.
 */
export const smallTalkFeature: Feature = {
  name: "small-talk",
  composer() {
    const composer = new Composer<BotContext>();
    composer.chatType("private").on("message:text", async (ctx, next) => {
      const kind = smallTalkKind(ctx.message.text);
      if (!kind) return next();
      // A greeting opens the menu, since the member has not said what they need yet.
      await ctx.reply(ctx.t(`bot-small-talk-${kind}`), kind === "greeting" ? { reply_markup: mainMenuKeyboard(ctx) } : {});
    });
    return composer;
  },
};
