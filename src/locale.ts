/**
 * The languages the bot speaks. Every layer (knowledge answers, station lines, digests, the CLI) uses this
 * one type; the Fluent message files live in locales/<locale>/*.ftl.
 */
export const SUPPORTED_LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** A stored or negotiated locale string as a supported one ("en-US" → "en"; anything else → zh-CN). */
export function toLocale(value: string | null | undefined, fallback: Locale = DEFAULT_LOCALE): Locale {
  if (!value) return fallback;
  if (isLocale(value)) return value;
  const lower = value.toLowerCase();
  if (lower.startsWith("en")) return "en";
  if (lower.startsWith("zh")) return "zh-CN";
  return fallback;
}
