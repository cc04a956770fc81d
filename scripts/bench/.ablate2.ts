import { Bot, session, Composer } from "grammy";
import type { Update } from "grammy/types";
import { sequentialize } from "@grammyjs/runner";
import { conversations } from "@grammyjs/conversations";
import { createI18n, localeFromLanguageCode } from "../../src/i18n.js";
import { LocalBotApi } from "../../src/console/local-bot-api.js";
import { openStore } from "../../src/storage/open.js";
import { KvStorageAdapter, userChatKey, sessionKey, conversationKey } from "../../src/bot/session.js";
import { silentLogger } from "../../src/logger.js";
import { errorBoundary } from "../../src/bot/middlewares/error-boundary.js";
import { updateLogger } from "../../src/bot/middlewares/update-logger.js";
import { rateLimit } from "../../src/bot/middlewares/rate-limit.js";
import { askFeature } from "../../src/bot/features/ask.js";
import { parseConfig } from "../../src/config.js";
const store = await openStore("sqlite::memory:");
const config = parseConfig({});
const knowledge: any = { ask: async (q: string) => ({ q, found: true, answer: "可以到附近。", hits: [{ kind: "programme", id: "p", title: "站点", snippet: "可休息", score: 1, source: { paper: "报", date: "2024-11-07", issue: "1", title: "服务站点" } }] }) };
const deps: any = { config, store, knowledge, logger: silentLogger };
let id = 1;
const steps: [string, (b: Bot<any>) => void][] = [
  ["seq", (b) => b.use(sequentialize(userChatKey))],
  ["errorBoundary", (b) => b.use(errorBoundary(deps))],
  ["logger", (b) => b.use(updateLogger(deps))],
  ["i18n+negotiator", (b) => b.use(createI18n<any>("zh-CN", { localeNegotiator: async (ctx: any) => (await store.users.get(ctx.from.id))?.locale ?? localeFromLanguageCode(ctx.from.language_code) }))],
  ["session", (b) => b.use(session({ initial: () => ({}), getSessionKey: sessionKey, storage: new KvStorageAdapter(store.kv) }))],
  ["rateLimit", (b) => b.use(rateLimit({}))],
  ["conversations", (b) => { const a = new KvStorageAdapter<any>(store.kv); b.use(conversations({ storage: { type: "context", adapter: { read: (ctx: any) => a.read(conversationKey(ctx)!), write: (ctx: any, s: any) => a.write(conversationKey(ctx)!, s), delete: (ctx: any) => a.delete(conversationKey(ctx)!) } } as any })); }],
  ["ask", (b) => b.use(askFeature.composer(deps))],
];
const mode = process.argv[2];
for (let k = 0; k <= steps.length; k++) {
  const api = new LocalBotApi(undefined, { validate: false });
  const bot = new Bot<any>("1:x", { botInfo: api.botInfo, client: { fetch: api.fetch } });
  for (const [, s] of steps.slice(0, k)) s(bot);
  if (k < steps.length) bot.on("message:text", (ctx: any) => ctx.reply(ctx.message.text));
  const run = async (n: number) => { const s = performance.now(); for (let i = 0; i < n; i++) { const u = 10000 + (i % 2000); await bot.handleUpdate({ update_id: id++, message: { message_id: id, date: 1, from: { id: u, is_bot: false, first_name: "w" }, chat: { id: u, type: "private", first_name: "w" }, text: "驿站" } } as Update); if (api.outgoing.length > 5000) { api.outgoing.length = 0; api.calls.length = 0; } } return (performance.now() - s) * 1000 / n; };
  await run(2000);
  const r = [await run(5000), await run(5000), await run(5000)].sort((a,b)=>a-b)[1];
  console.log(("+" + (steps[k-1]?.[0] ?? "bare")).padEnd(20), r.toFixed(1), "µs/update");
}
