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
import { testDeps } from "../support/bot-harness.js";
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
  const deps = testDeps({ config: parseConfig({}), store, knowledge: fakeKnowledge([]) });
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

async function consoleRun(lines: string[], options: { features?: Feature[]; locale?: "zh-CN" | "en" } = {}): Promise<string> {
  const store = await openStore("sqlite::memory:");
  const api = new LocalBotApi();
  const knowledge = fakeKnowledge([{ match: /^800$/, answer: "关于800的回答", hits: [] }]);
  const deps = testDeps({ config: parseConfig({}), store, knowledge });
  const bot = createBot({ ...deps, botConfig: { botInfo: api.botInfo, client: { fetch: api.fetch }, rateLimit: false, ...(options.features ? { features: options.features } : {}) } });
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = "";
  output.on("data", (c) => (shown += c));
  input.end(lines.join("\n") + "\n");
  const memberLocale = async (id: number) => (await store.users.get(id))?.locale;
  await runConsoleChat({ bot, api, input, output, locale: options.locale ?? "zh-CN", greet: false, memberLocale });
  await store.close();
  return shown;
}

it("a number is a button press only when a button with that number is shown; otherwise it is text", async () => {
  const shown = await consoleRun(["/pick", "800", "2"], { features: [pickFeature] });
  expect(shown).not.toContain("没有编号");
  expect(shown).toContain("请点上面的按钮选择"); // "800" went to the bot as text
  expect(shown).toContain("已选 b"); // "2" pressed the second button shown
});

it("a number with no buttons shown is a question", async () => {
  const shown = await consoleRun(["800"]);
  expect(shown).toContain("关于800的回答");
});

it("explains (消息已更新) the first time a message is edited, then only marks it", async () => {
  const shown = await consoleRun(["/pick", "1", "/pick", "2"], { features: [pickFeature] });
  expect(shown.match(/（消息已更新：机器人改写了它之前发的一条消息/g)).toHaveLength(1);
  expect(shown.match(/（消息已更新）\n/g)).toHaveLength(1);
});

it("after /lang en the console's own lines are English too (Bye!, not 再见！)", async () => {
  const zh = await consoleRun(["/help"]);
  expect(zh.trim().endsWith("再见！")).toBe(true);
  const en = await consoleRun(["/lang en", "/help"]);
  expect(en).toContain("OK, I will talk to you in English from now on.");
  expect(en.trim().endsWith("Bye!")).toBe(true);
  expect(en).not.toContain("再见");
});
