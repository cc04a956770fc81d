/**
 * The local console chat: the real bot (same createBot, features and conversations) driven from a
 * terminal. Bot messages are printed as text; inline buttons become numbered choices; `/loc LAT LON`
 * sends a location; `/quit` or end of input (Ctrl-D, or the end of piped stdin) leaves.
 */
import readline from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Update, User } from "grammy/types";
import { translate, type Locale } from "../i18n.js";
import type { NiangjiaBot } from "../bot/bot.js";
import type { LocalBotApi, OutgoingMessage } from "./local-bot-api.js";

export interface ConsoleChatOptions {
  bot: NiangjiaBot;
  api: LocalBotApi;
  input: Readable;
  output: Writable;
  locale: Locale;
  /** Send /start on launch so a newcomer sees the menu (default true). */
  greet?: boolean;
  /** The language the member chose with /lang (store.users), so the console's own lines follow it. */
  memberLocale?: (userId: number) => Promise<string | null | undefined>;
}

/** A numbered choice: an inline button (callback data) or a reply-keyboard button (sends its text). */
type Choice = { data: string; messageId: number } | { sendText: string };

export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { bot, api, input, output, locale } = options;
  let current: string = locale;
  const t = (key: string, vars?: Record<string, string | number>) => translate(current, key, vars);
  const user: User = { id: 1, is_bot: false, first_name: "你", language_code: locale === "en" ? "en" : "zh-hans" };
  const chat = { id: user.id, type: "private" as const, first_name: user.first_name };
  let updateId = 1;
  let choices: Choice[] = [];
  let freshChoices = false;
  let editExplained = false;

  const write = (text: string) => output.write(`${text}\n`);
  api.onMessage = (message) => {
    const hasChoices = message.buttons.length > 0 || message.keyboard.length > 0;
    if (!freshChoices && hasChoices) {
      // Each reply batch that shows buttons numbers them from 1 again; a reply without buttons
      // ("please tap a button above") keeps the earlier ones usable.
      choices = [];
      freshChoices = true;
    }
    // The first edited message says once what "(message updated)" means; later ones only mark it.
    const editNote = message.edited ? t(editExplained ? "bot-console-edited" : "bot-console-edited-explained") : null;
    if (message.edited) editExplained = true;
    write(render(message, choices, editNote));
  };

  const handle = async (update: Omit<Update, "update_id">) => {
    freshChoices = false;
    await bot.handleUpdate({ update_id: updateId++, ...update } as Update);
    const chosen = await options.memberLocale?.(user.id).catch(() => undefined);
    if (chosen) current = chosen;
  };
  const message = () => ({ message_id: api.allocateMessageId(), date: Math.floor(Date.now() / 1000), from: user, chat });

  write(t("bot-console-intro"));
  write("");
  if (options.greet !== false) await handle({ message: { ...message(), text: "/start", entities: [{ type: "bot_command", offset: 0, length: 6 }] } });

  const lines = readline.createInterface({ input, terminal: false, crlfDelay: Infinity });
  const prompt = () => output.write("> ");
  prompt();
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === "") {
      prompt();
      continue;
    }
    if (line === "/quit" || line === "/exit") break;
    // A number presses a button only when a button with that number is shown; otherwise it is text ("800").
    const choice = /^\d{1,3}$/.test(line) ? choices[Number(line) - 1] : undefined;
    if (choice) {
      if ("sendText" in choice) {
        await handle({ message: { ...message(), text: choice.sendText } });
      } else {
        const shown = api.outgoing.findLast((m) => m.messageId === choice.messageId);
        await handle({
          callback_query: {
            id: `console-${updateId}`,
            from: user,
            chat_instance: "console",
            data: choice.data,
            message: { message_id: choice.messageId, date: Math.floor(Date.now() / 1000), chat, from: api.botInfo, text: shown?.text ?? "" },
          },
        } as Omit<Update, "update_id">);
      }
    } else if (/^\/loc(\s|$)/.test(line)) {
      const [, lat, lon] = line.split(/\s+/).map(Number);
      if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
        write(t("bot-console-bad-location"));
      } else {
        await handle({ message: { ...message(), location: { latitude: lat, longitude: lon } } });
      }
    } else {
      const command = line.startsWith("/") ? [{ type: "bot_command" as const, offset: 0, length: line.split(/\s/)[0].length }] : undefined;
      await handle({ message: { ...message(), text: line, ...(command ? { entities: command } : {}) } });
    }
    prompt();
  }
  lines.close();
  write("");
  write(t("bot-console-bye"));
}

function render(message: OutgoingMessage, choices: Choice[], editNote: string | null): string {
  const text = message.parseMode === "HTML" ? htmlToTerminal(message.text) : message.text;
  const lines = [`${editNote ? `${editNote}\n` : ""}娘家> ${text.replace(/\n/g, "\n      ")}`];
  for (const row of message.buttons) {
    const cells = row.map((button) => {
      if (button.callback_data !== undefined) {
        choices.push({ data: button.callback_data, messageId: message.messageId });
        return `[${choices.length}] ${button.text}`;
      }
      return button.url ? `${button.text} <${button.url}>` : button.text;
    });
    lines.push(`      ${cells.join("   ")}`);
  }
  for (const row of message.keyboard) {
    const cells = row.map((button) => {
      // Sharing a location is a phone feature: in the console, /loc does it.
      if (button.request_location) return `${button.text} (/loc LAT LON)`;
      choices.push({ sendText: button.text });
      return `[${choices.length}] ${button.text}`;
    });
    lines.push(`      ${cells.join("   ")}`);
  }
  return lines.join("\n");
}

function htmlToTerminal(html: string): string {
  return html
    .replace(/<a\s+href="([^"]*)">([\s\S]*?)<\/a>/g, "$2 <$1>")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, "&");
}
