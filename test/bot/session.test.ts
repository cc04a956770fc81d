import { describe, expect, it } from "vitest";
import { conversationKey, KvStorageAdapter, sessionKey } from "../../src/bot/session.js";
import { openStore } from "../../src/storage/open.js";

describe("session storage over store.kv", () => {
  it("keys start with user:<id>: so eraseUser removes exactly that user's sessions and conversations", async () => {
    const store = await openStore("sqlite::memory:");
    const adapter = new KvStorageAdapter<object>(store.kv);
    const ctx = (user: number, chat: number) => ({ from: { id: user, is_bot: false, first_name: "a" }, chat: { id: chat, type: "private" as const, first_name: "a" } });
    for (const [user, chat] of [[1, 1], [12, 12], [1, -100]]) {
      await adapter.write(sessionKey(ctx(user, chat))!, { user });
      await adapter.write(conversationKey(ctx(user, chat))!, { user });
    }
    await store.eraseUser(1);
    expect(await adapter.read(sessionKey(ctx(1, 1))!)).toBeUndefined();
    expect(await adapter.read(conversationKey(ctx(1, -100))!)).toBeUndefined();
    expect(await adapter.read(sessionKey(ctx(12, 12))!)).toEqual({ user: 12 });
    expect(sessionKey({ from: undefined, chat: ctx(1, 1).chat })).toBeUndefined();
    await store.close();
  });

  it("a corrupt stored value starts fresh instead of failing every update", async () => {
    const store = await openStore("sqlite::memory:");
    await store.kv.set("user:5:session:5", "{not json");
    const adapter = new KvStorageAdapter<object>(store.kv);
    expect(await adapter.read("user:5:session:5")).toBeUndefined();
    expect(await store.kv.has("user:5:session:5")).toBe(false);
    await store.close();
  });

  it("writing back an unchanged value costs no database write; a changed one is written", async () => {
    const store = await openStore("sqlite::memory:");
    let writes = 0;
    const set = store.kv.set.bind(store.kv);
    store.kv.set = async (key, value) => {
      writes++;
      return set(key, value);
    };
    const adapter = new KvStorageAdapter<{ n: number }>(store.kv);
    await adapter.write("user:1:session:1", { n: 1 });
    expect(await adapter.read("user:1:session:1")).toEqual({ n: 1 });
    await adapter.write("user:1:session:1", { n: 1 });
    expect(writes).toBe(1);
    await adapter.write("user:1:session:1", { n: 2 });
    expect(writes).toBe(2);
    // Deleted behind the adapter's back (another process): the next read sees it, and a write happens again.
    await store.kv.delete("user:1:session:1");
    expect(await adapter.read("user:1:session:1")).toBeUndefined();
    await adapter.write("user:1:session:1", { n: 2 });
    expect(await adapter.read("user:1:session:1")).toEqual({ n: 2 });
    await store.close();
  });
});
