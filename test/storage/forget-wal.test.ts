/**
 * /forget and the conversation sweep erase from the disk, not just from the tables: the SQLite -wal file
 * keeps old page versions until it is reused, so the bytes of both files are read here.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/storage/open.js";
import type { Store } from "../../src/storage/store.js";

const USER = 987_654_321;
const KEYWORD = "独有关键词甲乙";
const PLACE = "清江浦区某某小区";
const AMOUNT = "自费4321元";

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

/** The database file and its -wal file, as bytes on disk. */
function onDisk(file: string): Buffer {
  const parts = [file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f));
  return Buffer.concat(parts);
}

const contains = (bytes: Buffer, text: string) => bytes.includes(Buffer.from(text, "utf8"));

async function memberWithAnswers(file: string): Promise<Store> {
  const s = await openStore(`sqlite:${file}`);
  await s.subscriptions.upsert({ chatId: USER, userId: USER, topics: ["all"], keywords: [KEYWORD] });
  await s.users.setRememberedFacts(USER, { county: PLACE });
  // What the conversations plugin stores: the member's updates, with what they typed.
  const update = { message: { from: { id: USER }, text: `我在${PLACE}，看病${AMOUNT}` } };
  await s.kv.set(`user:${USER}:conversation:${USER}`, JSON.stringify({ version: 3, state: [update] }));
  await s.kv.set(`user:${USER}:session:${USER}`, JSON.stringify({ place: PLACE }));
  return s;
}

describe("erasure reaches the database files", () => {
  it("after /forget neither the database file nor its -wal file holds the member's keyword, place or amount", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-forget-")), "bot.db");
    store = await memberWithAnswers(file);
    const before = onDisk(file);
    expect(contains(before, KEYWORD) && contains(before, PLACE) && contains(before, AMOUNT)).toBe(true);

    await store.eraseUser(USER);

    const after = onDisk(file);
    for (const text of [KEYWORD, PLACE, AMOUNT, `user:${USER}:`]) expect(contains(after, text), text).toBe(false);
    expect(fs.statSync(`${file}-wal`).size).toBe(0);
    // The store still works afterwards.
    await store.kv.set("user:1:session:1", "{}");
    expect(await store.kv.get("user:1:session:1")).toBe("{}");
  });

  it("the conversation sweep's deletions leave no copy in the -wal file either", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-sweep-")), "bot.db");
    store = await memberWithAnswers(file);
    const removed = await store.kv.deleteStale(":conversation:", new Date(Date.now() + 60_000));
    expect(removed).toBe(1);
    const after = onDisk(file);
    expect(contains(after, AMOUNT)).toBe(false);
    expect(fs.statSync(`${file}-wal`).size).toBe(0);
  });
});
