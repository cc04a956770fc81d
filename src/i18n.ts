import path from "node:path";
import { fileURLToPath } from "node:url";
import { I18n, type LocaleNegotiator } from "@grammyjs/i18n";
import type { Context } from "grammy";

/** All user-facing text lives in locales/<locale>/*.ftl (Fluent); zh-CN is the default. */
export const LOCALES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "locales");
export { SUPPORTED_LOCALES, type Locale } from "./locale.js";
import { type Locale, toLocale } from "./locale.js";

export function createI18n<C extends Context = Context>(
  defaultLocale: Locale = "zh-CN",
  options: { localeNegotiator?: LocaleNegotiator<C> } = {},
): I18n<C> {
  const i18n = new I18n<C>({
    defaultLocale,
    localeNegotiator: options.localeNegotiator,
    directory: LOCALES_DIR,
    // Unicode isolation marks around placeables show up as garbage in Telegram and terminals.
    fluentBundleOptions: { useIsolating: false },
  });
  memoizeBundleMatching(i18n);
  return i18n;
}

/**
 * The plugin negotiates languages (@fluent/langneg) on every single translation; with the bundles fixed
 * after loading, the result for a locale never changes, so remember it (measured: a large share of the
 * bot's per-update cost in `npm run bench bot`).
 */
function memoizeBundleMatching(i18n: { fluent: object }): void {
  const fluent = i18n.fluent as unknown as { matchBundles?: (locales: string[]) => unknown[] };
  const original = fluent.matchBundles;
  if (typeof original !== "function") return; // a plugin version without it: nothing to speed up
  const cache = new Map<string, unknown[]>();
  fluent.matchBundles = function (this: unknown, locales: string[]) {
    const key = locales.join("\n");
    let bundles = cache.get(key);
    if (!bundles) {
      bundles = original.call(fluent, locales);
      if (cache.size < 64) cache.set(key, bundles);
    }
    return bundles;
  };
}

let shared: I18n | undefined;

/** Translation outside an update (knowledge answers, CLI, digests). */
export function translate(locale: string, key: string, variables?: Record<string, string | number>): string {
  shared ??= createI18n();
  return shared.t(locale, key, variables);
}

/** Maps a Telegram language_code (e.g. "en-US", "zh-hans") to a supported locale. */
export function localeFromLanguageCode(code: string | undefined, fallback: Locale = "zh-CN"): Locale {
  return toLocale(code, fallback);
}
