/**
 * Start-up: reach the Bot API before anything else talks to it. A network error is retried with growing
 * pauses, each attempt logged, up to a deadline; then start-up fails with a clear message and the process
 * exits non-zero, so a service manager restarts it (instead of hanging silently, as a client retrying
 * network errors forever would). A refused token (401/404) fails at once.
 */
import { Api, GrammyError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Logger } from "../../logger.js";

export class BotApiUnreachableError extends Error {}

export interface ConnectOptions {
  token: string;
  apiRoot?: string;
  /** Give up after this long (STARTUP_TIMEOUT_SEC). */
  timeoutMs: number;
  logger: Logger;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** The getMe call (tests); by default a client without automatic retries. */
  getMe?: () => Promise<UserFromGetMe>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function connectBotApi(options: ConnectOptions): Promise<UserFromGetMe> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const root = options.apiRoot ?? "https://api.telegram.org";
  // Each attempt gets at most 10 s (or what is left) so a silent network cannot hold it past the deadline.
  const api = new Api(options.token, { apiRoot: options.apiRoot, timeoutSeconds: Math.max(1, Math.min(10, Math.ceil(options.timeoutMs / 1000))) });
  const getMe = options.getMe ?? (() => api.getMe());
  const started = now();
  let pause = 1_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await getMe();
    } catch (error) {
      if (error instanceof GrammyError && error.error_code < 500) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      const left = options.timeoutMs - (now() - started);
      if (left <= 0) {
        throw new BotApiUnreachableError(
          `Could not reach the Telegram Bot API at ${root} within ${Math.round(options.timeoutMs / 1000)} s (${attempt} attempts; last error: ${reason}).\n` +
            "Check the network, TELEGRAM_API_ROOT, or raise STARTUP_TIMEOUT_SEC.",
        );
      }
      const wait = Math.min(pause, left);
      options.logger.warn({ attempt, apiRoot: root, error: reason, retryInMs: wait }, "Bot API not reachable at start; retrying");
      await sleep(wait);
      pause = Math.min(pause * 2, 30_000);
    }
  }
}
