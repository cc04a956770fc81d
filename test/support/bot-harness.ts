/**
 * Test harness for the bot: a real createBot() whose API client is a LocalBotApi (stubbed client.fetch,
 * preset botInfo). Every Bot API call is recorded, including calls made inside conversations, and
 * answered plausibly (message ids increase; malformed HTML, >4096-char texts and >64-byte callback
 * data get Telegram's 400 errors, so formatting bugs fail tests).
 *
 *   const t = await createTestBot();                  // sqlite::memory:, real knowledge over ./data
 *   const t = await createTestBot({ knowledge: fakeKnowledge([...]) });   // scripted answers
 *   await t.sendText("/start");                        // -> OutgoingMessage[] produced by this update
 *   await t.pressButton("menu:stations");              // callback on the latest message carrying it
 *   await t.sendLocation(30.27, 120.15); await t.sendDocument({ fileName: "a.txt" });
 *   t.lastReplies(); t.allTexts(); t.calls("answerCallbackQuery"); t.api.outgoing; t.store
 *   await t.sendText("hi", { from: { id: 7, language_code: "en" } });   // another user
 *   await t.close();
 *
 * OutgoingMessage = { method, chatId, messageId, text, parseMode, buttons: [[{ text, callback_data }]], edited, payload }.
 * Options: knowledge, catalogue (default: the real one with the real knowledge, else none), store,
 * config (partial Config), features (instead of src/bot/features/index.ts), rateLimit (default off in
 * tests; pass {} for the production limits), logger. The other services are composed as the application
 * composes them (src/app/services.ts): stations over the test store, gaps, publishing, digests.
 * The real knowledge is loaded once per test file (memoized) with its own in-memory store.
 */
import path from "node:path";
import type { Update, User, Chat } from "grammy/types";
import { parseConfig, type Config } from "../../src/config.js";
import { createBot, type NiangjiaBot } from "../../src/bot/bot.js";
import { composeServices } from "../../src/app/services.js";
import type { BotDeps } from "../../src/bot/context.js";
import type { Feature } from "../../src/bot/feature.js";
import type { RateLimitOptions } from "../../src/bot/middlewares/rate-limit.js";
import { LocalBotApi, type ApiCall, type OutgoingMessage } from "../../src/console/local-bot-api.js";
import type { Catalogue } from "../../src/knowledge/catalogue/types.js";
import type { LoadedKnowledge } from "../../src/knowledge/index.js";
import type { Knowledge } from "../../src/knowledge/knowledge.js";
import { silentLogger, type Logger } from "../../src/logger.js";
import { openStore } from "../../src/storage/open.js";
import type { Store } from "../../src/storage/store.js";

export type { OutgoingMessage, ApiCall };

export interface TestBotOptions {
  knowledge?: Knowledge;
  catalogue?: Catalogue;
  store?: Store;
  config?: Partial<Config>;
  features?: Feature[];
  rateLimit?: Partial<RateLimitOptions> | false;
  logger?: Logger;
  /** As in webhook mode: per-chat lock and handled update ids in the store. */
  sharedDatabase?: boolean;
}

export interface SendOptions {
  from?: Partial<User>;
  chat?: Partial<Chat>;
}

export const DEFAULT_USER: User = { id: 4242, is_bot: false, first_name: "小王", language_code: "zh-hans" };

export interface TestBot {
  bot: NiangjiaBot;
  api: LocalBotApi;
  store: Store;
  knowledge: Knowledge;
  deps: BotDeps;
  /** Feeds a raw update (update_id is filled in when missing). Returns the messages it produced. */
  sendUpdate(update: Omit<Update, "update_id"> & { update_id?: number }): Promise<OutgoingMessage[]>;
  sendText(text: string, options?: SendOptions): Promise<OutgoingMessage[]>;
  /** Presses the button with this callback data on the latest message showing it (or a fresh message). */
  pressButton(callbackData: string, options?: SendOptions): Promise<OutgoingMessage[]>;
  sendLocation(latitude: number, longitude: number, options?: SendOptions): Promise<OutgoingMessage[]>;
  sendDocument(document: { fileName?: string; mimeType?: string; fileId?: string; caption?: string }, options?: SendOptions): Promise<OutgoingMessage[]>;
  /** Messages produced by the last update fed in. */
  lastReplies(): OutgoingMessage[];
  /** Text of every message the bot sent or edited, in order. */
  allTexts(): string[];
  /** Recorded API calls, optionally of one method. */
  calls(method?: string): ApiCall[];
  close(): Promise<void>;
}

let realKnowledge: Promise<LoadedKnowledge> | undefined;

/** The knowledge layer over the repository's ./data, loaded once per test file. */
export function loadRealKnowledge(): Promise<LoadedKnowledge> {
  realKnowledge ??= (async () => {
    // Imported lazily: test files using fakeKnowledge never pay for jieba and the index.
    const module = await import("../../src/knowledge/index.js");
    const store = await openStore("sqlite::memory:");
    return module.loadKnowledge({ store, dataDir: path.resolve("data"), logger: silentLogger });
  })();
  return realKnowledge;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...parseConfig({ DATABASE_URL: "sqlite::memory:", LOG_LEVEL: "silent" }), ...overrides };
}

/** A bot's deps as the application composes them, over the given knowledge (and catalogue). */
export function testDeps(parts: { config: Config; store: Store; knowledge: Knowledge; catalogue?: Catalogue; logger?: Logger }): BotDeps {
  const logger = parts.logger ?? silentLogger;
  return { config: parts.config, store: parts.store, logger, ...composeServices(parts.config, { ...parts, logger }) };
}

export async function createTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const api = new LocalBotApi();
  const store = options.store ?? (await openStore("sqlite::memory:"));
  const real = options.knowledge ? undefined : await loadRealKnowledge();
  const knowledge = options.knowledge ?? real!;
  const config = testConfig(options.config);
  const deps = testDeps({ config, store, knowledge, catalogue: options.catalogue ?? real?.catalogue, logger: options.logger });
  const bot = createBot({
    ...deps,
    botConfig: {
      botInfo: api.botInfo,
      client: { fetch: api.fetch },
      rateLimit: options.rateLimit ?? false,
      features: options.features,
      sharedDatabase: options.sharedDatabase,
    },
  });
  let nextUpdateId = 1;
  let lastStart = 0;

  const userOf = (options?: SendOptions): User => ({ ...DEFAULT_USER, ...options?.from });
  const chatOf = (user: User, options?: SendOptions): Chat =>
    ({ id: user.id, type: "private", first_name: user.first_name, ...options?.chat }) as Chat;
  const messageBase = (options?: SendOptions) => {
    const from = userOf(options);
    return { message_id: api.allocateMessageId(), date: Math.floor(Date.now() / 1000), from, chat: chatOf(from, options) };
  };

  const sendUpdate: TestBot["sendUpdate"] = async (update) => {
    lastStart = api.outgoing.length;
    await bot.handleUpdate({ update_id: nextUpdateId++, ...update } as Update);
    return api.outgoing.slice(lastStart);
  };

  return {
    bot,
    api,
    store,
    knowledge,
    deps,
    sendUpdate,
    sendText(text, options) {
      const entities = text.startsWith("/")
        ? [{ type: "bot_command" as const, offset: 0, length: text.split(/\s/)[0].length }]
        : undefined;
      return sendUpdate({ message: { ...messageBase(options), text, ...(entities ? { entities } : {}) } as Update["message"] });
    },
    pressButton(callbackData, options) {
      const from = userOf(options);
      const chat = chatOf(from, options);
      const shown = [...api.outgoing]
        .reverse()
        .find((m) => m.chatId === chat.id && m.buttons.flat().some((b) => b.callback_data === callbackData));
      const message = shown
        ? { message_id: shown.messageId, date: Math.floor(Date.now() / 1000), chat, from: api.botInfo, text: shown.text }
        : { message_id: api.allocateMessageId(), date: Math.floor(Date.now() / 1000), chat, from: api.botInfo, text: "…" };
      return sendUpdate({
        callback_query: { id: String(nextUpdateId * 1000), from, chat_instance: `ci${chat.id}`, data: callbackData, message } as Update["callback_query"],
      } as Update);
    },
    sendLocation(latitude, longitude, options) {
      return sendUpdate({ message: { ...messageBase(options), location: { latitude, longitude } } as Update["message"] });
    },
    sendDocument(document, options) {
      const fileId = document.fileId ?? `doc${nextUpdateId}`;
      return sendUpdate({
        message: {
          ...messageBase(options),
          document: { file_id: fileId, file_unique_id: `u${fileId}`, file_name: document.fileName ?? "file.txt", mime_type: document.mimeType ?? "text/plain", file_size: 100 },
          ...(document.caption ? { caption: document.caption } : {}),
        } as Update["message"],
      });
    },
    lastReplies: () => api.outgoing.slice(lastStart),
    allTexts: () => api.outgoing.map((m) => m.text),
    calls: (method) => (method ? api.calls.filter((c) => c.method === method) : [...api.calls]),
    async close() {
      if (!options.store) await store.close();
    },
  };
}

/** Visible text of a Telegram HTML message (tags removed, entities decoded). */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}
