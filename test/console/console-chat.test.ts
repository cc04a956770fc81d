/** The console chat in-process: what a newcomer sees in the terminal when buttons come and go. */
import { PassThrough } from "node:stream";
import { Composer, InlineKeyboard } from "grammy";
import { expect, it } from "vitest";
import { createBot } from "../../src/bot/bot.js";
import type { BotContext } from "../../src/bot/context.js";
import type { Feature } from "../../src/bot/feature.js";
import { runConsoleChat } from "../../src/console/console-chat.js";
import { LocalBotApi } from "../../src/console/local-bot-api.js";
import { parseConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { openStore } from "../../src/storage/open.js";
import { fakeKnowledge } from "../support/fake-knowledge.js";

/** Shows two buttons; plain text gets a reply without buttons; a press edits only the keyboard. */
const pickFeature: Feature = {
  name: "pick",
  composer() {
    const composer = new Composer<BotContext>();
    composer.command("pick", (ctx) =>
      ctx.reply("<b>选一个</b>", { parse_mode: "HTML", reply_markup: new InlineKeyboard().text("甲", "pick:a").text("乙", "pick:b") }),
    );
    composer.callbackQuery(/^pick:(.)$/, async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup({ reply_markup: new InlineKeyboard().text(`已选 ${ctx.match[1]}`, "pick:done") });
    });
    composer.on("message:text", (ctx) => ctx.reply("请点上面的按钮选择"));
    return composer;
  },
};

it("keeps earlier buttons usable after a reply without buttons, and an edited keyboard keeps the HTML rendering", async () => {
  const store = await openStore("sqlite::memory:");
  const api = new LocalBotApi();
  const deps = { config: parseConfig({}), store, knowledge: fakeKnowledge([]), logger: silentLogger };
  const bot = createBot({ ...deps, botConfig: { botInfo: api.botInfo, client: { fetch: api.fetch }, rateLimit: false, features: [pickFeature] } });
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = "";
  output.on("data", (c) => (shown += c));
  input.end("/pick\nhello\n2\n");
  await runConsoleChat({ bot, api, input, output, locale: "zh-CN", greet: false });
  await store.close();
  expect(shown).toContain("请点上面的按钮选择");
  expect(shown).toContain("已选 b"); // "2" still pressed 乙 after the plain reply
  expect(shown).not.toMatch(/<b>/); // the keyboard-only edit is rendered as HTML, not raw tags
});
