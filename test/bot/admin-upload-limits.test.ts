/** Staff uploads (ADMIN_IDS) that are too big, badly named or slow to parse. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { createBot, type NiangjiaBot } from "../../src/bot/bot.js";
import { uploadDir } from "../../src/bot/features/admin.js";
import { DEFAULT_BOT_INFO } from "../../src/console/local-bot-api.js";
import { parseIssueBytes } from "../../src/knowledge/newspaper/file.js";
import { openStore } from "../../src/storage/open.js";
import type { Store } from "../../src/storage/store.js";
import { testConfig, testDeps, visibleText } from "../support/bot-harness.js";
import { FAKE_TOKEN, FakeBotApiServer } from "../support/fake-bot-api.js";
import { fakeKnowledge } from "../support/fake-knowledge.js";

const FIXTURE = path.resolve(import.meta.dirname, "../delivery/fixtures/issue-2022-04-08.txt");
const ADMIN = 7;

let server: FakeBotApiServer | undefined;
let store: Store | undefined;
afterEach(async () => {
  await server?.stop();
  await store?.close();
  server = undefined;
  store = undefined;
});

async function setup(): Promise<{ bot: NiangjiaBot; server: FakeBotApiServer; databaseUrl: string }> {
  server = await FakeBotApiServer.start();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-upload-"));
  const databaseUrl = `sqlite:${path.join(dir, "bot.db")}`;
  const config = testConfig({ BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: server.apiRoot, ADMIN_IDS: [ADMIN], DATABASE_URL: databaseUrl });
  store = await openStore(databaseUrl);
  const bot = createBot({ ...testDeps({ config, store, knowledge: fakeKnowledge([]) }), botConfig: { botInfo: DEFAULT_BOT_INFO, client: { apiRoot: server.apiRoot }, rateLimit: false } });
  return { bot, server, databaseUrl };
}

let updateId = 1;
const documentUpdate = (fileId: string, fileName: string, fileSize: number): Update =>
  ({
    update_id: updateId++,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: ADMIN, type: "private", first_name: "x" },
      from: { id: ADMIN, is_bot: false, first_name: "x", language_code: "zh-hans" },
      document: { file_id: fileId, file_unique_id: `u${fileId}`, file_name: fileName, mime_type: "text/plain", file_size: fileSize },
    },
  }) as Update;

const lastText = (s: FakeBotApiServer) => visibleText(s.outgoing.filter((m) => m.chatId === ADMIN).at(-1)?.text ?? "");
const uploads = (databaseUrl: string) => (fs.existsSync(uploadDir(databaseUrl)) ? fs.readdirSync(uploadDir(databaseUrl)) : []);

describe("admin uploads: limits", () => {
  it("a file larger than the limit is refused as too big even when it declares a small size; nothing is stored", async () => {
    const { bot, server, databaseUrl } = await setup();
    server.setFile("huge", Buffer.alloc(11 * 1024 * 1024, "工"));
    await bot.handleUpdate(documentUpdate("huge", "today.txt", 1000));
    expect(lastText(server)).toContain("文件太大（超过 10 MB）");
    expect(uploads(databaseUrl)).toEqual([]);
    expect(await store!.issues.listIssues()).toEqual([]);
  });

  it("an over-long file name gets a clear message, not 'send it again later'", async () => {
    const { bot, server } = await setup();
    server.setFile("issue", fs.readFileSync(FIXTURE));
    await bot.handleUpdate(documentUpdate("issue", `${"浙江工人日报".repeat(40)}.txt`, 20_000));
    expect(lastText(server)).toMatch(/文件名太长（244 个字，最多 100 个字）/);
    expect(lastText(server)).not.toContain("稍后再发");
  });

  it("a large file is parsed off the main thread: the bot keeps serving while it is parsed", async () => {
    const { bot, server } = await setup();
    const base = fs.readFileSync(FIXTURE, "utf8");
    const body = base.split("\n").slice(5).join("\n");
    const bytes = Buffer.from([base, ...Array.from({ length: 5 }, () => body)].join("\n"));
    // The same parse on this thread, in this run: how long the bot would freeze without the worker.
    let started = performance.now();
    parseIssueBytes(bytes, "big.txt");
    const inThreadMs = performance.now() - started;

    server.setFile("big", bytes);
    let longestStall = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestStall = Math.max(longestStall, now - last);
      last = now;
    }, 5);
    started = performance.now();
    await bot.handleUpdate(documentUpdate("big", "big.txt", bytes.length));
    clearInterval(ticker);
    longestStall = Math.max(longestStall, performance.now() - last);
    expect(lastText(server)).toMatch(/已发布|已经发布过/);
    expect(longestStall).toBeLessThan(inThreadMs / 3);
  }, 120_000);
});
