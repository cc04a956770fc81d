/**
 * Parsing an issue file in a worker thread, for the bot: a 10 MB upload takes seconds to parse, and on the
 * main thread that would freeze every member's chat meanwhile. (The parser needs no dictionaries, so a
 * worker starts light.) The command line parses in-thread: nobody else is waiting there.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { IssueFileError } from "./errors.js";
import type { ReadIssue } from "./file.js";

type WorkerAnswer =
  | { ok: true; read: ReadIssue }
  | { ok: false; refused: { file: string; reason: string; where: { line?: number; field?: string } } }
  | { ok: false; message: string };

const workerUrl = new URL(`./parse-worker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url);

/** Run from TypeScript sources (tsx, tests): the worker needs tsx's loader registered in its own thread. */
function workerSource(): string {
  // require.resolve finds tsx's CommonJS build; its ES module build next to it is the one that registers hooks.
  const tsx = workerUrl.pathname.endsWith(".ts")
    ? pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")).href
    : undefined;
  return [
    tsx ? `const { register } = await import(${JSON.stringify(tsx)}); register();` : "",
    `await import(${JSON.stringify(workerUrl.href)});`,
  ].join("\n");
}

/** A file whose parsing takes longer than this is refused (pathological input must not occupy a core for minutes). */
export const PARSE_TIME_LIMIT_MS = 120_000;

export function parseIssueBytesOffThread(bytes: Uint8Array, file: string, timeLimitMs = PARSE_TIME_LIMIT_MS): Promise<ReadIssue> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource(), { eval: true, workerData: { bytes, file } });
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      reject(new IssueFileError(file, `could not be parsed within ${Math.round(timeLimitMs / 1000)} s; is it really one newspaper issue?`));
      void worker.terminate();
    }, timeLimitMs);
    worker.once("exit", () => clearTimeout(timer));
    worker.once("message", (answer: WorkerAnswer) => {
      if (settled) return;
      settled = true;
      if (answer.ok) resolve(answer.read);
      else if ("refused" in answer) reject(new IssueFileError(answer.refused.file, answer.refused.reason, answer.refused.where));
      else reject(new Error(`${file}: ${answer.message}`));
      void worker.terminate();
    });
    worker.once("error", (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`${file}: the parser stopped (exit code ${code})`));
    });
  });
}
