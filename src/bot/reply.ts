import { GrammyError, type Context } from "grammy";
import type { InlineKeyboardMarkup, Message } from "grammy/types";
import { splitHtml } from "./html.js";

/**
 * Sends Telegram HTML, split into several messages when longer than Telegram's limit.
 * The keyboard goes on the last part, where the member finishes reading.
 */
export async function replyHtml(
  ctx: Context,
  html: string,
  options: { reply_markup?: InlineKeyboardMarkup } = {},
): Promise<Message.TextMessage[]> {
  const parts = splitHtml(html);
  const sent: Message.TextMessage[] = [];
  for (const [index, part] of parts.entries()) {
    const last = index === parts.length - 1;
    sent.push(
      await ctx.reply(part, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        ...(last && options.reply_markup ? { reply_markup: options.reply_markup } : {}),
      }),
    );
  }
  return sent;
}

/**
 * Replaces the text of the message whose button was pressed. Pressing the same button twice
 * ("message is not modified") is fine; when the message cannot be edited (deleted, too old), the
 * text is sent as a new message instead.
 */
export async function editOrReply(ctx: Context, text: string, options: { parse_mode?: "HTML"; reply_markup?: InlineKeyboardMarkup } = {}): Promise<void> {
  try {
    await ctx.editMessageText(text, options);
  } catch (error) {
    if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
    if (/message is not modified/i.test(error.description)) return;
    await ctx.reply(text, options);
  }
}
