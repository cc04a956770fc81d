/**
 * One feature = one Composer plus optional metadata. Features are listed, in order, in
 * src/bot/features/index.ts; createBot installs them after the core middleware and before "unhandled".
 */
import type { Api, Composer } from "grammy";
import type { JobSupervisor } from "../app/supervise.js";
import type { BotContext, BotDeps } from "./context.js";

export interface BotCommand {
  /** Without the slash, lowercase, e.g. "find". */
  command: string;
  /** Locale message id of the one-line description shown in Telegram's menu and in /help. */
  descriptionKey: string;
}

/** What a feature's start hook gets when the bot runs (polling, webhook or console chat). */
export interface BotRuntime {
  api: Api;
  deps: BotDeps;
  mode: "polling" | "webhook" | "console";
  /** Runs background jobs: restarts them after failures, reports their health (/healthz). */
  jobs: JobSupervisor;
}

export interface Feature {
  /** Short name for logs, e.g. "start". */
  name: string;
  /** Commands this feature handles, for setMyCommands and /help (in list order). */
  commands?: BotCommand[];
  /** Builds the feature's middleware (usually a Composer). Must not have side effects. */
  composer(deps: BotDeps): Composer<BotContext>;
  /**
   * Optional background work started by src/main.ts once the bot runs (e.g. a digest sender loop or
   * an inbox watcher). Returns a function that stops it; main awaits it on SIGINT/SIGTERM.
   * Not called by createBot, so tests stay free of timers unless they call it themselves.
   */
  start?(runtime: BotRuntime): Promise<(() => Promise<void>) | void> | (() => Promise<void>) | void;
}
