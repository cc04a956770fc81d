import type { Api } from "grammy";
import { SUPPORTED_LOCALES, translate, type Locale } from "../i18n.js";
import type { Feature } from "./feature.js";
import { truncate } from "./html.js";

/** The command menu as Telegram shows it, for one locale. */
export function commandList(features: readonly Feature[], locale: Locale): { command: string; description: string }[] {
  return features
    .flatMap((f) => f.commands ?? [])
    .map(({ command, descriptionKey }) => ({ command, description: truncate(translate(locale, descriptionKey), 256) }));
}

/**
 * Registers the command menu with Telegram: the default locale for everyone, the other locales for
 * clients in that language. Called by src/main.ts at start, never by createBot.
 */
export async function registerCommands(api: Api, features: readonly Feature[], defaultLocale: Locale): Promise<void> {
  await api.setMyCommands(commandList(features, defaultLocale));
  for (const locale of SUPPORTED_LOCALES) {
    if (locale === defaultLocale) continue;
    await api.setMyCommands(commandList(features, locale), { language_code: locale === "zh-CN" ? "zh" : locale });
  }
}
