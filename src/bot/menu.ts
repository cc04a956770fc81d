/**
 * The main menu shown by /start and when a question finds nothing. Other features handle these
 * callback data strings in their own Composer (e.g. `composer.callbackQuery(MENU.stations, ...)`);
 * the "unhandled" feature answers politely for any that no feature handles yet.
 */
import { InlineKeyboard } from "grammy";
import type { BotContext } from "./context.js";

export const MENU = {
  stations: "menu:stations",
  find: "menu:find",
  subscribe: "menu:subscribe",
  ask: "menu:ask",
} as const;

export function mainMenuKeyboard(ctx: Pick<BotContext, "t">): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t("bot-menu-stations"), MENU.stations)
    .text(ctx.t("bot-menu-find"), MENU.find)
    .row()
    .text(ctx.t("bot-menu-subscribe"), MENU.subscribe)
    .text(ctx.t("bot-menu-ask"), MENU.ask);
}
