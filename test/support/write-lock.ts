/** Another process holding the SQLite write lock for a while (see hold-write-lock.mjs). */
import { spawn } from "node:child_process";
import path from "node:path";

export interface LockHolder {
  /** Resolves once the lock is released and the holder has exited. */
  released: Promise<void>;
}

/** Starts the holder and resolves once it holds the lock. */
export async function holdWriteLock(file: string, ms: number): Promise<LockHolder> {
  const child = spawn(process.execPath, [path.resolve("test/support/hold-write-lock.mjs"), file, String(ms)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  const released = new Promise<void>((resolve, reject) => {
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`lock holder exited with ${code}`))));
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      if (out.includes("locked")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`lock holder exited with ${code} before taking the lock`)));
  });
  return { released };
}
