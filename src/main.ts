/**
 * `npm start`: the bot.
 *   BOT_TOKEN set, BOT_MODE=polling (default)  long polling with @grammyjs/runner
 *   BOT_TOKEN set, BOT_MODE=webhook            HTTP server on PORT for WEBHOOK_URL, secret-token checked
 *   no BOT_TOKEN                               the local console chat in this terminal
 * Background work of features (digest sender, inbox watcher) starts through Feature.start hooks
 * (src/bot/feature.ts), so this file does not change when a feature is added.
 */
import "dotenv/config";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { JobSupervisor } from "./app/supervise.js";
import type { NiangjiaBot } from "./bot/bot.js";
import type { BotDeps } from "./bot/context.js";
import { ConfigError, parseConfig, type Config } from "./config.js";
import { createLogger, type Logger } from "./logger.js";
import type { ProbeOptions } from "./bot/run/probes.js";

async function main(): Promise<number> {
  let config: Config;
  try {
    config = parseConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  if (!fs.statSync(config.dataDir, { throwIfNoEntry: false })?.isDirectory()) {
    process.stderr.write(`Invalid configuration:\n  DATA_DIR: ${config.dataDir} is not a folder (it holds the issues, catalogue, dictionaries and stations; default ./data)\n`);
    return 1;
  }
  // Loaded after the configuration is checked: a wrong setting is reported at once, without loading
  // the dictionaries and the search index.
  const [
    { autoRetry },
    { createBot },
    { registerCommands },
    { startFeatures },
    { startPolling },
    { runConsoleChat },
    { LocalBotApi },
    { loadKnowledge },
    { openStore, SERVING_STORE_OPTIONS },
    { ContentWatcher },
    { Metrics },
    { connectBotApi, BotApiUnreachableError },
  ] = await Promise.all([
      import("@grammyjs/auto-retry"),
      import("./bot/bot.js"),
      import("./bot/commands.js"),
      import("./bot/lifecycle.js"),
      import("./bot/run/polling.js"),
      import("./console/console-chat.js"),
      import("./console/local-bot-api.js"),
      import("./knowledge/index.js"),
      import("./storage/open.js"),
      import("./knowledge/content-watch.js"),
      import("./metrics.js"),
      import("./bot/run/connect.js"),
    ]);
  const consoleMode = !config.BOT_TOKEN;
  // The console chat owns the terminal: only warnings and errors go to stderr unless asked otherwise.
  const logger = createLogger(consoleMode && !process.env.LOG_LEVEL ? "warn" : config.LOG_LEVEL);
  // Serving members: a busy database is waited out asynchronously, never by freezing the event loop.
  const store = await openStore(config.DATABASE_URL, SERVING_STORE_OPTIONS);
  const knowledge = await loadKnowledge({ store, dataDir: config.dataDir, logger });
  // Issues stored by another process or instance (ingest, publish) become searchable here within seconds.
  const contentWatcher = new ContentWatcher({ content: store.content, reindex: () => knowledge.reindex(), logger });
  await contentWatcher.start();
  const metrics = consoleMode ? undefined : new Metrics({ subscriptions: store.subscriptions, processMetrics: true });
  const deps: BotDeps = { config, store, knowledge, logger, metrics };
  const jobs = new JobSupervisor({ logger: logger.child({ area: "jobs" }) });

  if (consoleMode) {
    const api = new LocalBotApi();
    // One local person pasting lines is not a flood: no rate limit in the console chat.
    const bot = createBot({ ...deps, botConfig: { botInfo: api.botInfo, client: { fetch: api.fetch }, rateLimit: false } });
    const stopFeatures = await startFeatures(bot, { api: bot.api, deps, mode: "console", jobs });
    await runConsoleChat({
      bot,
      api,
      input: process.stdin,
      output: process.stdout,
      locale: config.DEFAULT_LOCALE,
      memberLocale: async (userId) => (await store.users.get(userId))?.locale,
    });
    await stopFeatures();
    await contentWatcher.stop();
    await store.close();
    return 0;
  }

  const bot = createBot({
    ...deps,
    botConfig: {
      client: config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : undefined,
      apiTransformers: [autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 })],
      // Webhook instances may share the database behind a load balancer.
      sharedDatabase: config.BOT_MODE === "webhook",
    },
  });
  try {
    bot.botInfo = await connectBotApi({
      token: config.BOT_TOKEN!,
      apiRoot: config.TELEGRAM_API_ROOT,
      timeoutMs: config.STARTUP_TIMEOUT_SEC * 1000,
      logger,
    });
    await bot.init();
  } catch (error) {
    await contentWatcher.stop();
    await store.close();
    if (error instanceof BotApiUnreachableError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    process.stderr.write(
      `Could not reach the Telegram Bot API at ${config.TELEGRAM_API_ROOT ?? "https://api.telegram.org"} with this BOT_TOKEN: ${
        error instanceof Error ? error.message : String(error)
      }\nCheck BOT_TOKEN (from @BotFather) and TELEGRAM_API_ROOT.\n`,
    );
    return 1;
  }
  await registerCommands(bot.api, bot.features, config.DEFAULT_LOCALE).catch((error: unknown) =>
    logger.warn({ err: error }, "could not register the command menu"),
  );

  const runner =
    config.BOT_MODE === "webhook" ? await startWebhookMode(bot, config, logger, { database: store, metrics, jobs }) : await startPolling(bot, logger);
  const stopFeatures = await startFeatures(bot, { api: bot.api, deps, mode: config.BOT_MODE, jobs });

  await new Promise<void>((resolve) => {
    const shutdown = (signal: NodeJS.Signals) => {
      logger.info({ signal }, "stopping");
      resolve();
    };
    process.once("SIGINT", shutdown);
    process.once("SIGTERM", shutdown);
  });
  await stopFeatures();
  await runner.stop();
  await contentWatcher.stop();
  await store.close();
  logger.info("stopped");
  return 0;
}

async function startWebhookMode(bot: NiangjiaBot, config: Config, logger: Logger, probes: ProbeOptions) {
  const { startWebhook } = await import("./bot/run/webhook.js");
  const secretToken = config.WEBHOOK_SECRET ?? randomBytes(24).toString("base64url");
  // parseConfig guarantees WEBHOOK_URL in webhook mode.
  return startWebhook(bot, { port: config.PORT, url: config.WEBHOOK_URL!, secretToken, probes }, logger);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A configuration problem found late (DATABASE_URL) is a message for the operator; anything else is
    // a bug, reported with its stack.
    const known = error instanceof ConfigError;
    process.stderr.write(`niangjia: ${error instanceof Error ? (known ? error.message : (error.stack ?? error.message)) : String(error)}\n`);
    process.exitCode = 1;
  },
);
