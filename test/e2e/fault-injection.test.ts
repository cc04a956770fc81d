/**
 * The real bot process on an SQLite file while another process holds the write lock for 12 s and an issue
 * is dropped into INBOX_DIR: once the lock is gone, every subscriber gets the digest.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/storage/open.js";
import { FakeBotApiServer } from "../support/fake-bot-api.js";
import { spawnBot, type SpawnedBot } from "../support/spawn-bot.js";
import { holdWriteLock } from "../support/write-lock.js";

const FIXTURE = path.resolve(import.meta.dirname, "../delivery/fixtures/issue-2022-04-08.txt");
const SUBSCRIBERS = [501, 502, 503, 504, 505];

let server: FakeBotApiServer | undefined;
let bot: SpawnedBot | undefined;
afterEach(async () => {
  await bot?.stop();
  await server?.stop();
  bot = undefined;
  server = undefined;
});

describe("fault injection: a database locked by another process", () => {
  it("an issue dropped into INBOX_DIR during a 12 s write lock reaches every subscriber afterwards", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-fault-"));
    const file = path.join(dir, "bot.db");
    const inbox = path.join(dir, "inbox");
    fs.mkdirSync(inbox);
    const store = await openStore(`sqlite:${file}`);
    for (const id of SUBSCRIBERS) await store.subscriptions.upsert({ chatId: id, userId: id, topics: ["all"], quietHours: { start: "00:00", end: "00:00" } });
    await store.close();

    server = await FakeBotApiServer.start();
    bot = spawnBot({ BOT_TOKEN: server.token, TELEGRAM_API_ROOT: server.apiRoot, DATABASE_URL: `sqlite:${file}`, INBOX_DIR: inbox });
    await server.waitForCall("setMyCommands", 240_000);

    const holder = await holdWriteLock(file, 12_000);
    fs.copyFileSync(FIXTURE, path.join(inbox, "today.txt"));
    await holder.released;

    const digests = await server.waitForMessages((m) => SUBSCRIBERS.includes(Number(m.chatId)), SUBSCRIBERS.length, 120_000);
    expect(new Set(digests.map((m) => Number(m.chatId)))).toEqual(new Set(SUBSCRIBERS));
    expect(digests.every((m) => m.text.includes("总第12079期"))).toBe(true);
    expect(fs.readdirSync(path.join(inbox, "done"))).toEqual([expect.stringMatching(/-today\.txt$/)]);
    expect(fs.existsSync(path.join(inbox, "failed"))).toBe(false);
    expect(await bot.stop()).toBe(0);
  }, 400_000);
});
