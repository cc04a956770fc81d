import { run, type RunnerHandle } from "@grammyjs/runner";
import type { NiangjiaBot } from "../bot.js";
import type { Logger } from "../../logger.js";

/**
 * Long polling with @grammyjs/runner: updates are handled concurrently, except that createBot's
 * sequentialize keeps each user's updates in order (same key as the session). stop() lets the
 * updates in flight finish.
 */
export async function startPolling(bot: NiangjiaBot, logger: Logger): Promise<{ stop(): Promise<void> }> {
  // A webhook left from an earlier webhook deployment would make getUpdates fail with 409.
  await bot.api.deleteWebhook();
  const handle: RunnerHandle = run(bot, {
    runner: { fetch: { timeout: 30 }, maxRetryTime: 15 * 60 * 1000, retryInterval: "exponential", silent: true },
  });
  logger.info({ username: bot.botInfo.username }, "polling for updates");
  void handle.task()?.catch((error: unknown) => logger.error({ err: error }, "polling stopped with an error"));
  return {
    async stop() {
      if (handle.isRunning()) await handle.stop();
    },
  };
}
