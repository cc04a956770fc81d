/**
 * Bot benchmark (`npm run bench bot`). Feeds private text messages from 2,000 members to bot.handleUpdate
 * with an in-process API stub (the LocalBotApi the tests and the console use; no network, no checks), and
 * prints updates per second for:
 *   baseline    a bare grammY bot that echoes every text (no session, no storage, no search)
 *   + plugins   the same echo bot with, step by step, the plugins every update of the real bot passes
 *               through (sequentialize, SQLite session, conversations, i18n and flood limit): what they
 *               leave of the budget before any niangjia code runs
 *   same reply  the bare bot sending, for every text, the answer `core` sends (HTML, a result button):
 *               how much of the gap is the longer reply alone
 *   core        createBot() exactly as `npm start` builds it (every middleware and feature, SQLite session
 *               and conversation state, flood limit, log level silent) answering each text as a question
 *               from a constant-time knowledge stub: the bot's own cost; in-memory SQLite
 *   core, file  the same over a SQLite file in WAL mode, as deployed
 *   question    the same bot answering varied real questions from the shipped data (search included)
 * Ratios are against the baseline measured in this run (rounds interleaved, median of 5 rounds).
 * Then the same over loopback HTTP, and RSS after 10k mixed updates. Target: core ≥ 50% of baseline.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Bot } from "grammy";
import type { InlineKeyboardMarkup, Update } from "grammy/types";
import { composeServices } from "../../src/app/services.js";
import { createBot } from "../../src/bot/bot.js";
import type { BotDeps } from "../../src/bot/context.js";
import type { Catalogue } from "../../src/knowledge/catalogue/types.js";
import { parseConfig } from "../../src/config.js";
import { LocalBotApi } from "../../src/console/local-bot-api.js";
import { PLUGIN_STEPS, pluginBot } from "./support/plugin-bots.js";
import type { Knowledge } from "../../src/knowledge/knowledge.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { silentLogger } from "../../src/logger.js";
import { openStore } from "../../src/storage/open.js";
import type { Store } from "../../src/storage/store.js";
import { FakeBotApiServer } from "../../test/support/fake-bot-api.js";
import { MEMBER_QUESTIONS } from "./support/questions.js";

const out = (line = "") => process.stdout.write(`${line}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");


let updateId = 1;
function textUpdate(text: string, userId: number): Update {
  const id = updateId++;
  return {
    update_id: id,
    message: { message_id: id, date: 1, from: { id: userId, is_bot: false, first_name: "w", language_code: "zh-hans" }, chat: { id: userId, type: "private", first_name: "w" }, text },
  } as Update;
}

function callbackUpdate(data: string, userId: number): Update {
  const id = updateId++;
  const chat = { id: userId, type: "private", first_name: "w" };
  return {
    update_id: id,
    callback_query: { id: String(id), from: { id: userId, is_bot: false, first_name: "w" }, chat_instance: "b", data, message: { message_id: 1, date: 1, chat, text: "…" } },
  } as Update;
}

type Handler = (update: Update) => Promise<void>;

/** Updates per second over `count` updates; users rotate so no one hits the flood limit. */
async function rate(handle: Handler, count: number, question: (i: number) => string): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i++) await handle(textUpdate(question(i), 10_000 + (i % 2000)));
  return count / ((performance.now() - started) / 1000);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const config = { ...parseConfig({ DATABASE_URL: "sqlite::memory:" }), dataDir: path.join(root, "data") };
  // The bot's deps as the application composes them (src/app/services.ts).
  const benchDeps = (store: Store, knowledge: Knowledge, catalogue?: Catalogue): BotDeps => ({
    config,
    store,
    logger: silentLogger,
    ...composeServices(config, { store, logger: silentLogger, knowledge, catalogue }),
  });

  const bareApi = new LocalBotApi(undefined, { validate: false });
  const bare = new Bot("1:bench", { botInfo: bareApi.botInfo, client: { fetch: bareApi.fetch } });
  bare.on("message:text", (ctx) => ctx.reply(ctx.message.text));

  const constant: Knowledge = {
    ask: async (q) => ({
      q,
      found: true,
      confidence: "answer",
      answer: "可以到附近的户外劳动者服务站点歇脚、喝水、热饭、充电。",
      hits: [{ kind: "programme", id: "p", title: "户外劳动者服务站点", snippet: "可休息、可饮水、可热饭、可充电", score: 1, source: { paper: "浙江工人日报", date: "2024-11-07", issue: "12773", title: "服务站点" } }],
    }),
    analyze: (raw) => ({ raw, terms: [], places: [], english: false }),
    gazetteer: { places: [], resolve: () => undefined, findInText: () => [], within: () => [] },
    addHitProvider: () => undefined,
    reindex: async () => undefined,
  };
  const coreApi = new LocalBotApi(undefined, { validate: false });
  const coreStore = await openStore("sqlite::memory:");
  const core = createBot({ ...benchDeps(coreStore, constant), botConfig: { botInfo: coreApi.botInfo, client: { fetch: coreApi.fetch } } });

  const fileDir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-bench-"));
  const fileApi = new LocalBotApi(undefined, { validate: false });
  const fileStore = await openStore(`sqlite:${path.join(fileDir, "bench.db")}`);
  const coreFile = createBot({ ...benchDeps(fileStore, constant), botConfig: { botInfo: fileApi.botInfo, client: { fetch: fileApi.fetch } } });

  // What core answers, sent by the bare bot.
  await core.handleUpdate(textUpdate(MEMBER_QUESTIONS[0], 1));
  const coreAnswer = coreApi.outgoing.at(-1)!.payload;
  const sameApi = new LocalBotApi(undefined, { validate: false });
  const same = new Bot("1:bench", { botInfo: sameApi.botInfo, client: { fetch: sameApi.fetch } });
  same.on("message:text", (ctx) =>
    ctx.reply(String(coreAnswer.text), {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_markup: coreAnswer.reply_markup as InlineKeyboardMarkup,
    }),
  );

  const pluginApis = PLUGIN_STEPS.map(() => new LocalBotApi(undefined, { validate: false }));
  const pluginStores = await Promise.all(PLUGIN_STEPS.map(() => openStore("sqlite::memory:")));
  const pluginBots = PLUGIN_STEPS.map((_, i) => pluginBot(pluginApis[i], pluginStores[i], i + 1));

  const loadStarted = performance.now();
  const store = await openStore("sqlite::memory:");
  const knowledge = await loadKnowledge({ store, dataDir: config.dataDir, logger: silentLogger });
  const loadMs = performance.now() - loadStarted;
  const realApi = new LocalBotApi(undefined, { validate: false });
  const real = createBot({ ...benchDeps(store, knowledge, knowledge.catalogue), botConfig: { botInfo: realApi.botInfo, client: { fetch: realApi.fetch } } });

  const handlers: Record<string, Handler> = {
    baseline: (u) => bare.handleUpdate(u),
    ...Object.fromEntries(pluginBots.map((b, i) => [`plugins${i + 1}`, (u: Update) => b.handleUpdate(u)])),
    same: (u) => same.handleUpdate(u),
    core: (u) => core.handleUpdate(u),
    coreFile: (u) => coreFile.handleUpdate(u),
    question: (u) => real.handleUpdate(u),
  };
  const pick = (i: number) => MEMBER_QUESTIONS[i % MEMBER_QUESTIONS.length];
  // The stubs keep every message sent; dropped after each run so that their memory (larger for the
  // full bot's longer answers) does not slow the later runs down.
  const clearStubs = () => [bareApi, ...pluginApis, sameApi, coreApi, fileApi, realApi].forEach((api) => api.clearHistory());
  for (const handle of Object.values(handlers)) {
    await rate(handle, 300, pick); // warm-up (JIT, statements, jieba)
    clearStubs();
  }

  const rounds: Record<string, number[]> = Object.fromEntries(Object.keys(handlers).map((name) => [name, []]));
  for (let round = 0; round < 5; round++) {
    for (const [name, handle] of Object.entries(handlers)) {
      rounds[name].push(await rate(handle, name === "question" ? 300 : 2000, pick));
      clearStubs();
    }
  }
  const base = median(rounds.baseline);
  const row = (name: string, label: string) => {
    const value = median(rounds[name]);
    out(`  ${label.padEnd(44)} ${value.toFixed(0).padStart(7)} updates/s   ${((value / base) * 100).toFixed(0).padStart(4)}% of baseline`);
  };
  out(`Throughput through bot.handleUpdate (median of 5 interleaved rounds; API stubbed in-process):`);
  row("baseline", "baseline: bare grammY echo bot");
  PLUGIN_STEPS.forEach((step, i) => row(`plugins${i + 1}`, `  + ${step}`));
  row("same", "same reply: bare bot sending core's answer");
  row("core", "core: full niangjia stack, constant answer");
  row("coreFile", "core, SQLite file (WAL) instead of in-memory");
  row("question", "question: full stack + search of shipped data");
  out(`  target: core ≥ 50% of baseline (${median(rounds.core) / base >= 0.5 ? "met" : "NOT met"}); the search itself is measured in \`npm run bench search\``);
  out(`  (loadKnowledge took ${(loadMs / 1000).toFixed(1)} s)`);

  // The same comparison with the Bot API reached over loopback HTTP (the fake server of the e2e tests,
  // in this process): every reply costs an HTTP round trip, as it does in production.
  const server = await FakeBotApiServer.start();
  const client = { apiRoot: server.apiRoot };
  const bareHttp = new Bot(server.token, { botInfo: server.api.botInfo, client });
  bareHttp.on("message:text", (ctx) => ctx.reply(ctx.message.text));
  const coreHttpStore = await openStore("sqlite::memory:");
  const coreHttp = createBot({ ...benchDeps(coreHttpStore, constant), botConfig: { token: server.token, botInfo: server.api.botInfo, client } });
  const httpHandlers: Record<string, Handler> = {
    baseline: (u) => bareHttp.handleUpdate(u),
    core: (u) => coreHttp.handleUpdate(u),
  };
  for (const handle of Object.values(httpHandlers)) {
    await rate(handle, 200, pick);
    server.api.clearHistory();
  }
  const httpRounds: Record<string, number[]> = { baseline: [], core: [] };
  for (let round = 0; round < 3; round++) {
    for (const [name, handle] of Object.entries(httpHandlers)) {
      httpRounds[name].push(await rate(handle, 800, pick));
      server.api.clearHistory();
    }
  }
  const httpBase = median(httpRounds.baseline);
  const httpCore = median(httpRounds.core);
  out(`Same over loopback HTTP to a local Bot API server (median of 3 rounds):`);
  out(`  ${"baseline: bare grammY echo bot".padEnd(44)} ${httpBase.toFixed(0).padStart(7)} updates/s    100% of baseline`);
  out(`  ${"core: full niangjia stack, constant answer".padEnd(44)} ${httpCore.toFixed(0).padStart(7)} updates/s   ${((httpCore / httpBase) * 100).toFixed(0).padStart(4)}% of baseline`);
  await server.stop();
  await coreHttpStore.close();

  // Memory: 10k updates from 2000 users through the real bot, a mix of what members send:
  // questions (1 in 4), /start, /help, menu and result buttons.
  global.gc?.();
  const before = process.memoryUsage().rss;
  const mixStarted = performance.now();
  for (let i = 0; i < 10_000; i++) {
    const userId = 10_000 + (i % 2000);
    const kind = i % 4;
    if (kind === 0) await real.handleUpdate(textUpdate(pick(i), userId));
    else if (kind === 1) await real.handleUpdate(textUpdate(i % 8 === 1 ? "/start" : "/help", userId));
    else await real.handleUpdate(callbackUpdate(kind === 2 ? "menu:ask" : "hit:1:0", userId));
    if (realApi.outgoing.length > 5000) realApi.clearHistory();
  }
  const mixSeconds = (performance.now() - mixStarted) / 1000;
  global.gc?.();
  const after = process.memoryUsage();
  out(`Memory: RSS ${mb(after.rss)} after 10k mixed updates (1 in 4 a question; ${(10_000 / mixSeconds).toFixed(0)} updates/s); ${mb(before)} before them; heap used ${mb(after.heapUsed)}.`);
  out(`  Includes the jieba dictionaries and the search index; growth over the 10k updates: ${mb(after.rss - before)}.`);
  await Promise.all([store.close(), coreStore.close(), fileStore.close(), ...pluginStores.map((s) => s.close())]);
  fs.rmSync(fileDir, { recursive: true, force: true });
}

await main();
