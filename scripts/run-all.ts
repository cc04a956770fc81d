/**
 * Runs every script in a folder (scripts/bench/*.ts or scripts/eval/*.ts) in its own process, in name order,
 * so that each section's memory and cold-start figures are its own. Exit code: non-zero if any section failed.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export function runAll(folder: "bench" | "eval", args: string[]): number {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), folder);
  const only = args.filter((a) => !a.startsWith("-"));
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .filter((f) => only.length === 0 || only.some((name) => f.includes(name)))
    .sort();
  let failed = 0;
  for (const file of files) {
    process.stdout.write(`\n== ${folder}: ${file.replace(/\.ts$/, "")} ==\n`);
    const result = spawnSync(process.execPath, ["--import", "tsx", path.join(dir, file), ...args.filter((a) => a.startsWith("-"))], {
      stdio: "inherit",
    });
    if (result.status !== 0) {
      failed++;
      process.stdout.write(`(${file} exited with ${result.status ?? result.signal})\n`);
    }
  }
  return failed === 0 ? 0 : 1;
}
