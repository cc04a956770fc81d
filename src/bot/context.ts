/**
 * The context type every feature and conversation sees. Other areas import from here:
 *   BotContext           outside conversations (ctx.session, ctx.conversation, ctx.t, ctx.logger, ctx.deps)
 *   ConversationContext  inside conversations (ctx.t, ctx.logger, ctx.deps; no session: use conversation.external)
 *   BotConversation      the `conversation` handle passed to conversation builders
 *
 * Conversations (src/bot/conversations/): state is stored in SQLite per user and chat (bump
 * CONVERSATION_STATE_VERSION in src/bot/session.ts when a change breaks replay). Inside, wrap database
 * calls, clocks and randomness in conversation.external(). A wait that does not match DROPS the update
 * by default: pass { next: true } (e.g. `conversation.waitFor("message:text", { next: true })`) so menu
 * buttons and commands still reach the bot. ctx.conversation.enter() leaves any conversation in progress.
 */
import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context, SessionFlavor } from "grammy";
import type { Services } from "../app/services.js";
import type { Config } from "../config.js";
import type { Hit } from "../knowledge/types.js";
import type { Logger } from "../logger.js";
import type { Store } from "../storage/store.js";

/**
 * Everything a feature may use: the application's services (src/app/services.ts) plus the configuration,
 * the store for the bot's own state and the logger. Passed to createBot and available as `ctx.deps`.
 */
export interface BotDeps extends Services {
  config: Config;
  store: Store;
  logger: Logger;
}

/** A hit as remembered for the "open result" buttons (the question itself is not kept). */
export type StoredHit = Pick<Hit, "kind" | "id" | "title" | "snippet" | "source" | "sample">;

/**
 * Per user and chat, persisted in store.kv under `user:<userId>:session:<chatId>` (erased by /forget).
 * Other areas may add optional fields here; keep them small and JSON-serializable.
 */
export interface SessionData {
  /**
   * Results of the last few answered questions, opened by the `hit:<answerId>:<n>` buttons (an old
   * message's buttons keep opening that message's results, not the latest ones).
   */
  answers?: { id: number; hits: StoredHit[] }[];
  /** Last answer id given out in this session. */
  answerSeq?: number;
  /** The member's latest message was written in English: replies are English until they write Chinese (reply-locale.ts). */
  writtenInEnglish?: boolean;
  [extra: string]: unknown;
}

interface BotExtras {
  /** A pino child logger carrying update_id, user and chat ids. */
  logger: Logger;
  deps: BotDeps;
}

export type BotContext = ConversationFlavor<Context & I18nFlavor & SessionFlavor<SessionData> & BotExtras>;

export type ConversationContext = Context & I18nFlavor & BotExtras;

export type BotConversation = Conversation<BotContext, ConversationContext>;
