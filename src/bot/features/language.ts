import { Composer, InlineKeyboard } from "grammy";
import { SUPPORTED_LOCALES, type Locale } from "../../i18n.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { editOrReply } from "../reply.js";
import { useReplyLocale } from "../reply-locale.js";

const LANGUAGE_NAMES: Record<Locale, string> = { "zh-CN": "中文", en: "English" };

/** What a member may type after /lang for each language. */
const LOCALE_WORDS: Record<Locale, readonly string[]> = {
  "zh-CN": ["zh", "zh-cn", "cn", "chinese", "中文", "汉语", "普通话"],
  en: ["en", "english", "英文", "英语"],
};

function localeNamed(text: unknown): Locale | undefined {
  const word = typeof text === "string" ? text.trim().toLowerCase() : "";
  if (!word) return undefined;
  return SUPPORTED_LOCALES.find((locale) => LOCALE_WORDS[locale].includes(word));
}

/**
 * /lang: choose 中文 or English; the choice is kept in store.users and wins over the client language. It also
 * becomes the language of the member's newspaper digests.
 */
export const languageFeature: Feature = {
  name: "language",
  commands: [{ command: "lang", descriptionKey: "bot-command-lang" }],
  composer(deps) {
    const composer = new Composer<BotContext>();
    const switchTo = async (ctx: BotContext & { from: { id: number } }, locale: Locale) => {
      await deps.store.users.setLocale(ctx.from.id, locale);
      // Digests are composed in the locale stored with the subscription: follow the new choice there too.
      await deps.store.subscriptions.setUserLocale(ctx.from.id, locale);
      // A choice made now wins over the language of earlier messages.
      if (ctx.chat) delete ctx.session.writtenInEnglish;
      useReplyLocale(ctx, locale);
    };
    composer.command("lang", async (ctx) => {
      // "/lang en", "/lang zh", "/lang 中文", "/lang English": switch at once; anything else shows the buttons.
      const wanted = localeNamed(ctx.match);
      if (wanted && ctx.from) {
        await switchTo(ctx as BotContext & { from: { id: number } }, wanted);
        await ctx.reply(ctx.t("bot-lang-changed"));
        return;
      }
      const keyboard = new InlineKeyboard();
      for (const locale of SUPPORTED_LOCALES) keyboard.text(LANGUAGE_NAMES[locale], `lang:${locale}`);
      await ctx.reply(ctx.t("bot-lang-choose"), { reply_markup: keyboard });
    });
    composer.callbackQuery(/^lang:(.+)$/, async (ctx) => {
      const locale = ctx.match[1];
      if (!(SUPPORTED_LOCALES as readonly string[]).includes(locale)) {
        await ctx.answerCallbackQuery({ text: ctx.t("bot-lang-unknown") });
        return;
      }
      await switchTo(ctx, locale as Locale);
      await ctx.answerCallbackQuery();
      await editOrReply(ctx, ctx.t("bot-lang-changed"));
    });
    return composer;
  },
};
