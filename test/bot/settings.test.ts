import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import type { BotContext, BotConversation, ConversationContext } from "../../src/bot/context.js";
import type { Feature } from "../../src/bot/feature.js";
import { features } from "../../src/bot/features/index.js";
import { openStore } from "../../src/storage/open.js";
import type { Store } from "../../src/storage/store.js";
import { createTestBot, type TestBot } from "../support/bot-harness.js";
import { fakeKnowledge, makeHit } from "../support/fake-knowledge.js";
import { publishSample } from "../delivery/helpers.js";

let t: TestBot | undefined;
let store: Store | undefined;
afterEach(async () => {
  await t?.close();
  await store?.close();
  t = undefined;
  store = undefined;
});

const knowledge = fakeKnowledge([{ match: /培训/, answer: "有免费技能培训。", hits: [makeHit({ id: "a", title: "免费培训" })] }]);

/** A two-step conversation, the way the find/stations features build theirs. */
async function survey(conversation: BotConversation, ctx: ConversationContext) {
  await ctx.reply(ctx.t("bot-menu-ask-prompt"));
  // { next: true }: other updates (a menu button, a command) reach the rest of the bot instead of being dropped.
  const first = await conversation.waitFor("message:text", { next: true });
  const stamp = await conversation.external(() => "stamp");
  await first.reply(`第一步：${first.message.text}`);
  const second = await conversation.waitFor("message:text");
  await second.reply(`完成：${first.message.text} + ${second.message.text} (${stamp})`);
}
const surveyFeature: Feature = {
  name: "survey",
  commands: [{ command: "survey", descriptionKey: "bot-command-help" }],
  composer() {
    const composer = new Composer<BotContext>();
    composer.use(createConversation(survey, "survey"));
    composer.command("survey", (ctx) => ctx.conversation.enter("survey"));
    return composer;
  },
};

describe("/lang", () => {
  it("switches to English and the choice persists over the client language", async () => {
    t = await createTestBot({ knowledge });
    await t.sendText("/lang");
    expect(t.lastReplies()[0].buttons.flat().map((b) => b.text)).toEqual(["中文", "English"]);
    const [changed] = await t.pressButton("lang:en");
    expect(changed.edited).toBe(true);
    expect(changed.text).toContain("English");
    expect((await t.store.users.get(4242))?.locale).toBe("en");
    const [welcome] = await t.sendText("/start"); // client still says zh-hans
    expect(welcome.text).toContain("Hello");
    await t.sendText("/lang");
    const [back] = await t.pressButton("lang:zh-CN");
    expect(back.text).toContain("中文");
  });

  it("also changes the language of the member's digests, including one already queued", async () => {
    t = await createTestBot({ knowledge });
    await t.sendText("/subscribe");
    await t.pressButton("sub:t:all");
    await t.pressButton("sub:next");
    await t.pressButton("sub:skip");
    await t.pressButton("sub:skip");
    await t.pressButton("sub:d:now");
    expect((await t.store.subscriptions.get(4242))?.locale).toBe("zh-CN");
    const published = await publishSample(t.store);
    expect(published.status).toBe("published");
    const queued = async () => (await t!.store.outbox.outboxRows(published.issue.issueId)).filter((r) => r.chatId === 4242);
    expect((await queued()).map((r) => [r.status, r.locale])).toEqual([["queued", "zh-CN"]]);

    await t.sendText("/lang");
    await t.pressButton("lang:en");
    expect((await t.store.subscriptions.get(4242))?.locale).toBe("en");
    expect((await queued()).map((r) => r.locale)).toEqual(["en"]);
    await t.sendText("/settings");
    expect(t.lastReplies()[0].text).toContain("My newspaper subscription");

    await t.sendText("/lang");
    await t.pressButton("lang:zh-CN");
    expect((await t.store.subscriptions.get(4242))?.locale).toBe("zh-CN");
  });

  it("refuses a forged language", async () => {
    t = await createTestBot({ knowledge });
    await t.pressButton("lang:fr");
    expect(t.calls("answerCallbackQuery")[0].payload.text).toContain("不支持");
    expect(await t.store.users.get(4242)).toBeUndefined();
  });
});

describe("/privacy and /forget", () => {
  it("/privacy says what is stored and mentions /forget", async () => {
    t = await createTestBot({ knowledge });
    const [reply] = await t.sendText("/privacy");
    expect(reply.text).toContain("隐私");
    expect(reply.text).toContain("/forget");
  });

  it("/forget erases language, session and conversation only after the confirmation button", async () => {
    t = await createTestBot({ knowledge, features: [...features, surveyFeature] });
    await t.sendText("/lang");
    await t.pressButton("lang:en");
    await t.sendText("training 培训?");
    await t.sendText("/survey");
    await t.sendText("one");
    const keysBefore = await kvKeys(t.store, 4242);
    expect(keysBefore.some((k) => k.startsWith("user:4242:session:"))).toBe(true);
    expect(keysBefore.some((k) => k.startsWith("user:4242:conversation:"))).toBe(true);

    await t.sendText("/forget");
    // A command ends the survey in progress first (its answers are dropped), then /forget asks.
    expect(t.lastReplies().map((m) => m.text)).toEqual([expect.stringContaining("Left the questions"), expect.stringContaining("cannot be undone")]);
    expect((await kvKeys(t.store, 4242)).some((k) => k.startsWith("user:4242:conversation:"))).toBe(false);
    await t.pressButton("forget:cancel");
    expect(await t.store.users.get(4242)).toBeDefined();

    await t.sendText("/forget");
    const [done] = await t.pressButton("forget:confirm");
    expect(done.text).toContain("erased");
    expect(await t.store.users.get(4242)).toBeUndefined();
    expect(await kvKeys(t.store, 4242)).toEqual([]);
    // The old result buttons no longer open anything.
    await t.pressButton("hit:1:0");
    expect(t.calls("answerCallbackQuery").at(-1)!.payload.text).toContain("过期");
  });
});

describe("sessions and conversations are stored in the database", () => {
  it("a conversation in progress survives a restart of the bot", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-bot-"));
    const url = `sqlite:${path.join(dir, "bot.db")}`;
    store = await openStore(url);
    t = await createTestBot({ knowledge, store, features: [...features, surveyFeature] });
    await t.sendText("/survey");
    await t.sendText("快递员");
    expect(t.lastReplies()[0].text).toBe("第一步：快递员");
    await store.close();

    store = await openStore(url); // a new process would do exactly this
    t = await createTestBot({ knowledge, store, features: [...features, surveyFeature] });
    const [done] = await t.sendText("杭州");
    expect(done.text).toBe("完成：快递员 + 杭州 (stamp)");
    // A question after the conversation goes back to the search.
    const [answer] = await t.sendText("有培训吗");
    expect(answer.text).toContain("有免费技能培训");
  });
});

describe("conversations", () => {
  it("starting a flow while another is in progress starts over instead of failing", async () => {
    const second: Feature = {
      name: "second",
      composer() {
        const composer = new Composer<BotContext>();
        composer.use(
          createConversation(async (conversation: BotConversation, ctx: ConversationContext) => {
            await ctx.reply("第二个流程");
            await conversation.waitFor("message:text");
          }, "second"),
        );
        composer.callbackQuery("go:second", (ctx) => ctx.conversation.enter("second"));
        return composer;
      },
    };
    t = await createTestBot({ knowledge, features: [...features, surveyFeature, second] });
    await t.sendText("/survey");
    const [started] = await t.pressButton("go:second");
    expect(started.text).toBe("第二个流程");
    // The survey was left: its next answer is not taken as the survey's first step.
    const [reply] = await t.sendText("快递员");
    expect(reply?.text ?? "").not.toContain("第一步");
  });
});

async function kvKeys(s: Store, userId: number): Promise<string[]> {
  const db = (s as unknown as { db: { prepare(sql: string): { all(...a: unknown[]): { key: string }[] } } }).db;
  return db.prepare("SELECT key FROM kv WHERE key LIKE ?").all(`user:${userId}:%`).map((r) => r.key);
}
