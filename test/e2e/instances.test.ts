/**
 * Two bot processes in webhook mode on one PostgreSQL database, as behind a load balancer: a member's
 * updates alternate between them through /subscribe; an update delivered to both is handled once; one
 * digest sender works for both; an issue published from elsewhere becomes searchable on both.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/storage/open.js";
import type { Store } from "../../src/storage/store.js";
import { runCommand } from "../support/cli.js";
import { FakeBotApiServer, type OutgoingMessage } from "../support/fake-bot-api.js";
import { createTestDatabase, pgAvailable, reportPgSkip, type TestDatabase } from "../support/pg.js";
import { freePort, healthy, spawnBot, type SpawnedBot, waitForBot } from "../support/spawn-bot.js";

reportPgSkip();

const SECRET = "two-instances-secret";

interface Instance {
  name: string;
  bot: SpawnedBot;
  url: string;
  base: string;
}

let db: TestDatabase;
let server: FakeBotApiServer;
let instances: Instance[] = [];
let store: Store;
let nextUpdateId = 500_000;

const user = (id: number) => ({ id, is_bot: false, first_name: `member${id}`, language_code: "zh-hans" });
const chat = (id: number) => ({ id, type: "private" as const, first_name: `member${id}` });

function textUpdate(chatId: number, text: string): Update {
  const entities = text.startsWith("/") ? [{ type: "bot_command" as const, offset: 0, length: text.split(/\s/)[0]!.length }] : undefined;
  return {
    update_id: nextUpdateId++,
    message: { message_id: nextUpdateId, date: Math.floor(Date.now() / 1000), chat: chat(chatId), from: user(chatId), text, ...(entities ? { entities } : {}) },
  } as Update;
}

function buttonUpdate(chatId: number, data: string): Update {
  const shown = [...server.outgoing].reverse().find((m) => m.chatId === chatId && m.buttons.flat().some((b) => b.callback_data === data));
  if (!shown) throw new Error(`no message in chat ${chatId} shows a button ${data}`);
  return {
    update_id: nextUpdateId++,
    callback_query: {
      id: `cb${nextUpdateId}`,
      from: user(chatId),
      chat_instance: `ci${chatId}`,
      data,
      message: { message_id: shown.messageId, date: Math.floor(Date.now() / 1000), chat: chat(chatId), from: server.api.botInfo, text: shown.text },
    },
  } as unknown as Update;
}

/** POSTs the update to one instance as Telegram would; resolves when the instance answered (handled). */
async function deliver(instance: Instance, update: Update): Promise<void> {
  const response = await fetch(instance.url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
    body: JSON.stringify(update),
  });
  expect(response.status, `${instance.name} answered ${response.status}`).toBe(200);
}

const messagesTo = (chatId: number): OutgoingMessage[] => server.outgoing.filter((m) => m.chatId === chatId);
const lastText = (chatId: number) => messagesTo(chatId).at(-1)?.text ?? "";

async function metric(instance: Instance, pattern: RegExp): Promise<number> {
  const body = await (await fetch(`${instance.base}/metrics`)).text();
  const line = body.split("\n").find((l) => pattern.test(l));
  return line ? Number(line.split(" ").at(-1)) : NaN;
}

describe.skipIf(!pgAvailable)("two webhook instances on one PostgreSQL database", () => {
  beforeAll(async () => {
    db = await createTestDatabase();
    server = await FakeBotApiServer.start();
    instances = await Promise.all(
      ["A", "B"].map(async (name) => {
        const port = await freePort();
        const base = `http://127.0.0.1:${port}`;
        const url = `${base}/telegram/hook`;
        const bot = spawnBot({
          BOT_TOKEN: server.token,
          TELEGRAM_API_ROOT: server.apiRoot,
          BOT_MODE: "webhook",
          PORT: String(port),
          WEBHOOK_URL: url,
          WEBHOOK_SECRET: SECRET,
          DATABASE_URL: db.url,
        });
        return { name, bot, url, base };
      }),
    );
    await Promise.all(
      instances.map((instance) =>
        waitForBot(() => healthy(instance.base), 150_000, `${instance.name} /healthz`, instance),
      ),
    );
    store = await openStore(db.url);
  }, 200_000);

  afterAll(async () => {
    const codes = await Promise.all(instances.map((i) => i.bot.stop()));
    await store?.close();
    await server?.stop();
    await db?.drop();
    expect(codes).toEqual([0, 0]);
  }, 60_000);

  it("a member's /subscribe answers alternate between the instances and the conversation carries on", async () => {
    const [a, b] = instances as [Instance, Instance];
    const member = 4242;
    await deliver(a, textUpdate(member, "/subscribe"));
    expect(lastText(member)).toContain("第 1/4 步");
    // Two taps at the same moment, one to each instance: handled one after the other, neither is lost.
    await Promise.all([deliver(b, buttonUpdate(member, "sub:t:training_jobs")), deliver(a, buttonUpdate(member, "sub:t:rights_law"))]);
    const ticked = messagesTo(member).at(-1)!.buttons.flat().filter((x) => x.text.startsWith("✅")).map((x) => x.callback_data);
    expect(ticked.sort()).toEqual(["sub:t:rights_law", "sub:t:training_jobs"]);
    await deliver(a, buttonUpdate(member, "sub:next"));
    expect(lastText(member)).toContain("第 2/4 步");
    await deliver(b, textUpdate(member, "杭州"));
    expect(lastText(member)).toContain("第 3/4 步");
    await deliver(a, buttonUpdate(member, "sub:skip"));
    expect(lastText(member)).toContain("第 4/4 步");
    await deliver(b, buttonUpdate(member, "sub:d:now"));
    expect(lastText(member)).toContain("订阅好了");
    expect(lastText(member)).toContain("杭州");
    const saved = await store.subscriptions.get(member);
    expect(saved).toMatchObject({ region: { city: "杭州市" }, delivery: { kind: "immediate" }, status: "active" });
    expect(saved!.topics.sort()).toEqual(["rights_law", "training_jobs"]);
    // Each step answered once: one prompt per step, no repeated or lost step.
    const prompts = messagesTo(member).map((m) => m.text.match(/第 (\d)\/4 步/)?.[1]).filter(Boolean);
    expect(new Set(prompts)).toEqual(new Set(["1", "2", "3", "4"]));
  }, 120_000);

  it("an update delivered to both instances (a retry reaching the other one) is handled once", async () => {
    const [a, b] = instances as [Instance, Instance];
    const member = 4343;
    const update = textUpdate(member, "/start");
    const before = (await metric(a, /^niangjia_updates_total\{outcome="duplicate"\}/)) + (await metric(b, /^niangjia_updates_total\{outcome="duplicate"\}/));
    await Promise.all([deliver(a, update), deliver(b, update)]);
    await deliver(a, update);
    expect(messagesTo(member)).toHaveLength(1);
    expect(messagesTo(member)[0]!.text).toContain("娘家");
    const after = (await metric(a, /^niangjia_updates_total\{outcome="duplicate"\}/)) + (await metric(b, /^niangjia_updates_total\{outcome="duplicate"\}/));
    expect(after - before).toBe(2);
  }, 60_000);

  it("an issue published elsewhere is searchable on both within seconds, and one sender delivers each digest once", async () => {
    const [a, b] = instances as [Instance, Instance];
    const question = "湖州夜班快递员免费体检怎么报名?";
    const askers = [4401, 4402];
    await deliver(a, textUpdate(askers[0]!, question));
    expect(lastText(askers[0]!)).not.toContain("0572-12351000");

    const subscribers = Array.from({ length: 12 }, (_, i) => 7000 + i);
    for (const chatId of subscribers) {
      // No quiet hours: the test runs at any time of day.
      await store.subscriptions.upsert({ chatId, userId: chatId, topics: ["all"], quietHours: { start: "00:00", end: "00:00" } });
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-instances-"));
    const story = path.join(dir, "huzhou-night-couriers.md");
    fs.writeFileSync(
      story,
      [
        "---",
        "title: 湖州夜班快递员免费体检活动启动",
        "date: 2026-12-01",
        "source: 测试用报",
        "---",
        "本报讯 湖州市总工会近日启动夜班快递员免费体检活动。凡在湖州工作的夜班快递员均可报名参加免费体检，报名电话0572-12351000。",
        "",
      ].join("\n"),
    );
    const published = await runCommand(["publish", story], { env: { DATABASE_URL: db.url, DATA_DIR: path.resolve("data") } });
    expect(published.code, published.stderr).toBe(0);

    // Both instances rebuild their search from the shared database.
    for (const [instance, asker] of [[a, askers[0]!], [b, askers[1]!]] as const) {
      await waitForBot(
        async () => {
          await deliver(instance, textUpdate(asker, question));
          return lastText(asker).includes("0572-12351000");
        },
        30_000,
        `${instance.name} to find the new story`,
        instance,
        1000,
      );
    }

    // Exactly one digest per subscriber although both instances run a sender.
    await waitForBot(
      async () => (await store.outbox.status(Date.now())).outbox.sent >= subscribers.length,
      60_000,
      "every digest sent",
      a,
    );
    for (const chatId of subscribers) expect(messagesTo(chatId)).toHaveLength(1);
    const status = await store.outbox.status(Date.now());
    expect(status.outbox).toMatchObject({ sent: subscribers.length, failed: 0, unconfirmed: 0, sending: 0 });
    expect(await metric(a, /^niangjia_digest_queue\{state="sent"\}/)).toBe(subscribers.length);
    expect(await metric(b, /^niangjia_digest_queue\{state="sent"\}/)).toBe(subscribers.length);
    const answered = (await metric(a, /^niangjia_answers_total\{confidence="answer"\}/)) + (await metric(b, /^niangjia_answers_total\{confidence="answer"\}/));
    expect(answered).toBeGreaterThanOrEqual(2);
  }, 180_000);
});
