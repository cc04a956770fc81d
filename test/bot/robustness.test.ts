import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { createTestBot, type TestBot } from "../support/bot-harness.js";
import { fakeKnowledge, makeHit } from "../support/fake-knowledge.js";

let t: TestBot;
afterEach(async () => t?.close());

const knowledge = fakeKnowledge([{ match: /驿站/, answer: "余杭有驿站。", hits: [makeHit({ id: "a", title: "驿站" })] }]);

describe("unsupported input", () => {
  it("stickers, photos, voice and documents get a short explanation in private chats", async () => {
    // Core features only: other features may take documents (e.g. staff publishing an issue).
    t = await createTestBot({ knowledge, features: [] });
    const base = { message_id: 1, date: 1, from: { id: 5, is_bot: false, first_name: "A" }, chat: { id: 5, type: "private", first_name: "A" } };
    for (const extra of [
      { sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } },
      { photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }] },
      { voice: { file_id: "v", file_unique_id: "v", duration: 1 } },
    ]) {
      const [reply] = await t.sendUpdate({ message: { ...base, ...extra } } as unknown as Update);
      expect(reply.text).toContain("只能看懂文字消息和位置");
    }
    const [doc] = await t.sendDocument({ fileName: "a.pdf" }, { from: { id: 5 } });
    expect(doc.text).toContain("文字");
  });

  it("an unknown command points to /help", async () => {
    t = await createTestBot({ knowledge });
    const [reply] = await t.sendText("/weather 杭州");
    expect(reply.text).toContain("/help");
  });

  it("update kinds without a chat to answer are ignored without errors", async () => {
    const errors: unknown[] = [];
    t = await createTestBot({ knowledge, logger: capturingLogger(errors) });
    const updates = [
      { edited_message: { message_id: 1, date: 1, edit_date: 2, chat: { id: 5, type: "private", first_name: "A" }, from: { id: 5, is_bot: false, first_name: "A" }, text: "x" } },
      { channel_post: { message_id: 1, date: 1, chat: { id: -1001, type: "channel", title: "C" }, text: "驿站" } },
      { inline_query: { id: "1", from: { id: 5, is_bot: false, first_name: "A" }, query: "驿站", offset: "" } },
      { my_chat_member: { chat: { id: 5, type: "private", first_name: "A" }, from: { id: 5, is_bot: false, first_name: "A" }, date: 1, old_chat_member: { status: "member", user: { id: 1, is_bot: true, first_name: "b" } }, new_chat_member: { status: "kicked", until_date: 0, user: { id: 1, is_bot: true, first_name: "b" } } } },
      { poll: { id: "p", question: "q", options: [], total_voter_count: 0, is_closed: false, is_anonymous: true, type: "regular", allows_multiple_answers: false } },
      { callback_query: { id: "c", from: { id: 5, is_bot: false, first_name: "A" }, chat_instance: "i", inline_message_id: "im", data: "hit:1:0" } },
      { callback_query: { id: "d", from: { id: 5, is_bot: false, first_name: "A" }, chat_instance: "i", game_short_name: "g" } },
    ];
    for (const update of updates) expect(await t.sendUpdate(update as unknown as Update)).toEqual([]);
    expect(errors).toEqual([]);
    // Both callback queries were answered so the client stops its spinner.
    expect(t.calls("answerCallbackQuery")).toHaveLength(2);
  });
});

describe("floods", () => {
  it("200 messages from one user in a second: a few answers, one polite notice, no crash", async () => {
    t = await createTestBot({ knowledge, rateLimit: {} });
    const sends = Array.from({ length: 200 }, (_, i) => t.sendText(`驿站 ${i}`));
    await Promise.all(sends);
    const texts = t.allTexts();
    const answers = texts.filter((x) => x.includes("余杭有驿站"));
    const notices = texts.filter((x) => x.includes("请稍等几秒"));
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.length).toBeLessThanOrEqual(12);
    expect(notices).toHaveLength(1);
    // Another member is not slowed down by the flood.
    const [other] = await t.sendText("驿站", { from: { id: 6 } });
    expect(other.text).toContain("余杭有驿站");
  });

  it("the limit recovers after a pause", async () => {
    let now = 0;
    t = await createTestBot({ knowledge, rateLimit: { burst: 3, perSecond: 1, now: () => now } });
    for (let i = 0; i < 5; i++) await t.sendText("驿站");
    expect(t.allTexts().filter((x) => x.includes("余杭有驿站"))).toHaveLength(3);
    now += 2000;
    const [again] = await t.sendText("驿站");
    expect(again.text).toContain("余杭有驿站");
  });
});

describe("fuzzing handleUpdate", () => {
  it("3,000 random updates never throw and every private text gets an answer Telegram accepts", async () => {
    const errors: unknown[] = [];
    t = await createTestBot({ knowledge, logger: capturingLogger(errors) });
    const random = seeded(20241123);
    let failures = 0;
    for (let i = 0; i < 3000; i++) {
      const update = randomUpdate(random, i + 1);
      try {
        await t.bot.handleUpdate(update);
      } catch {
        failures++;
      }
    }
    expect(failures).toBe(0);
    // A 400 from the API (bad HTML, too long, bad button) would have been logged as an error.
    expect(errors).toEqual([]);
    expect(t.api.outgoing.length).toBeGreaterThan(500);
  });
});

function capturingLogger(errors: unknown[]) {
  const logger = {
    level: "info",
    child: () => logger,
    isLevelEnabled: () => false,
    error: (...args: unknown[]) => errors.push(args),
    warn: (...args: unknown[]) => errors.push(args),
    info: () => undefined,
    debug: () => undefined,
    trace: () => undefined,
    fatal: (...args: unknown[]) => errors.push(args),
  };
  return logger as never;
}

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = ["驿站", "<", ">", "&", "&amp;", "*", "_", "`", "[", "]", "/start", "/help", "/lang", "/forget", "/privacy", "/x", "\n", " ", "😀", "\u0000", "\u202e", "你好", "12351", "'", '"', "{", "}", "$", "a".repeat(50)];
const CALLBACKS = ["menu:stations", "menu:find", "menu:subscribe", "menu:ask", "hit:1:0", "hit:2:1", "hit:0", "hit:9:9", "hit:-1:0", "lang:en", "lang:zh-CN", "lang:xx", "forget:cancel", "forget:confirm", "unknown", "", "x".repeat(64)];

function randomUpdate(random: () => number, id: number): Update {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const userId = 1 + Math.floor(random() * 20);
  const from = { id: userId, is_bot: false, first_name: pick(["A", "<b>", "&"]), language_code: pick(["zh-hans", "en", undefined, "ru"]) };
  const chat = random() < 0.9 ? { id: userId, type: "private", first_name: "A" } : { id: -100 - userId, type: "supergroup", title: "<g>" };
  const roll = random();
  const text = Array.from({ length: Math.floor(random() * 12) }, () => pick(PIECES)).join("") || "驿站";
  if (roll < 0.55) {
    return { update_id: id, message: { message_id: id, date: 1, from, chat, text, ...(text.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0].length }] } : {}) } } as unknown as Update;
  }
  if (roll < 0.8) {
    return { update_id: id, callback_query: { id: String(id), from, chat_instance: "c", data: pick(CALLBACKS), message: { message_id: Math.max(1, id - 1), date: 1, chat, text: "x" } } } as unknown as Update;
  }
  if (roll < 0.88) return { update_id: id, message: { message_id: id, date: 1, from, chat, location: { latitude: random() * 180 - 90, longitude: random() * 360 - 180 } } } as unknown as Update;
  if (roll < 0.9) return { update_id: id, message: { message_id: id, date: 1, sender_chat: { id: -1002, type: "channel", title: "c" }, chat: { id: -1003, type: "supergroup", title: "g" }, text } } as unknown as Update;
  if (roll < 0.94) return { update_id: id, edited_message: { message_id: id, date: 1, edit_date: 2, from, chat, text } } as unknown as Update;
  return { update_id: id, message: { message_id: id, date: 1, from, chat, sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } } } as unknown as Update;
}
