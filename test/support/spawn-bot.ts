/**
 * Starts the bot the way `npm start` does (node --import tsx src/main.ts) in a child process, for e2e tests.
 * Each run gets its own temporary SQLite file unless DATABASE_URL is given.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface SpawnedBot {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
  write(line: string): void;
  /** Sends SIGTERM and waits for the exit; kills after `graceMs`. */
  stop(graceMs?: number): Promise<number | string>;
}


export function spawnBot(env: Record<string, string>, options: { stdin?: string } = {}): SpawnedBot {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-e2e-"));
  // As `npm start` runs it: one node process with tsx as a loader, so SIGTERM reaches the bot itself.
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: path.resolve("."),
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? os.tmpdir(),
      DATABASE_URL: `sqlite:${path.join(dir, "bot.db")}`,
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
  const exited = new Promise<number | string>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal ?? "unknown")));
  if (options.stdin !== undefined) child.stdin!.end(options.stdin);
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    write: (line) => child.stdin!.write(`${line}\n`),
    async stop(graceMs = 10_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function waitFor<T>(check: () => T | undefined | false, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Polls `check` every `everyMs` until it holds; fails at once when the bot process has exited (with its
 * stderr), and after `timeoutMs` with the end of its stderr.
 */
export async function waitForBot(check: () => Promise<boolean>, timeoutMs: number, what: string, instance: { name: string; bot: SpawnedBot }, everyMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const code = instance.bot.child.exitCode;
    if (code !== null) throw new Error(`${instance.name} exited with ${code} while waiting for ${what}: ${instance.bot.stderr()}`);
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; ${instance.name} stderr: ${instance.bot.stderr().slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Whether the bot at `base` (http://127.0.0.1:PORT) answers GET /healthz with 200: started and its database answers. */
export async function healthy(base: string): Promise<boolean> {
  return (await fetch(`${base}/healthz`).catch(() => undefined))?.status === 200;
}
