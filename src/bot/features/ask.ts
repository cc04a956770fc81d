import { Composer, InlineKeyboard } from "grammy";
import { MAX_QUESTION_CHARS } from "../../knowledge/text/limits.js";
import type { Answer } from "../../knowledge/types.js";
import type { BotContext, StoredHit } from "../context.js";
import type { Feature } from "../feature.js";
import { formatSourceLine } from "../format.js";
import { hitDetailHtml, programmeSummaryHtml } from "../hit-detail.js";
import { programmeName } from "../../knowledge/catalogue/english.js";
import { escapeHtml, truncate } from "../html.js";
import { mainMenuKeyboard } from "../menu.js";
import { replyHtml } from "../reply.js";
import { checkCallbackData } from "../conversations/find-shared.js";
import { mostSpecificPlaceIn } from "../conversations/find-places.js";
import { type FactValue, factsFromText, placeFinderFrom } from "../../knowledge/eligibility/index.js";
import { needsInText } from "../../knowledge/stations/amenities.js";
import { isStationQuestion } from "../../knowledge/stations/hit-provider.js";
import { offerLocation } from "./stations.js";

/** Longest question passed to the search; longer text is refused with a clear message. */
export const MAX_QUESTION_LENGTH = MAX_QUESTION_CHARS;
const MAX_HITS = 5;
/** The snippet is only shown when the full record (programme, article) cannot be found again. */
const MAX_STORED_SNIPPET = 500;
/** Answers whose result buttons still work; older buttons say the result expired. */
const REMEMBERED_ANSWERS = 3;

/**
 * Free text in a private chat is a question for the knowledge layer. Keep this feature after every
 * feature that reacts to text (commands, conversations), because it takes any text that reaches it.
 * Buttons `hit:<answerId>:<n>` open the n-th result of one of the member's last answers.
 */
export const askFeature: Feature = {
  name: "ask",
  composer(deps) {
    const composer = new Composer<BotContext>();
    const privateChat = composer.chatType("private");

    privateChat.on("message:text", async (ctx, next) => {
      const text = ctx.message.text.trim();
      if (text.startsWith("/")) return next(); // unknown commands go to "unhandled"
      if (text === "") return next();
      const length = Array.from(text).length;
      if (length > MAX_QUESTION_LENGTH) {
        await ctx.reply(ctx.t("bot-ask-too-long", { length, max: MAX_QUESTION_LENGTH }));
        return;
      }
      const locale = (await ctx.i18n.getLocale()) === "en" ? "en" : "zh-CN";
      let answer: Answer;
      try {
        answer = await deps.knowledge.ask(text, { locale, limit: MAX_HITS });
      } catch (error) {
        ctx.logger.error({ err: error }, "knowledge.ask failed");
        await ctx.reply(ctx.t("bot-ask-failed"));
        return;
      }
      ctx.logger.info({ confidence: answer.confidence, hits: answer.hits.length }, "question answered");
      deps.metrics?.countAnswer(answer);
      // Unanswered questions (masked, without who asked) feed the staff's gap report (`cli gaps`, /gaps).
      // Not awaited before the reply, and it never rejects: a storage failure cannot delay or break the answer.
      const recorded = deps.gaps.record(text, answer.confidence);
      // The place named in the question, so an eligibility check does not ask it again.
      // ... and the other facts it states (amounts, 失业, 困难家庭 ...), carried on the button, never stored.
      const place = mostSpecificPlaceIn(deps, text);
      // With the gazetteer, "淮安困难户" starts with a place and still says the member's status.
      await sendAnswer(ctx, answer, locale, place?.id, factsFromText(text, placeFinderFrom(deps.places.gazetteer)).facts);
      // "附近哪有驿站能热饭" names no place: the nearest stations need the member's location, so it is asked for.
      // (A gazetteer that knows no place cannot tell whether one was named.)
      if (!place && deps.places.gazetteer.places.length > 0 && isStationQuestion(text)) await offerLocation(ctx, needsInText(text)[0]?.id);
      await recorded;
    });

    composer.callbackQuery(/^hit:(\d+):(\d+)$/, async (ctx) => {
      // Buttons on inline messages have no chat, hence no session.
      const answer = ctx.chat ? ctx.session.answers?.find((a) => a.id === Number(ctx.match[1])) : undefined;
      const hit = answer?.hits[Number(ctx.match[2])];
      if (!hit) {
        await ctx.answerCallbackQuery({ text: ctx.t("bot-hit-expired") });
        return;
      }
      await ctx.answerCallbackQuery();
      // A programme card offers the eligibility check for that programme (handled by the find feature).
      const replyMarkup =
        hit.kind === "programme" ? new InlineKeyboard().text(ctx.t("find-check-button"), checkCallbackData(hit.id)) : undefined;
      await replyHtml(ctx, await hitDetailHtml(deps, ctx.t, hit, await ctx.i18n.getLocale()), {
        ...(replyMarkup ? { reply_markup: replyMarkup } : {}),
      });
    });
    return composer;
  },
};

/**
 * Three kinds of reply, worded so that a guess never reads as an answer: "answer" quotes the source and lists
 * the sources; "related" says plainly that the results may be related and are not an answer, with 12351;
 * "none" says nothing was found and offers the hotline and the menu.
 */
async function sendAnswer(ctx: BotContext, answer: Answer, locale: string, placeId?: string, stated: Record<string, FactValue> = {}): Promise<void> {
  const catalogue = ctx.deps.catalogue;
  const hits: StoredHit[] = answer.hits.slice(0, MAX_HITS).map((hit) => {
    const programme = hit.kind === "programme" ? catalogue.get(hit.id) : undefined;
    return {
      kind: hit.kind,
      id: hit.id,
      // A programme is listed under its name in the member's language (English where the catalogue has it).
      title: programme ? programmeName(programme, locale) : hit.title,
      snippet: truncate(hit.snippet, MAX_STORED_SNIPPET),
      source: hit.source,
      ...(hit.sample ? { sample: true } : {}),
    };
  });
  // Remember only the results (not the question: it may hold sensitive details).
  let answerId = 0;
  if (hits.length > 0) {
    answerId = (ctx.session.answerSeq ?? 0) + 1;
    ctx.session.answerSeq = answerId;
    ctx.session.answers = [...(ctx.session.answers ?? []), { id: answerId, hits }].slice(-REMEMBERED_ANSWERS);
  }

  const confident = answer.confidence === "answer";
  if (hits.length === 0) {
    const text = answer.answer.trim() || ctx.t("not-found-next-step");
    const hotline = text.includes("12351") ? "" : `\n${ctx.t("hotline")}`;
    await replyHtml(ctx, `${escapeHtml(text)}${escapeHtml(hotline)}\n\n${ctx.t("bot-ask-not-found-menu")}`, {
      reply_markup: mainMenuKeyboard(ctx),
    });
    return;
  }
  const answerText = answer.answer.trim();
  const hotline = confident || answerText.includes("12351") ? "" : `\n${escapeHtml(ctx.t("hotline"))}`;
  // An English-speaking member reads what the programme offers in English first; the Chinese quote of the
  // source follows, so nothing is claimed that the source does not print.
  const topProgramme = confident && locale === "en" && hits[0].kind === "programme" ? catalogue.get(hits[0].id) : undefined;
  const lead = topProgramme
    ? `${programmeSummaryHtml(ctx.t, topProgramme, locale)}${answer.stations ? `\n\n${escapeHtml(answer.stations)}` : ""}`
    : escapeHtml(answerText);
  const lines = [`${lead}${hotline}`, "", ctx.t(confident ? "bot-ask-sources" : "bot-ask-related")];
  hits.forEach((hit, index) => lines.push(formatSourceLine(ctx.t, hit, index, locale)));
  lines.push("", ctx.t("bot-ask-open-hint"));
  const keyboard = new InlineKeyboard();
  hits.forEach((hit, index) => keyboard.text(`${index + 1}. ${truncate(hit.title, 28)}`, `hit:${answerId}:${index}`).row());
  // When the best result is a programme, checking eligibility for it is one tap away.
  if (confident && hits[0].kind === "programme") keyboard.text(ctx.t("find-check-button"), checkCallbackData(hits[0].id, placeId, stated));
  await replyHtml(ctx, lines.join("\n"), { reply_markup: keyboard });
}
