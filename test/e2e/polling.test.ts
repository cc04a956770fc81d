/** `npm start` with BOT_TOKEN against a fake Bot API server over real HTTP (long polling). */
import { afterEach, describe, expect, it } from "vitest";
import { FakeBotApiServer } from "../support/fake-bot-api.js";
import { spawnBot, type SpawnedBot } from "../support/spawn-bot.js";

let server: FakeBotApiServer | undefined;
let bot: SpawnedBot | undefined;
afterEach(async () => {
  await bot?.stop();
  await server?.stop();
  bot = undefined;
  server = undefined;
});

const fromUser = { from: { id: 4242 } };
const inChat = (m: { chatId: number | string }) => m.chatId === 4242;

describe("long polling against a Bot API server", () => {
  it("/start, a question, a result button; command menu registered; graceful stop on SIGTERM", async () => {
    server = await FakeBotApiServer.start();
    bot = spawnBot({ BOT_TOKEN: server.token, TELEGRAM_API_ROOT: server.apiRoot });
    // One menu per language: the default (zh) and English.
    await server.waitForCall("setMyCommands", 60_000, 2);
    const menus = server.calls("setMyCommands");
    expect((menus[0].payload.commands as { command: string }[]).map((c) => c.command)).toEqual(
      expect.arrayContaining(["start", "help", "lang", "privacy", "forget"]),
    );
    expect(menus.some((m) => (m.payload as { language_code?: string }).language_code === "en")).toBe(true);

    server.sendText("/start", fromUser);
    const [welcome] = await server.waitForMessages(inChat, 1);
    expect(welcome.text).toContain("娘家");
    expect(welcome.buttons.flat().map((b) => b.callback_data)).toEqual(["menu:stations", "menu:find", "menu:subscribe", "menu:ask"]);

    server.sendText("没工作了有免费培训吗?", fromUser);
    const answer = (await server.waitForMessages(inChat, 2))[1];
    expect(answer.text).toContain("来源");
    expect(answer.buttons.flat()[0].callback_data).toBe("hit:1:0");

    server.pressButton("hit:1:0", fromUser);
    const card = (await server.waitForMessages(inChat, 3))[2];
    expect(card.text).toContain("来源");
    await server.waitForCall("answerCallbackQuery");

    // getUpdates really long-polls (timeout > 0) and confirms what it received with offset.
    const polls = server.calls("getUpdates");
    expect(polls.some((p) => Number(p.payload.timeout) > 0)).toBe(true);
    expect(polls.some((p) => Number(p.payload.offset) > 1)).toBe(true);
    expect(server.rejected).toEqual([]);

    expect(await bot.stop()).toBe(0);
    expect(bot.stderr()).not.toMatch(/"level":(50|60)/);
  }, 90_000);

  it("429 from the API is retried after retry_after (auto-retry), so no reply is lost", async () => {
    server = await FakeBotApiServer.start({ perChatRatePerSec: 1 });
    bot = spawnBot({ BOT_TOKEN: server.token, TELEGRAM_API_ROOT: server.apiRoot });
    await server.waitForCall("setMyCommands", 60_000);
    server.sendText("/help", fromUser);
    server.sendText("/privacy", fromUser);
    server.sendText("/start", fromUser);
    const replies = await server.waitForMessages(inChat, 3, 20_000);
    expect(replies.map((r) => r.text).join("\n")).toMatch(/娘家能做什么[\s\S]*隐私说明[\s\S]*你好/);
    expect(server.rejected.filter((r) => r.code === 429).length).toBeGreaterThan(0);
  }, 90_000);

  it("a wrong token stops with a clear message and exit code 1", async () => {
    server = await FakeBotApiServer.start();
    bot = spawnBot({ BOT_TOKEN: "999:wrong-token-wrong-token-wrong", TELEGRAM_API_ROOT: server.apiRoot });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toContain("BOT_TOKEN");
  }, 60_000);
});
