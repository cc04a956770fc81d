import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";

/**
 * Last in the chain: whatever no feature handled. Replies only in private chats (never spams groups),
 * answers every callback query so the button stops spinning, and is polite about menu buttons whose
 * feature is not installed.
 */
export const unhandledFeature: Feature = {
  name: "unhandled",
  // A conversation in progress (/find, /subscribe ...) ends on /cancel before it gets here; listed so /help shows it.
  commands: [{ command: "cancel", descriptionKey: "bot-command-cancel" }],
  composer() {
    const composer = new Composer<BotContext>();
    composer.on("callback_query:data", async (ctx) => {
      const isMenu = ctx.callbackQuery.data.startsWith("menu:");
      // Menu features work in private chats only: in a group, point to the private chat (as a toast, no group message).
      if (isMenu && ctx.chat?.type !== "private") {
        await ctx.answerCallbackQuery({ text: ctx.t("bot-menu-private-only"), show_alert: true });
        return;
      }
      // A menu button whose feature is not installed says so in the chat; any other stale button as a toast.
      await ctx.answerCallbackQuery(isMenu ? undefined : { text: ctx.t("bot-unhandled-callback") });
      if (isMenu) await ctx.reply(ctx.t("bot-menu-not-ready"));
    });
    composer.on("callback_query", (ctx) => ctx.answerCallbackQuery());
    const privateChat = composer.chatType("private");
    privateChat.command("cancel", async (ctx) => {
      await ctx.reply(ctx.t("bot-cancel-nothing"));
    });
    privateChat.on("message:text", async (ctx) => {
      const isCommand = ctx.message.text.trim().startsWith("/");
      await ctx.reply(ctx.t(isCommand ? "bot-unhandled-command" : "bot-unhandled-message"));
    });
    privateChat.on("message", async (ctx) => {
      await ctx.reply(ctx.t("bot-unhandled-message"));
    });
    // Everything else (edits, channel posts, member updates, reactions ...) is ignored on purpose.
    return composer;
  },
};
