/** `npm start` with BOT_MODE=webhook: setWebhook with a secret, updates POSTed by the fake server. */
import { afterEach, describe, expect, it } from "vitest";
import { FakeBotApiServer } from "../support/fake-bot-api.js";
import { freePort, spawnBot, waitFor, type SpawnedBot } from "../support/spawn-bot.js";

let server: FakeBotApiServer | undefined;
let bot: SpawnedBot | undefined;
afterEach(async () => {
  await bot?.stop();
  await server?.stop();
  bot = undefined;
  server = undefined;
});

describe("webhook mode", () => {
  it("registers the webhook with a secret, answers updates carrying it and refuses requests without it", async () => {
    server = await FakeBotApiServer.start();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram/hook`;
    bot = spawnBot({
      BOT_TOKEN: server.token,
      TELEGRAM_API_ROOT: server.apiRoot,
      BOT_MODE: "webhook",
      PORT: String(port),
      WEBHOOK_URL: url,
      WEBHOOK_SECRET: "s3cret-token_for-tests",
    });
    const registered = await waitFor(() => server!.webhook, 60_000, "setWebhook");
    expect(registered).toEqual({ url, secretToken: "s3cret-token_for-tests" });

    server.sendText("/start", { from: { id: 7 } });
    const [welcome] = await server.waitForMessages((m) => m.chatId === 7, 1);
    expect(welcome.text).toContain("娘家");

    const update = { update_id: 999, message: { message_id: 1, date: 1, chat: { id: 8, type: "private", first_name: "x" }, from: { id: 8, is_bot: false, first_name: "x" }, text: "/start", entities: [{ type: "bot_command", offset: 0, length: 6 }] } };
    const post = (headers: Record<string, string>) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(update) });
    expect((await post({})).status).toBe(401);
    expect((await post({ "x-telegram-bot-api-secret-token": "wrong" })).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${port}/elsewhere`, { method: "POST" })).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(server.outgoing.filter((m) => m.chatId === 8)).toEqual([]);

    expect(await bot.stop()).toBe(0);
  }, 90_000);
});
