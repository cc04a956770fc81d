/**
 * A fake Telegram Bot API server over real HTTP (node:http), for end-to-end tests: the bot runs as it
 * would in production with TELEGRAM_API_ROOT=server.apiRoot.
 *
 *   const server = await FakeBotApiServer.start({ token, perChatRatePerSec: 1, blockedChatIds: [13] });
 *   server.sendText("/start", { from: { id: 42 } });     // queue a user update (or injectUpdate(raw))
 *   const replies = await server.waitForMessages((m) => m.chatId === 42, 1, 10_000);
 *   await server.pressButton("menu:ask", { from: { id: 42 } });
 *   server.outgoing / server.calls("setMyCommands") / server.rejected (429/403 answers) / server.webhook
 *   await server.stop();
 *
 * Methods: getMe, getUpdates (long poll: `timeout` seconds, `offset` confirms earlier updates, `limit`;
 * a second concurrent getUpdates ends the first with 409; 409 while a webhook is set), sendMessage,
 * editMessageText, editMessageReplyMarkup, answerCallbackQuery, setMyCommands, setWebhook/deleteWebhook
 * (while a webhook is set, injected updates are POSTed to it with X-Telegram-Bot-Api-Secret-Token),
 * sendVenue, sendLocation, sendChatAction, getFile (+ GET /file/bot<token>/<path>, content via setFile),
 * sendPhoto/sendDocument. Messages are checked like Telegram does (HTML, 4096 chars, callback data).
 * Options: globalRatePerSec / perChatRatePerSec (send methods over the limit get 429 with
 * parameters.retry_after), blockedChatIds (403 "Forbidden: bot was blocked by the user").
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Update, User, Chat } from "grammy/types";
import { DEFAULT_BOT_INFO, LocalBotApi, type ApiCall, type ApiResponse, type OutgoingMessage } from "../../src/console/local-bot-api.js";

export type { OutgoingMessage, ApiCall };

export interface FakeBotApiOptions {
  token?: string;
  port?: number;
  globalRatePerSec?: number;
  perChatRatePerSec?: number;
  blockedChatIds?: Iterable<number>;
}

export const FAKE_TOKEN = "123456789:AAFakeTokenForTheLocalTestServer_x";

const SEND_METHODS = new Set(["sendMessage", "sendVenue", "sendLocation", "sendPhoto", "sendDocument"]);

interface PendingPoll {
  offset: number;
  limit: number;
  resolve: (response: ApiResponse) => void;
  timer: NodeJS.Timeout;
}

interface UserOptions {
  from?: Partial<User>;
  chat?: Partial<Chat>;
}

export class FakeBotApiServer {
  readonly api = new LocalBotApi(DEFAULT_BOT_INFO);
  readonly token: string;
  readonly blockedChatIds: Set<number>;
  /** Every error answer given (429, 403, 400 ...), with the method and chat. */
  readonly rejected: { method: string; chatId: unknown; code: number; description: string }[] = [];
  webhook: { url: string; secretToken?: string } | undefined;
  private readonly updates: Update[] = [];
  private nextUpdateId = 1;
  private poll: PendingPoll | undefined;
  private readonly sentAt: number[] = [];
  private readonly sentAtByChat = new Map<string, number[]>();
  private readonly files = new Map<string, Buffer>();
  private readonly waiters = new Set<() => void>();

  private constructor(
    private readonly server: http.Server,
    private readonly options: FakeBotApiOptions,
  ) {
    this.token = options.token ?? FAKE_TOKEN;
    this.blockedChatIds = new Set(options.blockedChatIds ?? []);
    this.api.onMessage = () => this.notify();
  }

  static async start(options: FakeBotApiOptions = {}): Promise<FakeBotApiServer> {
    let instance: FakeBotApiServer | undefined;
    const server = http.createServer((req, res) => void instance!.route(req, res));
    server.keepAliveTimeout = 1000;
    instance = new FakeBotApiServer(server, options);
    await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
    return instance;
  }

  /** Value for TELEGRAM_API_ROOT / client.apiRoot. */
  get apiRoot(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  get outgoing(): OutgoingMessage[] {
    return this.api.outgoing;
  }

  calls(method?: string): ApiCall[] {
    return method ? this.api.calls.filter((c) => c.method === method) : [...this.api.calls];
  }

  /** Updates queued and not yet confirmed by an offset. */
  get pendingUpdates(): number {
    return this.updates.length;
  }

  setFile(fileId: string, content: string | Buffer): void {
    this.files.set(fileId, Buffer.from(content));
  }

  /** Queues an update from a user (or POSTs it to the webhook when one is set). Returns its update_id. */
  injectUpdate(update: Omit<Update, "update_id">): number {
    const full = { update_id: this.nextUpdateId++, ...update } as Update;
    if (this.webhook) {
      void this.deliverToWebhook(full);
    } else {
      this.updates.push(full);
      this.answerPoll();
    }
    return full.update_id;
  }

  sendText(text: string, options: UserOptions = {}): number {
    const entities = text.startsWith("/") ? [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0].length }] : undefined;
    return this.injectUpdate({ message: { ...this.messageBase(options), text, ...(entities ? { entities } : {}) } } as Omit<Update, "update_id">);
  }

  sendLocation(latitude: number, longitude: number, options: UserOptions = {}): number {
    return this.injectUpdate({ message: { ...this.messageBase(options), location: { latitude, longitude } } } as Omit<Update, "update_id">);
  }

  /** Presses the button with this callback data on the latest message that shows it. */
  pressButton(callbackData: string, options: UserOptions = {}): number {
    const { from, chat } = this.userAndChat(options);
    const shown = [...this.outgoing].reverse().find((m) => m.chatId === chat.id && m.buttons.flat().some((b) => b.callback_data === callbackData));
    if (!shown) throw new Error(`no message in chat ${chat.id} shows a button with callback data ${callbackData}`);
    return this.injectUpdate({
      callback_query: {
        id: `cb${this.nextUpdateId}`,
        from,
        chat_instance: `ci${chat.id}`,
        data: callbackData,
        message: { message_id: shown.messageId, date: now(), chat, from: this.api.botInfo, text: shown.text },
      },
    } as Omit<Update, "update_id">);
  }

  /** Resolves once `count` messages matching the filter were sent or edited (counting earlier ones too). */
  async waitForMessages(filter: (m: OutgoingMessage) => boolean, count = 1, timeoutMs = 15_000): Promise<OutgoingMessage[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const matching = this.outgoing.filter(filter);
      if (matching.length >= count) return matching;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${count} message(s); got ${matching.length}: ${JSON.stringify(matching.map((m) => m.text))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.min(left, 250));
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.waiters.add(done);
      });
    }
  }

  /** Resolves when a call of this method was received (counting earlier ones too). */
  /** Waits until `method` has been called at least `count` times; returns the `count`-th call. */
  async waitForCall(method: string, timeoutMs = 15_000, count = 1): Promise<ApiCall> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const call = this.calls(method).at(count - 1);
      if (call) return call;
      if (Date.now() > deadline) throw new Error(`timed out waiting for a ${method} call`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async stop(): Promise<void> {
    if (this.poll) {
      clearTimeout(this.poll.timer);
      this.poll.resolve({ ok: true, result: [] });
      this.poll = undefined;
    }
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private messageBase(options: UserOptions) {
    const { from, chat } = this.userAndChat(options);
    return { message_id: this.api.allocateMessageId(), date: now(), from, chat };
  }

  private userAndChat(options: UserOptions): { from: User; chat: Chat } {
    const from: User = { id: 4242, is_bot: false, first_name: "小王", language_code: "zh-hans", ...options.from };
    const chat = { id: from.id, type: "private", first_name: from.first_name, ...options.chat } as Chat;
    return { from, chat };
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) {
      this.waiters.delete(waiter);
      waiter();
    }
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileMatch && req.method === "GET") {
      const fileId = decodeURIComponent(fileMatch[2]).replace(/^documents\//, "");
      const content = fileMatch[1] === this.token ? this.files.get(fileId) : undefined;
      res.writeHead(content ? 200 : 404).end(content ?? "Not Found");
      return;
    }
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match) return send(res, { ok: false, error_code: 404, description: "Not Found" });
    if (match[1] !== this.token) return send(res, { ok: false, error_code: 401, description: "Unauthorized" });
    let payload: Record<string, unknown>;
    try {
      payload = { ...Object.fromEntries(url.searchParams), ...(await readPayload(req)) };
    } catch {
      return send(res, { ok: false, error_code: 400, description: "Bad Request: can't parse request body" });
    }
    const response = await this.call(match[2], payload);
    if (!response.ok) this.rejected.push({ method: match[2], chatId: payload.chat_id, code: response.error_code, description: response.description });
    send(res, response);
  }

  private async call(method: string, payload: Record<string, unknown>): Promise<ApiResponse> {
    switch (method) {
      case "getUpdates":
        return this.getUpdates(payload);
      case "setWebhook":
        this.webhook = payload.url ? { url: String(payload.url), secretToken: payload.secret_token as string | undefined } : undefined;
        return this.api.handle(method, payload);
      case "deleteWebhook":
        this.webhook = undefined;
        if (payload.drop_pending_updates) this.updates.length = 0;
        return this.api.handle(method, payload);
      case "getWebhookInfo":
        this.api.calls.push({ method, payload });
        return { ok: true, result: { url: this.webhook?.url ?? "", has_custom_certificate: false, pending_update_count: this.updates.length } };
    }
    if (SEND_METHODS.has(method)) {
      const chatId = Number(payload.chat_id);
      if (this.blockedChatIds.has(chatId)) {
        this.api.calls.push({ method, payload });
        return { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" };
      }
      const limited = this.checkRate(String(payload.chat_id));
      if (limited) {
        this.api.calls.push({ method, payload });
        return limited;
      }
    }
    return this.api.handle(method, payload);
  }

  private checkRate(chatKey: string): ApiResponse | undefined {
    const at = Date.now();
    const windowStart = at - 1000;
    const prune = (list: number[]) => {
      while (list.length > 0 && list[0] <= windowStart) list.shift();
      return list;
    };
    const global = prune(this.sentAt);
    const perChat = prune(this.sentAtByChat.get(chatKey) ?? []);
    const over = (list: number[], limit: number | undefined) => limit !== undefined && list.length >= limit;
    if (over(global, this.options.globalRatePerSec) || over(perChat, this.options.perChatRatePerSec)) {
      const oldest = Math.min(...[global[0], perChat[0]].filter((v) => v !== undefined));
      const retryAfter = Math.max(1, Math.ceil((oldest + 1000 - at) / 1000));
      return { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } };
    }
    global.push(at);
    perChat.push(at);
    this.sentAtByChat.set(chatKey, perChat);
    return undefined;
  }

  private getUpdates(payload: Record<string, unknown>): Promise<ApiResponse> | ApiResponse {
    this.api.calls.push({ method: "getUpdates", payload });
    if (this.webhook) {
      return { ok: false, error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first" };
    }
    const offset = Number(payload.offset ?? 0);
    const limit = Math.min(100, Math.max(1, Number(payload.limit ?? 100)));
    const timeout = Math.max(0, Number(payload.timeout ?? 0));
    // An offset confirms every update before it: they are never sent again.
    if (offset > 0) while (this.updates.length > 0 && this.updates[0].update_id < offset) this.updates.shift();
    if (this.poll) {
      clearTimeout(this.poll.timer);
      this.poll.resolve({ ok: false, error_code: 409, description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running" });
      this.poll = undefined;
    }
    const ready = this.updates.slice(0, limit);
    if (ready.length > 0 || timeout === 0) return { ok: true, result: ready };
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.poll = undefined;
        resolve({ ok: true, result: [] });
      }, timeout * 1000);
      this.poll = { offset, limit, resolve, timer };
    });
  }

  private answerPoll(): void {
    const poll = this.poll;
    if (!poll) return;
    this.poll = undefined;
    clearTimeout(poll.timer);
    poll.resolve({ ok: true, result: this.updates.slice(0, poll.limit) });
  }

  private async deliverToWebhook(update: Update): Promise<void> {
    const webhook = this.webhook!;
    try {
      const response = await fetch(webhook.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(webhook.secretToken ? { "x-telegram-bot-api-secret-token": webhook.secretToken } : {}) },
        body: JSON.stringify(update),
      });
      // A webhook reply may carry a method call in its body (grammY's webhook reply): execute it.
      const text = await response.text();
      if (text.trim().startsWith("{")) {
        const body = JSON.parse(text) as Record<string, unknown>;
        if (typeof body.method === "string") await this.call(body.method, body);
      }
    } catch (error) {
      this.rejected.push({ method: "webhook", chatId: undefined, code: 0, description: String(error) });
    }
  }
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}

function send(res: http.ServerResponse, response: ApiResponse): void {
  res.writeHead(response.ok ? 200 : response.error_code, { "content-type": "application/json" }).end(JSON.stringify(response));
}

async function readPayload(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString("utf8");
  if (body === "") return {};
  const type = req.headers["content-type"] ?? "";
  if (type.includes("application/json")) return JSON.parse(body) as Record<string, unknown>;
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(body));
  if (type.includes("multipart/form-data")) {
    const fields: Record<string, unknown> = {};
    for (const m of body.matchAll(/name="([^"]+)"(?:; filename="[^"]*")?\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/g)) {
      try {
        fields[m[1]] = /^[[{]/.test(m[2]) ? JSON.parse(m[2]) : m[2];
      } catch {
        fields[m[1]] = m[2];
      }
    }
    return fields;
  }
  return JSON.parse(body) as Record<string, unknown>;
}
