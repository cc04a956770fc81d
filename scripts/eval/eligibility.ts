/**
 * Eligibility evaluation: runs ../shared/eval/eligibility_dev.jsonl (path from the repo root) through the
 * `check` command's code (same matching, normalisation and evaluator as `npm run cli -- check --json`)
 * and prints each scenario and the total. Figure: scenarios whose verdict equals `expected`, out of all.
 * Skips with a message when the file is absent. Exit code 1 on a wrong verdict.
 */
import fs from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { checkCommand } from "../../src/cli/commands/check.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const file = process.env.ELIGIBILITY_EVAL_FILE ?? path.resolve(root, "..", "shared", "eval", "eligibility_dev.jsonl");

interface Scenario {
  id: string;
  programme: string;
  facts: Record<string, unknown>;
  expected: string;
  why?: string;
}

async function main(): Promise<number> {
  if (!fs.existsSync(file)) {
    console.log(`eligibility: skipped, ${file} not found (set ELIGIBILITY_EVAL_FILE to another scenario file)`);
    return 0;
  }
  const scenarios: Scenario[] = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Scenario);

  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  stdout.on("data", (d) => (out += d));
  stderr.on("data", (d) => process.stderr.write(d));
  stdin.end(scenarios.map((s) => JSON.stringify({ programme: s.programme, facts: s.facts })).join("\n") + "\n");
  const started = performance.now();
  const code = await checkCommand.run(["--json"], { stdin, stdout, stderr, env: process.env });
  const ms = performance.now() - started;
  if (code !== 0) {
    console.log(`eligibility: check exited with ${code}`);
    return 1;
  }
  const outputs = out.trim().split("\n").map((l) => JSON.parse(l) as { verdict?: string; error?: string; programme?: { id: string }; missing?: string[]; next_question?: string | null });
  let correct = 0;
  scenarios.forEach((s, i) => {
    const o = outputs[i] ?? { error: "no output" };
    const got = o.verdict ?? `error: ${o.error}`;
    const ok = got === s.expected;
    if (ok) correct++;
    const extra = o.verdict === "unknown" ? `  missing=[${(o.missing ?? []).join(",")}] next="${o.next_question ?? ""}"` : "";
    console.log(`${ok ? "PASS" : "FAIL"} ${s.id.padEnd(4)} ${o.programme?.id ?? "?"}  expected=${s.expected.padEnd(12)} got=${got}${extra}`);
  });
  console.log(`\neligibility verdicts correct: ${correct}/${scenarios.length} (${((100 * correct) / scenarios.length).toFixed(0)}%), ` +
    `whole run incl. catalogue load ${ms.toFixed(0)} ms`);
  return correct === scenarios.length ? 0 : 1;
}

process.exitCode = await main();
