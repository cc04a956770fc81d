import pino from "pino";

export type Logger = pino.Logger;

/** Logs go to stderr so that CLI output on stdout stays machine-readable. */
export function createLogger(level: string = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}

export const silentLogger: Logger = pino({ level: "silent" });
