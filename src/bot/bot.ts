/**
 * createBot(deps): the whole bot, without side effects (no network call, no timer, no signal handler).
 * Tests, the console chat, long polling and the webhook all run the same bot built here.
 *
 * Middleware order: sequentialize → error boundary → update timer (ctx.logger/ctx.deps come from the context
 * class) → drop updates without a user → session → i18n (reply-locale.ts) → rate limit →
 * conversations (entering one leaves any other in progress) → features (src/bot/features/index.ts, /help
 * after the first) → ask → unhandled.
 */
import { conversations, type ConversationData, type VersionedState } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { Bot, session, type ApiClientOptions, type MiddlewareFn, type Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { createI18n } from "../i18n.js";
import { followWrittenLanguage, negotiateLocale } from "./reply-locale.js";
import type { BotContext, BotDeps, ConversationContext, SessionData } from "./context.js";
import type { Feature } from "./feature.js";
import { features as defaultFeatures } from "./features/index.js";
import { askFeature } from "./features/ask.js";
import { createHelpFeature } from "./features/help.js";
import { unhandledFeature } from "./features/unhandled.js";
import { errorBoundary } from "./middlewares/error-boundary.js";
import { rateLimit, type RateLimitOptions } from "./middlewares/rate-limit.js";
import { serializeAcrossInstances } from "./middlewares/shared-database.js";
import { contextClass, updateTimer } from "./middlewares/update-logger.js";
import { CONVERSATION_STATE_VERSION, conversationKey, KvStorageAdapter, sessionKey, userChatKey } from "./session.js";

/** A token that passes grammY's checks when the bot never talks to Telegram (console chat, tests). */
export const LOCAL_TOKEN = "1000000001:local-console-chat-token";

export interface BotConfig {
  /** Default: config.BOT_TOKEN, else LOCAL_TOKEN. */
  token?: string;
  /** Preset bot info (skips getMe; required for handleUpdate without bot.init()). */
  botInfo?: UserFromGetMe;
  /** grammY API client options, e.g. { apiRoot } or { fetch } (tests, console chat). */
  client?: ApiClientOptions;
  /** Per-user flood limit; false turns it off (benchmarks). */
  rateLimit?: Partial<RateLimitOptions> | false;
  /** Features to install instead of src/bot/features/index.ts (tests). */
  features?: Feature[];
  /**
   * API transformers (e.g. auto-retry), installed on bot.api AND inside conversations, whose own Api
   * objects do not inherit bot.api's transformers.
   */
  apiTransformers?: Transformer[];
  /**
   * Several instances share the database (webhook mode behind a load balancer): serialise each chat's
   * updates across them and handle a redelivered update once (src/bot/middlewares/shared-database.ts).
   */
  sharedDatabase?: boolean;
}

export type NiangjiaBot = Bot<BotContext> & {
  /** Every installed feature in order, including /help and "unhandled" (for the command menu and /help). */
  readonly features: readonly Feature[];
};

export function createBot(deps: BotDeps & { botConfig?: BotConfig }): NiangjiaBot {
  const { botConfig = {}, ...core } = deps;
  const botDeps: BotDeps = core;
  const token = botConfig.token ?? botDeps.config.BOT_TOKEN ?? LOCAL_TOKEN;
  const bot = new Bot<BotContext>(token, {
    botInfo: botConfig.botInfo,
    client: botConfig.client,
    // Provides ctx.deps and the per-update ctx.logger.
    ContextConstructor: contextClass(botDeps),
  });

  const transformers = botConfig.apiTransformers ?? [];
  for (const transformer of transformers) bot.api.config.use(transformer);
  // Last resort: the error boundary already catches everything a handler throws.
  bot.catch((error) => botDeps.logger.error({ err: error.error, update_id: error.ctx.update.update_id }, "unhandled bot error"));

  const installed = assembleFeatures(botConfig.features ?? defaultFeatures);
  Object.defineProperty(bot, "features", { value: installed, enumerable: true });

  const i18n = createI18n<BotContext>(botDeps.config.DEFAULT_LOCALE, {
    localeNegotiator: (ctx) => negotiateLocale(botDeps, ctx),
  });
  const kvAdapter = new KvStorageAdapter<ConversationData | SessionData>(botDeps.store.kv);

  bot.use(sequentialize(userChatKey));
  if (botConfig.sharedDatabase) {
    bot.use(serializeAcrossInstances({ store: botDeps.store, logger: botDeps.logger, metrics: botDeps.metrics }));
  }
  bot.use(errorBoundary(botDeps));
  bot.use(updateTimer(botDeps));
  // Every feature serves a person: updates without a sending user (channel posts, polls, messages sent
  // on behalf of a channel) have no session and nobody to answer, so they stop here.
  // A plain middleware rather than bot.drop(): grammY's filters build a Composer per update.
  bot.use((ctx, next) => (ctx.from === undefined ? undefined : next()));
  // The session first: the language a reply is written in depends on what the member last wrote (reply-locale.ts).
  bot.use(
    session<SessionData, BotContext>({
      initial: () => ({}),
      getSessionKey: sessionKey,
      storage: kvAdapter as KvStorageAdapter<SessionData>,
    }),
  );
  bot.use(i18n);
  bot.use(followWrittenLanguage);
  if (botConfig.rateLimit !== false) bot.use(rateLimit(botConfig.rateLimit ?? {}));
  bot.use(
    conversations<BotContext, ConversationContext>({
      storage: {
        // Keyed by hand (not type "key"): the plugin would turn a missing key into the literal key "undefined".
        type: "context",
        version: CONVERSATION_STATE_VERSION,
        adapter: {
          read: (ctx) => readConversation(kvAdapter, ctx),
          write: async (ctx, state) => {
            const key = conversationKey(ctx);
            if (key) await kvAdapter.write(key, state as unknown as ConversationData);
          },
          delete: async (ctx) => {
            const key = conversationKey(ctx);
            if (key) await kvAdapter.delete(key);
          },
        },
      },
      // Plugins are not inherited inside conversations: hand over deps, a logger and i18n.
      plugins: [
        conversationExtras(botDeps, transformers),
        i18n.middleware() as MiddlewareFn<ConversationContext>,
      ],
    }),
  );
  bot.use(switchConversations);
  for (const feature of installed) bot.use(feature.composer(botDeps));
  return bot as NiangjiaBot;
}

/**
 * The list as installed: the given features with /help after the first one that has commands (/start
 * stays first in the menu even behind command-less middleware), then "ask" (free text is a question: it
 * must come after every feature and conversation that reacts to text), then "unhandled".
 */
function assembleFeatures(list: readonly Feature[]): Feature[] {
  const core = new Set(["help", askFeature.name, unhandledFeature.name]);
  const listed = list.filter((f) => !core.has(f.name));
  const all: Feature[] = [];
  const help = createHelpFeature(() => all.flatMap((f) => f.commands ?? []));
  const first = Math.max(0, listed.findIndex((f) => (f.commands?.length ?? 0) > 0));
  all.push(...listed.slice(0, first + 1), help, ...listed.slice(first + 1), askFeature, unhandledFeature);
  return all;
}

/**
 * Starting a flow (a command or menu button calling ctx.conversation.enter) while another one is in
 * progress leaves the old one first: the member changed their mind, and the plugin would otherwise throw.
 */
const switchConversations: MiddlewareFn<BotContext> = (ctx, next) => {
  const controls = ctx.conversation;
  const enter = controls.enter.bind(controls);
  controls.enter = async (name: string, ...args: unknown[]) => {
    // Always: active() does not count a conversation whose state is being replayed by this very update.
    await controls.exitAll();
    return enter(name, ...args);
  };
  return next();
};

async function readConversation(
  adapter: KvStorageAdapter<ConversationData | SessionData>,
  ctx: BotContext,
): Promise<VersionedState<ConversationData> | undefined> {
  const key = conversationKey(ctx);
  if (!key) return undefined;
  return (await adapter.read(key)) as unknown as VersionedState<ConversationData> | undefined;
}

function conversationExtras(deps: BotDeps, transformers: Transformer[]): MiddlewareFn<ConversationContext> {
  return (ctx, next) => {
    for (const transformer of transformers) ctx.api.config.use(transformer);
    // Conversation contexts are plain grammY contexts: give them the same deps and logger.
    let child: ConversationContext["logger"] | undefined;
    Object.defineProperty(ctx, "deps", { value: deps, configurable: true });
    Object.defineProperty(ctx, "logger", {
      get: () => (child ??= deps.logger.child({ update_id: ctx.update.update_id, user_id: ctx.from?.id, chat_id: ctx.chat?.id })),
      configurable: true,
    });
    return next();
  };
}
