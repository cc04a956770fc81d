/**
 * The bare echo bot of `npm run bench bot` with, cumulatively, the plugins every update of the real bot
 * passes through, configured as createBot configures them, and nothing else of niangjia. Their rates show
 * how much of the throughput budget the plugins take before any feature runs.
 */
import { conversations, type ConversationData } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { Bot, session } from "grammy";
import type { BotContext, SessionData } from "../../../src/bot/context.js";
import { rateLimit } from "../../../src/bot/middlewares/rate-limit.js";
import { CONVERSATION_STATE_VERSION, conversationKey, KvStorageAdapter, sessionKey, userChatKey } from "../../../src/bot/session.js";
import type { LocalBotApi } from "../../../src/console/local-bot-api.js";
import { createI18n } from "../../../src/i18n.js";
import type { Store } from "../../../src/storage/store.js";

/** In the order createBot installs them; each ladder step adds one. */
export const PLUGIN_STEPS = [
  "sequentialize (runner)",
  "session in SQLite",
  "conversations, state in SQLite",
  "i18n (Fluent), flood limit",
] as const;

export function pluginBot(api: LocalBotApi, store: Store, steps: number): Bot<BotContext> {
  const bot = new Bot<BotContext>("1:bench", { botInfo: api.botInfo, client: { fetch: api.fetch } });
  const kv = new KvStorageAdapter<ConversationData | SessionData>(store.kv);
  if (steps >= 1) bot.use(sequentialize(userChatKey));
  if (steps >= 4) bot.use(createI18n<BotContext>("zh-CN"));
  if (steps >= 2) {
    bot.use(session<SessionData, BotContext>({ initial: () => ({}), getSessionKey: sessionKey, storage: kv as KvStorageAdapter<SessionData> }));
  }
  if (steps >= 4) bot.use(rateLimit({}));
  if (steps >= 3) {
    bot.use(
      conversations<BotContext, BotContext>({
        storage: {
          type: "context",
          version: CONVERSATION_STATE_VERSION,
          adapter: {
            read: async (ctx) => (await kv.read(conversationKey(ctx)!)) as never,
            write: (ctx, state) => kv.write(conversationKey(ctx)!, state as never),
            delete: (ctx) => kv.delete(conversationKey(ctx)!),
          },
        },
      }),
    );
  }
  bot.on("message:text", (ctx) => ctx.reply(ctx.message.text));
  return bot;
}
