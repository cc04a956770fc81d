/**
 * One feature = one Composer plus optional metadata. Features are listed, in order, in
 * src/bot/features/index.ts; createBot installs them after the core middleware and before "unhandled".
 */
import type { Composer } from "grammy";
import type { BotContext, BotDeps } from "./context.js";

export interface BotCommand {
  /** Without the slash, lowercase, e.g. "find". */
  command: string;
  /** Locale message id of the one-line description shown in Telegram's menu and in /help. */
  descriptionKey: string;
}

export interface Feature {
  /** Short name for logs, e.g. "start". */
  name: string;
  /** Commands this feature handles, for setMyCommands and /help (in list order). */
  commands?: BotCommand[];
  /**
   * Builds the feature's middleware (usually a Composer). Must not have side effects: background work
   * belongs to the application's jobs (src/app/jobs.ts), not to a feature.
   */
  composer(deps: BotDeps): Composer<BotContext>;
}
