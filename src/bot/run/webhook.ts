import http from "node:http";
import { webhookCallback } from "grammy";
import type { NiangjiaBot } from "../bot.js";
import type { Logger } from "../../logger.js";
import { serveProbe, type ProbeOptions } from "./probes.js";

export interface WebhookOptions {
  port: number;
  /** Public URL Telegram calls; its path is the one served. */
  url: string;
  /** Telegram sends it back in X-Telegram-Bot-Api-Secret-Token; requests without it get 401. */
  secretToken: string;
  /** What GET /healthz checks (the database) and GET /metrics serves. */
  probes?: ProbeOptions;
}

/**
 * Serves the webhook on `port` (POST to the path of `url`; GET /healthz and /metrics, src/bot/run/probes.ts) and registers it
 * with setWebhook(secret_token). Returns a stop() that closes the server after requests in flight.
 */
export async function startWebhook(bot: NiangjiaBot, options: WebhookOptions, logger: Logger): Promise<{ stop(): Promise<void>; port: number }> {
  const path = new URL(options.url).pathname || "/";
  const handleUpdate = webhookCallback(bot, "http", {
    secretToken: options.secretToken,
    // Telegram re-sends an update after ~60 s without an answer; answer early and finish in the background.
    onTimeout: "return",
    timeoutMilliseconds: 25_000,
  });
  const server = http.createServer((req, res) => {
    const requestPath = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method === "GET" && serveProbe(requestPath, res, options.probes ?? {})) return;
    if (req.method !== "POST" || requestPath !== path) {
      res.writeHead(404).end();
      return;
    }
    handleUpdate(req, res).catch((error: unknown) => {
      logger.error({ err: error }, "webhook request failed");
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, resolve);
  });
  const port = (server.address() as { port: number }).port;
  await bot.api.setWebhook(options.url, { secret_token: options.secretToken });
  logger.info({ port, path }, "webhook server listening");
  return {
    port,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
  };
}
