/** Runs a CLI command in-process (runCli) with captured streams, as a member of staff would see it. */
import { PassThrough, Readable } from "node:stream";
import { runCli } from "../../src/cli/main.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCommand(args: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string } = {}): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk) => (out += chunk));
  stderr.on("data", (chunk) => (err += chunk));
  const code = await runCli(args, { stdin: Readable.from([options.stdin ?? ""]), stdout, stderr, env: options.env ?? {} });
  return { code, stdout: out, stderr: err };
}
