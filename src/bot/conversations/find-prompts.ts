/**
 * What the /find conversation shows at its steps (Telegram HTML and buttons): the needs to choose from, the
 * areas of the candidate programmes, and the result list. What comes next, back and unsay are in find.ts.
 */
import { InlineKeyboard } from "grammy";
import type { Programme } from "../../knowledge/catalogue/types.js";
import type { EligibilityResult } from "../../knowledge/eligibility/index.js";
import type { BotDeps, ConversationContext } from "../context.js";
import { NEEDS } from "./find-needs.js";
import { areaChoices } from "./find-places.js";
import { formatResultList } from "./find-results.js";
import { CB, navRow, newRow, replyHtmlIn } from "./find-shared.js";

/** "What do you need help with?": the needs, two buttons a row. */
export async function askNeed(ctx: ConversationContext): Promise<void> {
  const keyboard = new InlineKeyboard();
  NEEDS.forEach((n, index) => {
    keyboard.text(ctx.t(n.label), `${CB.need}${n.key}`);
    if (index % 2 === 1) newRow(keyboard);
  });
  navRow(keyboard, ctx.t.bind(ctx), false);
  await ctx.reply(ctx.t("find-need-prompt"), { parse_mode: "HTML", reply_markup: keyboard });
}

/** "Where?": the areas of the candidate programmes (at most 8, four a row), then another place or skip. */
export async function askWhere(ctx: ConversationContext, deps: Pick<BotDeps, "places">, programmes: Programme[], locale: string): Promise<void> {
  const keyboard = new InlineKeyboard();
  areaChoices(deps, programmes, undefined, locale, 8).forEach(({ id, label }, index) => {
    keyboard.text(label, `${CB.where}${id}`);
    if (index % 4 === 3) newRow(keyboard);
  });
  newRow(keyboard).text(ctx.t("find-where-other"), CB.whereOther).text(ctx.t("find-where-skip"), CB.whereSkip);
  navRow(keyboard, ctx.t.bind(ctx), true);
  await ctx.reply(ctx.t("find-where-prompt"), { parse_mode: "HTML", reply_markup: keyboard });
}

/** The result list with back and cancel: eligible first, then "might qualify", then not eligible (`results` is sorted so). */
export async function showResults(ctx: ConversationContext, locale: string, programmes: Programme[], results: EligibilityResult[]): Promise<void> {
  const order = { eligible: 0, unknown: 1, not_eligible: 2 } as const;
  results.sort((a, b) => order[a.verdict] - order[b.verdict]);
  const { html, keyboard } = formatResultList(ctx.t.bind(ctx), locale, programmes, results);
  navRow(keyboard, ctx.t.bind(ctx), true);
  await replyHtmlIn(ctx, html, keyboard);
}
