/** A pino logger whose lines are kept in memory (parsed), to assert what operators would read. */
import { Writable } from "node:stream";
import pino from "pino";
import type { Logger } from "../../src/logger.js";

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export function recordingLogger(level = "debug"): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { logger: pino({ level, base: undefined }, stream), lines };
}

export const ERROR = 50;
export const WARN = 40;
export const INFO = 30;
