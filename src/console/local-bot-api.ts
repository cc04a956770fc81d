/**
 * A local stand-in for the Telegram Bot API: answers the methods the bot uses with plausible results
 * (increasing message ids, the sent message echoed back) and checks what Telegram would refuse:
 * malformed HTML, messages over 4096 characters, empty text, callback data over 64 bytes.
 * Used by the console chat (no token) and by the test harness and fake HTTP server (test/support).
 */
import type { UserFromGetMe } from "grammy/types";
import { validateTelegramHtml } from "./telegram-html.js";

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

export type ApiResponse =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: { retry_after?: number } };

/** A message the bot sent or changed, as the user would see it. */
export interface OutgoingMessage {
  method: string;
  chatId: number | string;
  messageId: number;
  /** Text or caption; venue/location are rendered as a short line. */
  text: string;
  parseMode?: string;
  /** Inline keyboard buttons, rows of { text, callback_data | url }. */
  buttons: { text: string; callback_data?: string; url?: string }[][];
  /** Reply keyboard (custom keyboard under the input field), rows of { text, request_location? }. */
  keyboard: { text: string; request_location?: boolean }[][];
  /** True when this replaced an earlier message's text or keyboard (editMessage*). */
  edited: boolean;
  payload: Record<string, unknown>;
}

export const DEFAULT_BOT_INFO: UserFromGetMe = {
  id: 1000000001,
  is_bot: true,
  first_name: "娘家 niangjia",
  username: "niangjia_local_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

const TRUE_METHODS = new Set([
  "answerCallbackQuery",
  "setMyCommands",
  "deleteMyCommands",
  "setWebhook",
  "deleteWebhook",
  "sendChatAction",
  "deleteMessage",
  "setChatMenuButton",
  "setMyDescription",
  "setMyShortDescription",
  "close",
  "logOut",
]);

export class LocalBotApi {
  readonly calls: ApiCall[] = [];
  readonly outgoing: OutgoingMessage[] = [];
  /** Called for every message the bot sends or edits (the console prints it). */
  onMessage?: (message: OutgoingMessage) => void;
  private nextMessageId = 1;
  private readonly messages = new Map<string, Record<string, unknown>>();

  constructor(
    readonly botInfo: UserFromGetMe = DEFAULT_BOT_INFO,
    /** Check HTML, lengths and buttons like Telegram (default). Benchmarks turn it off: Telegram does that work, not the bot. */
    private readonly options: { validate?: boolean } = {},
  ) {}

  /**
   * Forgets the calls, outgoing messages and sent messages kept so far (long runs such as benchmarks:
   * the history is the stub's memory, not the bot's). Messages sent before can no longer be edited.
   */
  clearHistory(): void {
    this.calls.length = 0;
    this.outgoing.length = 0;
    this.messages.clear();
    this.parseModes.clear();
  }

  /** Message ids are shared with incoming messages, so both sides never collide. */
  allocateMessageId(): number {
    return this.nextMessageId++;
  }

  /** A `fetch` for grammY's `client.fetch` option: routes `/bot<token>/<method>` to handle(). */
  readonly fetch = (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const method = decodeURIComponent(url.slice(url.lastIndexOf("/") + 1));
    const payload = await readBody(init);
    const response = this.handle(method, payload);
    return new Response(JSON.stringify(response), {
      status: response.ok ? 200 : response.error_code,
      headers: { "content-type": "application/json" },
    });
  }) as typeof fetch;

  handle(method: string, payload: Record<string, unknown>): ApiResponse {
    this.calls.push({ method, payload });
    try {
      return { ok: true, result: this.result(method, payload) };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error_code: error.code, description: error.message };
      throw error;
    }
  }

  private result(method: string, p: Record<string, unknown>): unknown {
    if (TRUE_METHODS.has(method)) return true;
    switch (method) {
      case "getMe":
        return this.botInfo;
      case "getUpdates":
        return [];
      case "getWebhookInfo":
        return { url: "", has_custom_certificate: false, pending_update_count: 0 };
      case "getMyCommands":
        return [];
      case "getFile":
        return { file_id: p.file_id, file_unique_id: `u${String(p.file_id)}`, file_size: 1024, file_path: `documents/${String(p.file_id)}` };
      case "sendMessage": {
        const text = this.options.validate === false ? String(p.text) : checkText(p.text, p.parse_mode);
        return this.send(method, p, { text }, text);
      }
      case "sendVenue":
        return this.send(method, p, { venue: venueOf(p), location: locationOf(p) }, `📍 ${String(p.title)} — ${String(p.address)} (${String(p.latitude)}, ${String(p.longitude)})`);
      case "sendLocation":
        return this.send(method, p, { location: locationOf(p) }, `📍 (${String(p.latitude)}, ${String(p.longitude)})`);
      case "sendPhoto":
      case "sendDocument": {
        const caption = p.caption === undefined ? "" : checkText(p.caption, p.parse_mode, 1024);
        return this.send(method, p, { caption }, `[${method === "sendPhoto" ? "photo" : "document"}] ${caption}`);
      }
      case "editMessageText": {
        const text = checkText(p.text, p.parse_mode);
        return this.edit(method, p, { text }, text);
      }
      case "editMessageReplyMarkup":
        return this.edit(method, p, {}, undefined);
      default:
        throw new ApiError(404, "Not Found: method not found");
    }
  }

  /** Parse mode of each stored message, so an edit of its keyboard alone still renders its HTML. */
  private readonly parseModes = new Map<string, string | undefined>();

  private send(method: string, p: Record<string, unknown>, content: Record<string, unknown>, shown: string) {
    if (p.chat_id === undefined) throw new ApiError(400, "Bad Request: chat_id is empty");
    if (this.options.validate !== false) checkKeyboard(p.reply_markup);
    const chatId = normalizeChatId(p.chat_id);
    const message = {
      message_id: this.allocateMessageId(),
      date: Math.floor(Date.now() / 1000),
      chat: typeof chatId === "number" && chatId > 0 ? { id: chatId, type: "private", first_name: "User" } : { id: chatId, type: "group", title: "Group" },
      from: this.botInfo,
      ...content,
      ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}),
    };
    this.messages.set(`${chatId}:${message.message_id}`, message);
    this.parseModes.set(`${chatId}:${message.message_id}`, p.parse_mode as string | undefined);
    this.record(method, chatId, message.message_id, shown, p, false);
    return message;
  }

  private edit(method: string, p: Record<string, unknown>, content: Record<string, unknown>, text: string | undefined) {
    checkKeyboard(p.reply_markup);
    if (p.inline_message_id !== undefined) return true;
    const key = `${String(p.chat_id)}:${String(p.message_id)}`;
    const existing = this.messages.get(key);
    if (!existing) throw new ApiError(400, "Bad Request: message to edit not found");
    if (text !== undefined && existing.text === text && JSON.stringify(existing.reply_markup) === JSON.stringify(p.reply_markup)) {
      throw new ApiError(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
    }
    const updated = { ...existing, ...content, edit_date: Math.floor(Date.now() / 1000) } as Record<string, unknown>;
    if (p.reply_markup) updated.reply_markup = p.reply_markup;
    else delete updated.reply_markup;
    this.messages.set(key, updated);
    // A new text brings its own parse mode; a keyboard-only edit keeps the message's.
    const parseMode = text !== undefined ? (p.parse_mode as string | undefined) : this.parseModes.get(key);
    this.parseModes.set(key, parseMode);
    this.record(method, normalizeChatId(p.chat_id), Number(p.message_id), String(updated.text ?? ""), { ...p, parse_mode: parseMode }, true);
    return updated;
  }

  private record(method: string, chatId: number | string, messageId: number, text: string, payload: Record<string, unknown>, edited: boolean) {
    const markup = payload.reply_markup as { inline_keyboard?: OutgoingMessage["buttons"]; keyboard?: (string | { text: string; request_location?: boolean })[][] } | undefined;
    const message: OutgoingMessage = {
      method,
      chatId,
      messageId,
      text,
      parseMode: payload.parse_mode as string | undefined,
      buttons: markup?.inline_keyboard ?? [],
      keyboard: (markup?.keyboard ?? []).map((row) => row.map((b) => (typeof b === "string" ? { text: b } : b))),
      edited,
      payload,
    };
    this.outgoing.push(message);
    this.onMessage?.(message);
  }
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

function checkText(value: unknown, parseMode: unknown, limit = 4096): string {
  const text = typeof value === "string" ? value : "";
  if (text.trim() === "") throw new ApiError(400, "Bad Request: message text is empty");
  let visible = text;
  if (parseMode === "HTML") {
    const result = validateTelegramHtml(text);
    if (!result.ok) throw new ApiError(400, `Bad Request: can't parse entities: ${result.error}`);
    visible = result.text;
  } else if (parseMode !== undefined) {
    throw new ApiError(400, `Bad Request: unsupported parse_mode in this fake: ${String(parseMode)}`);
  }
  if (visible.length > limit) throw new ApiError(400, "Bad Request: message is too long");
  return text;
}

function checkKeyboard(markup: unknown): void {
  const rows = (markup as { inline_keyboard?: { text?: string; callback_data?: string }[][] } | undefined)?.inline_keyboard;
  if (!rows) return;
  for (const row of rows) {
    for (const button of row) {
      if (!button.text) throw new ApiError(400, "Bad Request: text buttons are unallowed in the inline keyboard");
      if (button.callback_data !== undefined && Buffer.byteLength(button.callback_data) > 64) {
        throw new ApiError(400, "Bad Request: BUTTON_DATA_INVALID");
      }
    }
  }
}

/** Form uploads send ids as strings; keep numbers numbers so tests can compare them. */
function normalizeChatId(value: unknown): number | string {
  return typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : (value as number | string);
}

function venueOf(p: Record<string, unknown>) {
  return { location: locationOf(p), title: p.title, address: p.address };
}
function locationOf(p: Record<string, unknown>) {
  return { latitude: Number(p.latitude), longitude: Number(p.longitude) };
}

async function readBody(init: RequestInit | undefined): Promise<Record<string, unknown>> {
  const body = init?.body;
  if (body === undefined || body === null) return {};
  if (typeof body === "string") return body === "" ? {} : (JSON.parse(body) as Record<string, unknown>);
  // multipart/form-data (file uploads): collect the stream and keep the plain fields.
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(Buffer.from(chunk));
  const text = Buffer.concat(chunks).toString("utf8");
  const fields: Record<string, unknown> = {};
  for (const match of text.matchAll(/name="([^"]+)"(?:; filename="[^"]*")?\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/g)) {
    const [, name, value] = match;
    try {
      fields[name] = /^[[{]/.test(value) ? JSON.parse(value) : /^-?\d+$/.test(value) ? Number(value) : value;
    } catch {
      fields[name] = value;
    }
  }
  return fields;
}
