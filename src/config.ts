import path from "node:path";
import { z } from "zod";
import { SUPPORTED_LOCALES } from "./locale.js";

/** Thrown when the environment does not describe a runnable configuration. */
export class ConfigError extends Error {}

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const idList = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (!v || v.trim() === "") return [] as number[];
    const ids = v.split(/[,\s]+/).filter(Boolean).map(Number);
    if (ids.some((n) => !Number.isSafeInteger(n))) {
      ctx.addIssue({ code: "custom", message: "expected comma-separated numeric Telegram user ids, e.g. 12345,67890" });
      return z.NEVER;
    }
    return ids;
  });

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * A number read from the environment. Any wrong value ("abc", 1.5 where a whole number is needed, out of range)
 * gets one message saying what is expected, instead of the validator's own wording.
 */
function numberSetting(expected: string, range: { min: number; max: number; whole?: boolean; aboveMin?: boolean }, fallback: number) {
  const error = { error: expected };
  let n = z.coerce.number(error);
  if (range.whole) n = n.int(error);
  n = range.aboveMin ? n.gt(range.min, error) : n.min(range.min, error);
  return n.max(range.max, error).default(fallback);
}

const schema = z.object({
  BOT_TOKEN: optionalString.refine((v) => v === undefined || /^\d+:[\w-]{20,}$/.test(v), {
    message: "expected a token from @BotFather such as 123456:ABC-DEF... (or leave it empty for the local console chat)",
  }),
  BOT_MODE: z.enum(["polling", "webhook"]).default("polling"),
  PORT: numberSetting("expected a port number from 1 to 65535", { min: 1, max: 65535, whole: true }, 8080),
  WEBHOOK_URL: optionalString.refine((v) => v === undefined || /^https?:\/\//.test(v), {
    message: "expected the public https:// URL Telegram should call",
  }),
  WEBHOOK_SECRET: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v), {
    message: "expected 1-256 characters from A-Z, a-z, 0-9, _ and -",
  }),
  TELEGRAM_API_ROOT: optionalString.refine((v) => v === undefined || /^https?:\/\//.test(v), {
    message: "expected a URL such as http://localhost:8081",
  }),
  DATABASE_URL: z.string().default("sqlite:./var/niangjia.db"),
  DATA_DIR: z.string().default("./data"),
  DEFAULT_LOCALE: z.enum(SUPPORTED_LOCALES).default("zh-CN"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ADMIN_IDS: idList,
  INBOX_DIR: optionalString,
  TIME_ZONE: z
    .string()
    .default("Asia/Shanghai")
    .refine(isTimeZone, { message: "expected an IANA time zone such as Asia/Shanghai or Asia/Urumqi" }),
  // Start-up gives up (exit 1) when the Bot API cannot be reached for this long.
  STARTUP_TIMEOUT_SEC: numberSetting("expected seconds, more than 0 and at most 86400", { min: 0, aboveMin: true, max: 86_400 }, 120),
  // Newspaper digests: sender pace and parallel requests.
  DIGEST_RATE_PER_SEC: numberSetting("expected messages per second, more than 0 and at most 1000", { min: 0, aboveMin: true, max: 1000 }, 30),
  DIGEST_CONCURRENCY: numberSetting("expected a whole number from 1 to 64", { min: 1, max: 64, whole: true }, 8),
});

export type Config = z.infer<typeof schema> & { dataDir: string };

/** Parses the environment; a wrong value names the variable and what is expected. */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(environment)"}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}\nSee .env.example and README.md (Configuration).`);
  }
  const config = result.data;
  if (config.BOT_MODE === "webhook" && config.BOT_TOKEN && !config.WEBHOOK_URL) {
    throw new ConfigError("Invalid configuration:\n  WEBHOOK_URL: required when BOT_MODE=webhook");
  }
  return { ...config, dataDir: path.resolve(config.DATA_DIR) };
}
