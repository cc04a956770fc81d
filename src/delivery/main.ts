/**
 * The digest sender as its own process (the bot process runs the same loop). One sender per database:
 * started while another one runs, this one exits with code 3 (the bot's own sender waits instead).
 *
 *   npx tsx src/delivery/main.ts                 runs until SIGINT/SIGTERM (graceful: in-flight requests finish)
 *   npx tsx src/delivery/main.ts --until-empty   sends what is due, then exits
 *
 * Reads BOT_TOKEN, TELEGRAM_API_ROOT, DATABASE_URL, DIGEST_RATE_PER_SEC, DIGEST_CONCURRENCY, LOG_LEVEL.
 */
import "dotenv/config";
import { Api } from "grammy";
import { ConfigError, parseConfig, type Config } from "../config.js";
import { createLogger, type Logger } from "../logger.js";
import { openStore } from "../storage/open.js";
import type { Store } from "../storage/store.js";
import { DigestSender, SenderLeaseError } from "./sender.js";

/** The sender with the configured pace, over the given (or a new) Bot API client. */
export function createDigestSender(config: Config, store: Store, logger: Logger, api?: Api): DigestSender {
  if (!api) {
    if (!config.BOT_TOKEN) throw new ConfigError("BOT_TOKEN: required to send digests");
    api = new Api(config.BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT, timeoutSeconds: 30 });
  }
  return new DigestSender({
    repo: store.subscriptions,
    api,
    logger: logger.child({ area: "digest-sender" }),
    ratePerSecond: config.DIGEST_RATE_PER_SEC,
    concurrency: config.DIGEST_CONCURRENCY,
  });
}

async function main(argv: string[]): Promise<number> {
  const config = parseConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const store = await openStore(config.DATABASE_URL);
  const sender = createDigestSender(config, store, logger);
  const stop = () => void sender.stop();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    await (argv.includes("--until-empty") ? sender.runUntilIdle() : sender.start());
    logger.info({ ...sender.counters }, "digest sender stopped");
    return 0;
  } catch (error) {
    if (error instanceof SenderLeaseError) {
      logger.error(error.message);
      return 3;
    }
    throw error;
  } finally {
    await store.close();
  }
}

const isEntryPoint = process.argv[1]?.endsWith("src/delivery/main.ts") || process.argv[1]?.endsWith("src/delivery/main.js");
if (isEntryPoint) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`digest sender: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
