/**
 * `npm start`: the bot.
 *   BOT_TOKEN set, BOT_MODE=polling (default)  long polling with @grammyjs/runner
 *   BOT_TOKEN set, BOT_MODE=webhook            HTTP server on PORT for WEBHOOK_URL, secret-token checked
 *   no BOT_TOKEN                               the local console chat in this terminal
 * Services and background jobs (digest sender, inbox watcher, conversation sweep, content watcher) come
 * from the application (src/app/app.ts); this file only connects them to Telegram or the terminal.
 */
import "dotenv/config";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
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
    { startPolling },
    { runConsoleChat },
    { LocalBotApi },
    { openApp },
    { SERVING_STORE_OPTIONS },
    { connectBotApi, BotApiUnreachableError },
  ] = await Promise.all([
    import("@grammyjs/auto-retry"),
    import("./bot/bot.js"),
    import("./bot/commands.js"),
    import("./bot/run/polling.js"),
    import("./console/console-chat.js"),
    import("./console/local-bot-api.js"),
    import("./app/app.js"),
    import("./storage/open.js"),
    import("./bot/run/connect.js"),
  ]);
  const consoleMode = !config.BOT_TOKEN;
  // The console chat owns the terminal: only warnings and errors go to stderr unless asked otherwise.
  const logger = createLogger(consoleMode && !process.env.LOG_LEVEL ? "warn" : config.LOG_LEVEL);
  // Serving members: a busy database is waited out asynchronously, never by freezing the event loop.
  const app = openApp(config, { logger, storeOptions: SERVING_STORE_OPTIONS, metrics: !consoleMode });
  const store = await app.store();
  const deps: BotDeps = { config, store, logger, ...(await app.services()) };

  if (consoleMode) {
    const api = new LocalBotApi();
    // One local person pasting lines is not a flood: no rate limit in the console chat.
    const bot = createBot({ ...deps, botConfig: { botInfo: api.botInfo, client: { fetch: api.fetch }, rateLimit: false } });
    // Digests go to the console chat through the same local API.
    await app.startJobs({ senderApi: bot.api });
    await runConsoleChat({
      bot,
      api,
      input: process.stdin,
      output: process.stdout,
      locale: config.DEFAULT_LOCALE,
      memberLocale: async (userId) => (await store.users.get(userId))?.locale,
    });
    await app.close();
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
    await app.close();
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

  // Listen for a stop before the bot starts answering (/healthz turns 200 with the webhook server): a SIGTERM
  // from an orchestrator that arrives while the jobs start still stops gracefully, with exit code 0.
  const stopRequested = new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  const runner =
    config.BOT_MODE === "webhook"
      ? await startWebhookMode(bot, config, logger, { database: store, metrics: deps.metrics, jobs: app.jobs })
      : await startPolling(bot, logger);
  // The sender has a client of its own: it handles 429 and 5xx itself, without the bot's auto-retry.
  await app.startJobs();

  logger.info({ signal: await stopRequested }, "stopping");
  await runner.stop();
  await app.close();
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
