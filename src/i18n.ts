import path from "node:path";
import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";

/** All user-facing text lives in locales/<locale>/*.ftl (Fluent); zh-CN is the default. */
export const LOCALES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "locales");
export const SUPPORTED_LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

export function createI18n<C extends Context = Context>(defaultLocale: Locale = "zh-CN"): I18n<C> {
  return new I18n<C>({
    defaultLocale,
    directory: LOCALES_DIR,
    // Unicode isolation marks around placeables show up as garbage in Telegram and terminals.
    fluentBundleOptions: { useIsolating: false },
  });
}

let shared: I18n | undefined;

/** Translation outside an update (knowledge answers, CLI, digests). */
export function translate(locale: string, key: string, variables?: Record<string, string | number>): string {
  shared ??= createI18n();
  return shared.t(locale, key, variables);
}

/** Maps a Telegram language_code (e.g. "en-US", "zh-hans") to a supported locale. */
export function localeFromLanguageCode(code: string | undefined, fallback: Locale = "zh-CN"): Locale {
  if (!code) return fallback;
  const lower = code.toLowerCase();
  if (lower.startsWith("en")) return "en";
  if (lower.startsWith("zh")) return "zh-CN";
  return fallback;
}
