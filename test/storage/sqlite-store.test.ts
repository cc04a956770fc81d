import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/storage/open.js";
import type { Store } from "../../src/storage/store.js";

describe("SQLite store", () => {
  let store: Store | undefined;
  afterEach(async () => store?.close());

  it("keeps key/value pairs across a restart of the process (same file)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-store-"));
    const url = `sqlite:${path.join(dir, "nested", "bot.db")}`;
    const first = await openStore(url);
    await first.kv.set("chat:1", '{"step":2}');
    await first.close();
    store = await openStore(url);
    expect(await store.kv.get("chat:1")).toBe('{"step":2}');
    expect(await store.kv.has("chat:2")).toBe(false);
  });

  it("erases a user's profile and sessions but nobody else's", async () => {
    store = await openStore("sqlite::memory:");
    await store.users.setLocale(7, "en");
    await store.users.setRememberedFacts(7, { self_paid_medical_yuan: 4200 });
    await store.users.setLocale(8, "zh-CN");
    await store.kv.set("user:7:session", "x");
    await store.kv.set("user:70:session", "keep");
    await store.eraseUser(7);
    expect(await store.users.get(7)).toBeUndefined();
    expect(await store.kv.get("user:7:session")).toBeUndefined();
    expect(await store.kv.get("user:70:session")).toBe("keep");
    expect((await store.users.get(8))?.locale).toBe("zh-CN");
  });

  it("treats _ and % in a key prefix literally", async () => {
    store = await openStore("sqlite::memory:");
    await store.kv.set("a_b", "1");
    await store.kv.set("axb", "2");
    expect(await store.kv.deleteByPrefix("a_")).toBe(1);
    expect(await store.kv.get("axb")).toBe("2");
  });

  it("names the variable and hides the password when PostgreSQL cannot be reached", async () => {
    const refused = openStore("postgres://bot:s3cret@127.0.0.1:1/niangjia");
    await expect(refused).rejects.toThrow(/^DATABASE_URL: cannot open the PostgreSQL database at postgres:\/\/bot:\*\*\*@127.0.0.1:1\/niangjia: /);
    await expect(refused).rejects.not.toThrow(/s3cret/);
  });
});

describe("expiring stale state", () => {
  it("deletes only the matching keys written before the cut-off", async () => {
    const store = await openStore("sqlite::memory:");
    await store.kv.set("user:1:conversation:1", "old");
    await store.kv.set("user:1:session:1", "old session");
    const cutoff = new Date(Date.now() + 1000);
    expect(await store.kv.deleteStale(":conversation:", cutoff)).toBe(1);
    expect(await store.kv.get("user:1:conversation:1")).toBeUndefined();
    expect(await store.kv.get("user:1:session:1")).toBe("old session");
    await store.kv.set("user:2:conversation:2", "fresh");
    expect(await store.kv.deleteStale(":conversation:", new Date(Date.now() - 60_000))).toBe(0);
    expect(await store.kv.get("user:2:conversation:2")).toBe("fresh");
    await store.close();
  });
});

describe("DATABASE_URL mistakes", () => {
  it("refuses another database's URL instead of creating a folder named after it", async () => {
    await expect(openStore("mysql://db.example/x")).rejects.toThrow(/DATABASE_URL: unsupported scheme "mysql:\/\/"/);
  });

  it("names the variable and the path when the file cannot be opened", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-store-"));
    await expect(openStore(`sqlite:${dir}`)).rejects.toThrow(new RegExp(`DATABASE_URL: cannot open the SQLite database at ${dir}`));
  });
});
