/** Webhook mode on a shared database, in one process (SQLite): an update delivered again is answered once. */
import { afterEach, describe, expect, it } from "vitest";
import { createTestBot, type TestBot } from "../support/bot-harness.js";
import { fakeKnowledge } from "../support/fake-knowledge.js";

let t: TestBot | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const start = (updateId: number, chatId: number) => ({
  update_id: updateId,
  message: {
    message_id: updateId,
    date: Math.floor(Date.now() / 1000),
    from: { id: chatId, is_bot: false, first_name: "w", language_code: "zh-hans" },
    chat: { id: chatId, type: "private" as const, first_name: "w" },
    text: "/start",
    entities: [{ type: "bot_command" as const, offset: 0, length: 6 }],
  },
});

describe("shared database mode", () => {
  it("answers an update once however often it is delivered, and every new update", async () => {
    t = await createTestBot({ knowledge: fakeKnowledge([]), sharedDatabase: true });
    expect(await t.sendUpdate(start(77, 5))).toHaveLength(1);
    expect(await t.sendUpdate(start(77, 5))).toHaveLength(0);
    const [first, second] = await Promise.all([t.bot.handleUpdate(start(78, 6)), t.bot.handleUpdate(start(78, 6))]).then(() =>
      t!.api.outgoing.filter((m) => m.chatId === 6),
    );
    expect(first?.text).toContain("娘家");
    expect(second).toBeUndefined();
    expect(await t.sendUpdate(start(79, 5))).toHaveLength(1);
  });

  it("without it (long polling, the console) nothing is recorded", async () => {
    t = await createTestBot({ knowledge: fakeKnowledge([]) });
    await t.sendUpdate(start(80, 5));
    expect(await t.store.updates.begin(80, Date.now())).toBe(true);
  });
});
