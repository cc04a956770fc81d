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
import { openApp } from "../app/app.js";
import { createDigestSender } from "../app/jobs.js";
import { parseConfig } from "../config.js";
import { SenderLeaseError } from "./sender.js";

async function main(argv: string[]): Promise<number> {
  const app = openApp(parseConfig());
  const { config, logger } = app;
  const store = await app.store();
  // Not a supervised job: a second sender must exit (code 3) rather than wait for the lease.
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
    await app.close();
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
