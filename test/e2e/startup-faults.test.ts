/** `npm start` when something outside the program is wrong: a clear message, no stack trace, exit code 1. */
import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { FAKE_TOKEN } from "../support/fake-bot-api.js";
import { freePort, spawnBot, type SpawnedBot } from "../support/spawn-bot.js";

let bot: SpawnedBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

const STACK = /\n\s+at /;

describe("start-up faults", () => {
  it("an unreachable Bot API: each retry is logged, then it gives up after STARTUP_TIMEOUT_SEC with a clear message and exit code 1", async () => {
    // A port where nothing listens: every connection is refused at once.
    const port = await freePort();
    bot = spawnBot({ BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`, STARTUP_TIMEOUT_SEC: "4" });
    const code = await bot.exited;
    expect(code).toBe(1);
    const retries = bot.stderr().split("\n").filter((line) => line.includes("Bot API not reachable at start; retrying"));
    expect(retries.length).toBeGreaterThanOrEqual(2);
    expect(bot.stderr()).toContain(`Could not reach the Telegram Bot API at http://127.0.0.1:${port} within 4 s`);
    expect(bot.stderr()).toContain("STARTUP_TIMEOUT_SEC");
    expect(bot.stderr()).not.toMatch(STACK);
  }, 200_000);

  it("a Bot API that accepts connections but never answers also gives up in time", async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as { port: number };
    try {
      bot = spawnBot({ BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`, STARTUP_TIMEOUT_SEC: "3" });
      const code = await bot.exited;
      expect(code).toBe(1);
      expect(bot.stderr()).toContain("Could not reach the Telegram Bot API");
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  }, 200_000);

  it.each([
    [{ TIME_ZONE: "Mars/Olympus" }, /TIME_ZONE: expected an IANA time zone/],
    [{ STARTUP_TIMEOUT_SEC: "0" }, /STARTUP_TIMEOUT_SEC/],
    [{ DATA_DIR: "/nonexistent/niangjia-data" }, /DATA_DIR: \/nonexistent\/niangjia-data is not a folder/],
    [{ DATABASE_URL: "mysql://user@127.0.0.1/niangjia" }, /DATABASE_URL: unsupported scheme/],
  ])("%o is refused at start with a message naming the variable, without a stack trace", async (env, message) => {
    bot = spawnBot(env, { stdin: "" });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toMatch(message);
    expect(bot.stderr()).not.toMatch(STACK);
  }, 150_000);
});
