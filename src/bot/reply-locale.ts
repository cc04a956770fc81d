/**
 * The language of a reply. A member who writes in English is answered in English — that message and the
 * buttons and steps that follow it — until they write in Chinese again; otherwise the /lang choice, else
 * the Telegram client's language, else DEFAULT_LOCALE. Writing never changes the /lang choice: what was
 * last written is kept in the session (`writtenInEnglish`, erased by /forget and by /lang).
 * A Chinese message from a member whose choice is English stays English: the choice wins.
 */
import type { MiddlewareFn } from "grammy";
import { localeFromLanguageCode, SUPPORTED_LOCALES, type Locale } from "../i18n.js";
import { isMostlyEnglish } from "../knowledge/text/english.js";
import { countCjk } from "../knowledge/text/normalize.js";
import type { BotContext, BotDeps } from "./context.js";

/** "en" for a message written in English, "zh-CN" for one in Chinese, undefined when it does not tell (a command, "ok", "800"). */
export function writtenLanguage(text: string | undefined): Locale | undefined {
  const trimmed = text?.trim() ?? "";
  if (trimmed === "" || trimmed.startsWith("/")) return undefined;
  // The same reading of "English" as the search's, so the answer's framing and the bot's words agree.
  if (isMostlyEnglish(trimmed)) return "en";
  return countCjk(trimmed) > 0 ? "zh-CN" : undefined;
}

interface LocaleContext {
  from?: { id: number; language_code?: string };
  message?: { text?: string };
  session?: { writtenInEnglish?: boolean };
  i18n?: { useLocale(locale: string): void };
}

/** Negotiated locale per context object: the plugin asks again on every ctx.i18n.getLocale(). */
const negotiated = new WeakMap<object, Promise<string>>();

/** The i18n plugin's locale negotiator (see the file comment for the order). */
export function negotiateLocale(deps: BotDeps, ctx: LocaleContext): Promise<string> {
  let locale = negotiated.get(ctx);
  if (!locale) {
    locale = lookUpLocale(deps, ctx);
    negotiated.set(ctx, locale);
  }
  return locale;
}

async function lookUpLocale(deps: BotDeps, ctx: LocaleContext): Promise<string> {
  const fallback = deps.config.DEFAULT_LOCALE;
  if (!ctx.from) return fallback;
  const written = writtenLanguage(ctx.message?.text);
  if (written === "en" || (written === undefined && lastWrittenInEnglish(ctx))) return "en";
  const profile = await deps.store.users.get(ctx.from.id);
  if (profile?.locale && (SUPPORTED_LOCALES as readonly string[]).includes(profile.locale)) return profile.locale;
  return localeFromLanguageCode(ctx.from.language_code, fallback);
}

/** Updates without a chat (a button on an inline message) have no session: the getter throws there. */
function lastWrittenInEnglish(ctx: LocaleContext): boolean {
  try {
    return ctx.session?.writtenInEnglish === true;
  } catch {
    return false;
  }
}

/**
 * Replies of this update in `locale`, and ctx.i18n.getLocale() says so too. A guided conversation keeps the
 * language it started in for all its steps (conversation contexts have no session to read it from).
 */
export function useReplyLocale(ctx: LocaleContext & object, locale: string): void {
  negotiated.set(ctx, Promise.resolve(locale));
  ctx.i18n?.useLocale(locale);
}

/** Remembers whether the member's latest message was written in English (after session, before features). */
export const followWrittenLanguage: MiddlewareFn<BotContext> = (ctx, next) => {
  const written = writtenLanguage(ctx.message?.text);
  if (written === "en") ctx.session.writtenInEnglish = true;
  else if (written === "zh-CN") delete ctx.session.writtenInEnglish;
  return next();
};
