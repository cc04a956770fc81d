import path from "node:path";
import type { Update } from "grammy/types";
import { createBot } from "../../src/bot/bot.js";
import { parseConfig } from "../../src/config.js";
import { LocalBotApi } from "../../src/console/local-bot-api.js";
import { silentLogger } from "../../src/logger.js";
import { openStore } from "../../src/storage/open.js";
const config = parseConfig({ DATABASE_URL: "sqlite::memory:" });
const constant: any = { ask: async (q: string) => ({ q, found: true, answer: "可以到附近。", hits: [{ kind: "programme", id: "p", title: "站点", snippet: "可休息", score: 1, source: { paper: "报", date: "2024-11-07", issue: "1", title: "服务站点" } }] }) };
const api = new LocalBotApi();
const store = await openStore("sqlite::memory:");
const bot = createBot({ config, store, knowledge: constant, logger: silentLogger, botConfig: { botInfo: api.botInfo, client: { fetch: api.fetch } } });
let id = 1;
const N = 20000;
const s = performance.now();
for (let i = 0; i < N; i++) {
  const u = 10000 + (i % 2000);
  await bot.handleUpdate({ update_id: id++, message: { message_id: id, date: 1, from: { id: u, is_bot: false, first_name: "w" }, chat: { id: u, type: "private", first_name: "w" }, text: "驿站" } } as Update);
  if (i % 1000 === 0) api.outgoing.length = 0, api.calls.length = 0;
}
console.log((N / ((performance.now() - s) / 1000)).toFixed(0), "upd/s");
