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
  /** What GET /healthz checks (the database, the background jobs) and GET /metrics serves. */
  probes?: ProbeOptions;
  /** Largest request body accepted (an update is a few kB; Telegram's largest are far below 1 MB). */
  maxBodyBytes?: number;
}

export const MAX_UPDATE_BYTES = 1024 * 1024;

class BodyTooLargeError extends Error {}

/** Reads the body as JSON, refusing it as soon as it passes `limit` bytes (the rest is never buffered). */
function readJson(req: http.IncomingMessage, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(new BodyTooLargeError(`request body over ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.once("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch (error) {
        reject(error);
      }
    });
    req.once("error", reject);
  });
}

/**
 * Serves the webhook on `port` (POST to the path of `url`; GET /healthz and /metrics, src/bot/run/probes.ts) and registers it
 * with setWebhook(secret_token). Returns a stop() that closes the server after requests in flight.
 */
export async function startWebhook(bot: NiangjiaBot, options: WebhookOptions, logger: Logger): Promise<{ stop(): Promise<void>; port: number }> {
  const path = new URL(options.url).pathname || "/";
  const limit = options.maxBodyBytes ?? MAX_UPDATE_BYTES;
  // grammY's own adapter for node:http reads the whole body whatever its size; this one stops at `limit`.
  // The secret is checked by webhookCallback before the body is read.
  const cappedHttp = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const secret = req.headers["x-telegram-bot-api-secret-token"];
    return {
      get update() {
        return readJson(req, limit) as Promise<never>;
      },
      header: Array.isArray(secret) ? secret[0] : secret,
      end: () => void res.end(),
      respond: (json: string) => void res.writeHead(200, { "content-type": "application/json" }).end(json),
      unauthorized: () => void res.writeHead(401).end("secret token is wrong"),
    };
  };
  const handleUpdate = webhookCallback(bot, cappedHttp, {
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
    if (Number(req.headers["content-length"] ?? 0) > limit) {
      res.writeHead(413, { connection: "close" }).end();
      req.destroy();
      return;
    }
    Promise.resolve(handleUpdate(req, res)).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) {
        logger.warn({ limit }, "webhook request body too large; refused");
        if (!res.headersSent) res.writeHead(413, { connection: "close" }).end();
        return;
      }
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
