/**
 * End to end over HTTP against the fake Bot API server: an admin sends an issue file as a document, the
 * bot publishes it, and the digest sender job started as the application starts it delivers the digest.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { createBot, type NiangjiaBot } from "../../src/bot/bot.js";
import { startJobs } from "../../src/app/jobs.js";
import { composeServices } from "../../src/app/services.js";
import { JobSupervisor } from "../../src/app/supervise.js";
import type { BotDeps } from "../../src/bot/context.js";
import { createPublishing } from "../../src/delivery/publish.js";
import { DEFAULT_BOT_INFO } from "../../src/console/local-bot-api.js";
import { scanInbox } from "../../src/delivery/inbox.js";
import { loadGazetteer } from "../../src/knowledge/places/gazetteer.js";
import { silentLogger } from "../../src/logger.js";
import { openStore } from "../../src/storage/open.js";
import type { Store } from "../../src/storage/store.js";
import { testConfig, visibleText } from "../support/bot-harness.js";
import { FAKE_TOKEN, FakeBotApiServer } from "../support/fake-bot-api.js";
import { fakeKnowledge } from "../support/fake-knowledge.js";

const FIXTURE = path.resolve(import.meta.dirname, "../delivery/fixtures/issue-2022-04-08.txt");
const ADMIN = 7;
const MEMBER = 4242;
const NO_QUIET = { start: "00:00", end: "00:00" };

let server: FakeBotApiServer | undefined;
let store: Store | undefined;
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  await server?.stop();
  await store?.close();
  stop = undefined;
});

async function setup(): Promise<{ bot: NiangjiaBot; deps: BotDeps; server: FakeBotApiServer; store: Store; reindexed: () => number }> {
  // No per-chat limit here: the bot core replies without auto-retry in tests, and staff get several replies in a row.
  server = await FakeBotApiServer.start();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-admin-"));
  const config = testConfig({
    BOT_TOKEN: FAKE_TOKEN,
    TELEGRAM_API_ROOT: server.apiRoot,
    ADMIN_IDS: [ADMIN],
    DATABASE_URL: `sqlite:${path.join(dir, "bot.db")}`,
    DIGEST_RATE_PER_SEC: 100,
  });
  store = await openStore(config.DATABASE_URL);
  let reindexed = 0;
  const knowledge = { ...fakeKnowledge([]), gazetteer: await loadGazetteer(path.resolve("data")), reindex: async () => void reindexed++ };
  const deps: BotDeps = { config, store, logger: silentLogger, ...composeServices(config, { store, logger: silentLogger, knowledge }) };
  const bot = createBot({ ...deps, botConfig: { botInfo: DEFAULT_BOT_INFO, client: { apiRoot: server.apiRoot }, rateLimit: false } });
  return { bot, deps, server, store, reindexed: () => reindexed };
}

let updateId = 1;
function messageUpdate(userId: number, content: Record<string, unknown>): Update {
  return {
    update_id: updateId++,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: userId, type: "private", first_name: "x" },
      from: { id: userId, is_bot: false, first_name: "x", language_code: "zh-hans" },
      ...content,
    },
  } as Update;
}

const documentUpdate = (userId: number, fileId: string, fileName: string) =>
  messageUpdate(userId, { document: { file_id: fileId, file_unique_id: `u${fileId}`, file_name: fileName, mime_type: "text/plain", file_size: 20_000 } });

const textUpdate = (userId: number, text: string) =>
  messageUpdate(userId, { text, entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0].length }] });

const textsTo = (s: FakeBotApiServer, chatId: number) => s.outgoing.filter((m) => m.chatId === chatId).map((m) => visibleText(m.text));

describe("publishing from Telegram (ADMIN_IDS)", () => {
  it("an admin's issue file is published and the running sender delivers the digest once", async () => {
    const { bot, deps, server, store, reindexed } = await setup();
    await store.subscriptions.upsert({ chatId: MEMBER, userId: MEMBER, topics: ["training_jobs"], quietHours: NO_QUIET });
    // The jobs main.ts starts: the digest sender (and the inbox watcher when INBOX_DIR is set).
    const supervisor = new JobSupervisor({ logger: silentLogger });
    startJobs({ config: deps.config, store, logger: silentLogger, services: deps, supervisor });
    stop = () => supervisor.stop();
    server.setFile("issue1", fs.readFileSync(FIXTURE));
    await bot.handleUpdate(documentUpdate(ADMIN, "issue1", "2022-04-08.txt"));
    expect(textsTo(server, ADMIN).at(-1)).toMatch(/已发布 浙江工人日报 · 2022年4月8日 · 总第12079期（\d+ 篇文章），已为 1 位订阅者排队/);
    expect(reindexed()).toBe(1);

    const [digest] = await server.waitForMessages((m) => m.chatId === MEMBER, 1, 10_000);
    expect(visibleText(digest.text)).toContain("浙江工人日报 · 2022年4月8日 · 总第12079期");
    expect(visibleText(digest.text)).toContain("我省全面提升小微主体职业技能水平");

    // Sending the same file again publishes nothing new.
    await bot.handleUpdate(documentUpdate(ADMIN, "issue1", "2022-04-08.txt"));
    expect(textsTo(server, ADMIN), JSON.stringify(server.rejected)).toHaveLength(2);
    expect(textsTo(server, ADMIN).at(-1)).toContain("已经发布过");
    await new Promise((r) => setTimeout(r, 300));
    expect(server.outgoing.filter((m) => m.chatId === MEMBER && m.method === "sendMessage")).toHaveLength(1);

    await bot.handleUpdate(textUpdate(ADMIN, "/stats"));
    expect(textsTo(server, ADMIN).at(-1)).toMatch(/已送达 1，失败 0/);
  });

  it("refuses documents and /stats from anyone else, without downloading", async () => {
    const { bot, server, store } = await setup();
    server.setFile("issue1", fs.readFileSync(FIXTURE));
    await bot.handleUpdate(documentUpdate(MEMBER, "issue1", "2022-04-08.txt"));
    expect(textsTo(server, MEMBER).at(-1)).toContain("只有工会工作人员可以发布");
    expect(server.calls("getFile")).toHaveLength(0);
    expect((await store.outbox.status(Date.now())).issues).toHaveLength(0);
    await bot.handleUpdate(textUpdate(MEMBER, "/stats"));
    expect(textsTo(server, MEMBER).at(-1)).toContain("只有工会工作人员");
  });

  it("tells the admin which file could not be parsed", async () => {
    const { bot, server } = await setup();
    server.setFile("bad", "\n\n\n");
    await bot.handleUpdate(documentUpdate(ADMIN, "bad", "empty.txt"));
    expect(textsTo(server, ADMIN).at(-1)).toMatch(/无法发布这个文件[\s\S]*empty\.txt/);
    await bot.handleUpdate(documentUpdate(ADMIN, "bad", "photo.jpg"));
    expect(textsTo(server, ADMIN).at(-1)).toContain(".txt");
  });
});

function inboxOptions(dir: string, s: Store, reindex?: () => Promise<void>) {
  return { dir, publishing: createPublishing({ store: s, reindex }), logger: silentLogger };
}

describe("INBOX_DIR", () => {
  it("publishes a dropped file once it is complete and moves it to done/; a bad file goes to failed/ with the reason", async () => {
    const s = (store = await openStore("sqlite::memory:"));
    await s.subscriptions.upsert({ chatId: MEMBER, userId: MEMBER, topics: ["all"] });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-inbox-"));
    fs.copyFileSync(FIXTURE, path.join(dir, "issue.txt"));
    fs.writeFileSync(path.join(dir, "broken.txt"), "   \n");
    let reindexed = 0;
    const inbox = inboxOptions(dir, s, async () => void reindexed++);
    const seen = new Map<string, string>();
    // First pass only notes the files (they might still be copying).
    expect(await scanInbox(inbox, seen)).toEqual([]);
    const results = await scanInbox(inbox, seen);
    expect(results.map((r) => r.status).sort()).toEqual(["published", "refused"]);
    // Files are kept under a time-stamped name, so a name staff reuse never collides.
    expect(fs.readdirSync(path.join(dir, "done"))).toEqual([expect.stringMatching(/-issue\.txt$/)]);
    const failed = fs.readdirSync(path.join(dir, "failed")).sort();
    expect(failed).toEqual([expect.stringMatching(/-broken\.txt$/), expect.stringMatching(/-broken\.txt\.error\.txt$/)]);
    expect(fs.readFileSync(path.join(dir, "failed", failed[1]), "utf8")).toMatch(/empty/);
    expect(reindexed).toBe(1);
    expect((await s.outbox.status(Date.now())).outbox.queued).toBe(1);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".txt"))).toEqual([]);
  });

  it("a file name staff reuse every day publishes the new issue without replacing the previous one", async () => {
    const s = (store = await openStore("sqlite::memory:"));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-inbox-"));
    const inbox = inboxOptions(dir, s);
    const seen = new Map<string, string>();
    const drop = async (source: string) => {
      fs.copyFileSync(source, path.join(dir, "today.txt"));
      await scanInbox(inbox, seen);
      return scanInbox(inbox, seen);
    };
    await drop(FIXTURE);
    await drop(path.resolve(import.meta.dirname, "../../data/issues/zjgrb-2024-11-07-12773.txt"));
    expect((await s.issues.listIssues()).map((i) => i.date).sort()).toEqual(["2022-04-08", "2024-11-07"]);
  });
});
