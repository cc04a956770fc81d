import { JobSupervisor } from "../app/supervise.js";
import type { NiangjiaBot } from "./bot.js";
import type { BotRuntime } from "./feature.js";

type Stop = () => Promise<void>;

/**
 * Starts every feature's background work (Feature.start: digest sender, inbox watcher ...). A feature
 * that fails to start is logged and skipped. Returns one function stopping them all, in reverse order.
 */
export async function startFeatures(bot: NiangjiaBot, given: Omit<BotRuntime, "jobs"> & { jobs?: JobSupervisor }): Promise<Stop> {
  const stops: Stop[] = [];
  const { logger } = given.deps;
  const runtime: BotRuntime = { ...given, jobs: given.jobs ?? new JobSupervisor({ logger }) };
  for (const feature of bot.features) {
    if (!feature.start) continue;
    try {
      const stop = await feature.start(runtime);
      if (stop) stops.push(stop);
      logger.info({ feature: feature.name }, "feature started");
    } catch (error) {
      logger.error({ err: error, feature: feature.name }, "feature failed to start");
    }
  }
  return async () => {
    for (const stop of stops.reverse()) {
      await stop().catch((error: unknown) => logger.error({ err: error }, "feature failed to stop"));
    }
    await runtime.jobs.stop();
  };
}
