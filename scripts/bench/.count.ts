import type { Update } from "grammy/types";
import { createBot } from "../../src/bot/bot.js";
import { parseConfig } from "../../src/config.js";
import { LocalBotApi } from "../../src/console/local-bot-api.js";
import { silentLogger } from "../../src/logger.js";
import { openStore } from "../../src/storage/open.js";
const config = parseConfig({ DATABASE_URL: "sqlite::memory:" });
const constant: any = { ask: async (q: string) => ({ q, found: true, answer: "可以到附近。", hits: [{ kind: "programme", id: "p", title: "站点", snippet: "可休息", score: 1, source: { paper: "报", date: "2024-11-07", issue: "1", title: "服务站点" } }] }) };
const api = new LocalBotApi();
const store: any = await openStore("sqlite::memory:");
const counts: Record<string, number> = {};
for (const m of ["get", "set", "delete", "has"]) { const o = store.kv[m].bind(store.kv); store.kv[m] = (...a: any[]) => { counts["kv." + m + " " + String(a[0]).split(":")[2]] = (counts["kv." + m + " " + String(a[0]).split(":")[2]] ?? 0) + 1; return o(...a); }; }
{ const o = store.users.get.bind(store.users); store.users.get = (...a: any[]) => { counts["users.get"] = (counts["users.get"] ?? 0) + 1; return o(...a); }; }
const bot = createBot({ config, store, knowledge: constant, logger: silentLogger, botConfig: { botInfo: api.botInfo, client: { fetch: api.fetch } } });
for (let i = 0; i < 3; i++) await bot.handleUpdate({ update_id: i + 1, message: { message_id: i, date: 1, from: { id: 5, is_bot: false, first_name: "w" }, chat: { id: 5, type: "private", first_name: "w" }, text: "驿站" } } as Update);
console.log(counts, api.calls.map((c) => c.method));
