/** The fake Bot API server behaves like Telegram where the bot and the digest sender depend on it. */
import { afterEach, describe, expect, it } from "vitest";
import { FakeBotApiServer } from "../support/fake-bot-api.js";

let server: FakeBotApiServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function call(method: string, payload: Record<string, unknown> = {}) {
  const response = await fetch(`${server!.apiRoot}/bot${server!.token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(payload),
  });
  return (await response.json()) as { ok: boolean; result?: unknown; error_code?: number; description?: string; parameters?: { retry_after?: number } };
}

describe("fake Bot API server", () => {
  it("getUpdates long-polls: waits until an update arrives, offset confirms, timeout returns []", async () => {
    server = await FakeBotApiServer.start();
    const waiting = call("getUpdates", { timeout: 30 });
    let settled = false;
    void waiting.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 100));
    expect(settled).toBe(false);
    server.sendText("你好", { from: { id: 3 } });
    const first = await waiting;
    expect((first.result as { update_id: number }[]).map((u) => u.update_id)).toEqual([1]);
    // Not confirmed yet: delivered again; confirmed with offset: gone.
    expect(((await call("getUpdates", { timeout: 0 })).result as unknown[]).length).toBe(1);
    expect((await call("getUpdates", { offset: 2, timeout: 0 })).result).toEqual([]);
    const started = Date.now();
    expect((await call("getUpdates", { offset: 2, timeout: 1 })).result).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("a second getUpdates ends the first with 409, and getUpdates is refused while a webhook is set", async () => {
    server = await FakeBotApiServer.start();
    const first = call("getUpdates", { timeout: 30 });
    await new Promise((r) => setTimeout(r, 50));
    const second = call("getUpdates", { timeout: 0 });
    expect((await first).error_code).toBe(409);
    expect((await second).ok).toBe(true);
    await call("setWebhook", { url: "http://127.0.0.1:9/hook", secret_token: "abc" });
    expect((await call("getUpdates")).error_code).toBe(409);
    await call("deleteWebhook");
    expect((await call("getUpdates")).ok).toBe(true);
  });

  it("rate limits answer 429 with retry_after; blocked chats answer 403", async () => {
    server = await FakeBotApiServer.start({ perChatRatePerSec: 2, globalRatePerSec: 3, blockedChatIds: [13] });
    expect((await call("sendMessage", { chat_id: 1, text: "a" })).ok).toBe(true);
    expect((await call("sendMessage", { chat_id: 1, text: "b" })).ok).toBe(true);
    const perChat = await call("sendMessage", { chat_id: 1, text: "c" });
    expect(perChat.error_code).toBe(429);
    expect(perChat.parameters?.retry_after).toBeGreaterThanOrEqual(1);
    expect((await call("sendMessage", { chat_id: 2, text: "d" })).ok).toBe(true);
    expect((await call("sendMessage", { chat_id: 3, text: "e" })).error_code).toBe(429); // global limit
    const blocked = await call("sendMessage", { chat_id: 13, text: "x" });
    expect(blocked).toMatchObject({ ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" });
    expect(server.outgoing.map((m) => m.text)).toEqual(["a", "b", "d"]);
  });

  it("checks what Telegram checks and supports edits, venues, files and a wrong token", async () => {
    server = await FakeBotApiServer.start();
    expect((await call("sendMessage", { chat_id: 1, text: "a < b", parse_mode: "HTML" })).error_code).toBe(400);
    expect((await call("sendMessage", { chat_id: 1, text: "x".repeat(4097) })).description).toContain("too long");
    const sent = (await call("sendMessage", { chat_id: 1, text: "<b>hi</b>", parse_mode: "HTML" })).result as { message_id: number };
    expect((await call("editMessageText", { chat_id: 1, message_id: sent.message_id, text: "edited" })).ok).toBe(true);
    expect((await call("editMessageText", { chat_id: 1, message_id: sent.message_id, text: "edited" })).description).toContain("not modified");
    expect((await call("sendVenue", { chat_id: 1, latitude: 30.2, longitude: 120.1, title: "驿站", address: "路" })).ok).toBe(true);
    server.setFile("f1", "内容");
    const file = (await call("getFile", { file_id: "f1" })).result as { file_path: string };
    expect(await (await fetch(`${server.apiRoot}/file/bot${server.token}/${file.file_path}`)).text()).toBe("内容");
    const wrong = await fetch(`${server.apiRoot}/bot123:nope/getMe`);
    expect(wrong.status).toBe(401);
  });
});
