import pino from "pino";

export type Logger = pino.Logger;

/** Logs go to stderr so that CLI output on stdout stays machine-readable. */
export function createLogger(level: string = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino(
    {
      level,
      base: undefined,
      // A failed Bot API call's payload holds what a member typed or was told (possibly sensitive):
      // logs cannot be erased by /forget, so they never carry it.
      redact: { paths: ["err.payload", "error.payload", "payload"], censor: "[redacted]" },
    },
    pino.destination(2),
  );
}

export const silentLogger: Logger = pino({ level: "silent" });
