/** A member's update while another process keeps the database locked longer than a write waits. */
import { afterEach, describe, expect, it } from "vitest";
import { StoreBusyError } from "../../src/storage/busy.js";
import { openStore } from "../../src/storage/open.js";
import type { Store } from "../../src/storage/store.js";
import { createTestBot, type TestBot } from "../support/bot-harness.js";
import { fakeKnowledge } from "../support/fake-knowledge.js";

let t: TestBot | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Every key/value write (sessions, conversation state) fails as after waiting out a lock in vain. */
async function busyStore(): Promise<Store> {
  const inner = await openStore("sqlite::memory:");
  const kv = new Proxy(inner.kv, {
    get(target, property, receiver) {
      if (property === "set") return async () => Promise.reject(new StoreBusyError(15_000));
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return Object.assign(Object.create(inner) as Store, { kv, close: () => inner.close() });
}

describe("a busy database on the request path", () => {
  it("tells the member politely to send it again (zh), not that something broke", async () => {
    t = await createTestBot({ knowledge: fakeKnowledge([]), store: await busyStore() });
    const replies = await t.sendText("/subscribe");
    const text = replies.map((r) => r.text).join("\n");
    expect(text).toContain("现在系统有点忙");
    expect(text).toContain("再发一次");
    expect(text).not.toContain("出了点问题");
  });

  it("in English for an English-speaking member", async () => {
    t = await createTestBot({ knowledge: fakeKnowledge([]), store: await busyStore() });
    const replies = await t.sendText("/subscribe", { from: { id: 9, language_code: "en" } });
    expect(replies.map((r) => r.text).join("\n")).toContain("The system is busy right now");
  });
});
