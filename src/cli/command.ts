import type { Readable, Writable } from "node:stream";
import { isLocale, type Locale, SUPPORTED_LOCALES } from "../locale.js";

/** What a command may touch: streams are injected so tests can drive commands in-process. */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
}

export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full `--help` text: usage, options, examples. */
  help: string;
  /** Returns the process exit code. */
  run(argv: string[], io: CliIo): Promise<number>;
}

/** A user error: printed as one line without a stack trace, exit code 1 (or the given code). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export function writeLine(stream: Writable, line = ""): void {
  stream.write(`${line}\n`);
}

/** The value of --locale: a language the messages exist in (zh-CN or en), else a usage error. */
export function localeOption(value: string | undefined): Locale {
  if (!isLocale(value)) throw new UsageError(`--locale expects ${SUPPORTED_LOCALES.join(" or ")}, got "${value ?? ""}"`);
  return value;
}
