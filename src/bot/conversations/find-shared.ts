/**
 * Shared pieces of the help-finding (/find) and "我符合条件吗?" conversations: the catalogue and
 * evaluation (always called through conversation.external, so replays reuse recorded results),
 * waiting for an answer with back/cancel/timeout, asking one fact, and turning answers into facts.
 * Sensitive answers live only in the conversation state; nothing here writes them anywhere else.
 */
import { InlineKeyboard } from "grammy";
import path from "node:path";
import { type Catalogue, loadCatalogue } from "../../knowledge/catalogue/index.js";
import type { Programme } from "../../knowledge/catalogue/types.js";
import {
  type EligibilityResult,
  type PlaceResolver,
  FACTS,
  checkEligibility,
  isDontKnow,
  parseAnswer,
  placeResolverFor,
  resolverFromGazetteer,
} from "../../knowledge/eligibility/index.js";
import { distanceMetres } from "../../knowledge/places/gazetteer.js";
import type { Place } from "../../knowledge/places/types.js";
import type { BotConversation, BotDeps, ConversationContext } from "../context.js";
import { escapeHtml } from "../html.js";

/** No answer for this long ends a conversation politely (checked when the next update arrives). */
export const FIND_TIMEOUT_MS = 30 * 60 * 1000;
/** Hard bound on steps of one conversation (no endless loops, whatever the member does). */
export const MAX_STEPS = 40;
/** Questions asked at most before the results are shown. */
export const MAX_QUESTIONS = 10;
/** Unreadable answers to one question before it is skipped. */
export const MAX_RETRIES = 2;

export const CB = {
  need: "find:need:",
  where: "find:where:",
  whereOther: "find:where-other",
  whereSkip: "find:where-skip",
  answer: "find:a:",
  place: "find:p:",
  back: "find:back",
  cancel: "find:cancel",
  more: "find:more:",
  remember: "find:remember",
  done: "find:done",
} as const;

/** Callback data of the "我符合条件吗?" button for one programme (usable on any programme card). */
export const CHECK_CALLBACK_PREFIX = "elig:";
export function checkCallbackData(programmeId: string): string {
  return `${CHECK_CALLBACK_PREFIX}${programmeId}`;
}

export type Facts = Record<string, unknown>;

// ---- catalogue and evaluation (call these inside conversation.external) ----

const catalogues = new WeakMap<BotDeps, Promise<{ catalogue: Catalogue; resolve: PlaceResolver }>>();

/** The catalogue the knowledge layer loaded (or, for other Knowledge implementations, data/programmes). */
export function catalogueOf(deps: BotDeps): Promise<{ catalogue: Catalogue; resolve: PlaceResolver }> {
  let loaded = catalogues.get(deps);
  if (!loaded) {
    loaded = (async () => {
      const fromKnowledge = (deps.knowledge as { catalogue?: Catalogue }).catalogue;
      const catalogue = fromKnowledge ?? (await loadCatalogue(path.join(deps.config.dataDir, "programmes")));
      const gazetteer = deps.knowledge.gazetteer ? resolverFromGazetteer(deps.knowledge.gazetteer) : undefined;
      return { catalogue, resolve: placeResolverFor(catalogue, gazetteer) };
    })();
    catalogues.set(deps, loaded);
  }
  return loaded;
}

export async function evaluateMany(deps: BotDeps, ids: string[], facts: Facts, today: string): Promise<EligibilityResult[]> {
  const { catalogue, resolve } = await catalogueOf(deps);
  return ids
    .map((id) => catalogue.get(id))
    .filter((p): p is Programme => !!p)
    .map((p) => checkEligibility(p, facts, { today, resolvePlace: resolve }));
}

export async function programmesByIds(deps: BotDeps, ids: string[]): Promise<Programme[]> {
  const { catalogue } = await catalogueOf(deps);
  return ids.map((id) => catalogue.get(id)).filter((p): p is Programme => !!p);
}

/** Province/city/county facts for a place from the gazetteer. */
export function placeFacts(place: Pick<Place, "level" | "name" | "province" | "city" | "county">): Facts {
  const facts: Facts = { province: place.province };
  const city = place.level === "city" ? place.name : place.city;
  const county = place.level === "county" ? place.name : place.county;
  if (city) facts.city = city;
  if (county) facts.county = county;
  return facts;
}

/** Facts for a region written in the catalogue (a "淮安" button of a programme). */
export function regionFacts(p: Programme): Facts {
  const facts: Facts = {};
  if (p.region?.province) facts.province = p.region.province;
  if (p.region?.city) facts.city = p.region.city;
  if (p.region?.county) facts.county = p.region.county;
  return facts;
}

/** Resolves a typed place ("淮安", "杭州余杭", "Haiyan"); null when unknown. */
export function resolveTypedPlace(deps: BotDeps, text: string): { facts: Facts; label: string } | null {
  const cleaned = text.trim().replace(/^(我在|在|住在|我住在)/, "").replace(/(这边|那边|这里|一带)$/, "");
  const place = deps.knowledge.gazetteer?.resolve(cleaned);
  if (!place) return null;
  return { facts: placeFacts(place), label: placeLabel(place) };
}

/** The county (or city) nearest to a shared location. */
export function placeNear(deps: BotDeps, lat: number, lon: number): { facts: Facts; label: string } | null {
  const places = deps.knowledge.gazetteer?.places ?? [];
  let best: { place: Place; d: number } | undefined;
  for (const place of places) {
    if (place.level === "province") continue;
    const d = distanceMetres({ lat, lon }, place);
    if (!best || d < best.d || (d === best.d && place.level === "county")) best = { place, d };
  }
  // Farther than ~80 km from any centre: not in the gazetteer's area (abroad, at sea).
  if (!best || best.d > 80_000) return null;
  return { facts: placeFacts(best.place), label: placeLabel(best.place) };
}

function placeLabel(place: Pick<Place, "level" | "name" | "province" | "city">): string {
  if (place.level === "county" && place.city) return `${place.city}${place.name}`;
  if (place.level === "city") return `${place.province}${place.name}`;
  return place.name;
}

export function shortPlace(p: Programme): string | null {
  const r = p.region;
  if (!r) return null;
  const name = r.county ?? r.city ?? r.province;
  return name ? name.replace(/(省|市|县|区)$/, "") : null;
}

// ---- waiting for the member ----

export type Reply =
  | { kind: "callback"; data: string; ctx: ConversationContext }
  | { kind: "text"; text: string; ctx: ConversationContext }
  | { kind: "location"; latitude: number; longitude: number; ctx: ConversationContext }
  | { kind: "back"; ctx: ConversationContext }
  | { kind: "other"; ctx: ConversationContext }
  /** The conversation is over (cancelled or timed out); the caller returns. */
  | { kind: "end" };

const CANCEL_WORDS = /^(取消|算了|退出|不问了|cancel|quit|stop)$/i;
const BACK_WORDS = /^(返回|上一步|后退|back)$/i;

/**
 * Waits for the next update of this chat. Cancel and timeouts end the conversation with a message;
 * other commands and other features' buttons leave it and are handled as if no conversation was active.
 */
export async function waitReply(conversation: BotConversation): Promise<Reply> {
  const started = await conversation.now();
  const ctx = await conversation.wait();
  const now = await conversation.now();
  const data = ctx.callbackQuery?.data;
  const text = ctx.message?.text?.trim();
  if (now - started > FIND_TIMEOUT_MS) {
    if (data?.startsWith("find:")) {
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t("find-timeout"));
      return { kind: "end" };
    }
    await ctx.reply(ctx.t("find-timeout"));
    return conversation.halt({ next: true });
  }
  if (data !== undefined) {
    if (!data.startsWith("find:")) {
      // Another feature's button (menu, search result, /forget): leave and let it run.
      await ctx.reply(ctx.t("find-left"));
      return conversation.halt({ next: true });
    }
    await ctx.answerCallbackQuery();
    if (data === CB.cancel) return cancelled(ctx);
    if (data === CB.back) return { kind: "back", ctx };
    return { kind: "callback", data, ctx };
  }
  if (text !== undefined) {
    if (text.startsWith("/")) {
      if (/^\/cancel(@\w+)?$/i.test(text)) return cancelled(ctx);
      await ctx.reply(ctx.t("find-left"));
      return conversation.halt({ next: true });
    }
    if (CANCEL_WORDS.test(text)) return cancelled(ctx);
    if (BACK_WORDS.test(text)) return { kind: "back", ctx };
    return { kind: "text", text, ctx };
  }
  const location = ctx.message?.location;
  if (location) return { kind: "location", latitude: location.latitude, longitude: location.longitude, ctx };
  return { kind: "other", ctx };
}

async function cancelled(ctx: ConversationContext): Promise<Reply> {
  await ctx.reply(ctx.t("find-cancelled"));
  return { kind: "end" };
}

export function navRow(keyboard: InlineKeyboard, t: ConversationContext["t"], withBack: boolean): InlineKeyboard {
  keyboard.row();
  if (withBack) keyboard.text(t("find-back"), CB.back);
  return keyboard.text(t("find-cancel"), CB.cancel);
}

// ---- asking one fact ----

export interface FactQuestion {
  fact: string;
  /** For place facts: programmes whose region can be picked with one tap. */
  places: { id: string; label: string }[];
}

export function questionText(fact: string, locale: string, fallback?: string | null): string {
  const spec = FACTS.get(fact);
  if (!spec) return fallback ?? fact;
  return locale === "en" ? spec.question_en : (fallback ?? spec.question);
}

/** Sends the question for one fact with its answer buttons. */
export async function sendQuestion(ctx: ConversationContext, q: FactQuestion, locale: string, n: number, withBack: boolean, question?: string | null): Promise<void> {
  const spec = FACTS.get(q.fact);
  const t = ctx.t.bind(ctx);
  const keyboard = new InlineKeyboard();
  const lines = [`<b>${escapeHtml(questionText(q.fact, locale, locale === "en" ? null : question))}</b> ${t("find-question-progress", { n })}`];
  if (spec?.type === "boolean") {
    keyboard.text(t("find-answer-yes"), `${CB.answer}${q.fact}:y`).text(t("find-answer-no"), `${CB.answer}${q.fact}:n`);
  } else if (spec?.type === "place") {
    q.places.forEach((p, i) => {
      keyboard.text(p.label, `${CB.place}${p.id}`);
      if (i % 3 === 2) keyboard.row();
    });
    lines.push(t("find-answer-type-hint", { example: spec.example }));
  } else if (spec?.options) {
    spec.options.forEach((o, i) => {
      keyboard.text(locale === "en" ? o.label_en : o.label, `${CB.answer}${q.fact}:${i}`);
      if (i % 2 === 1) keyboard.row();
    });
    lines.push(t("find-answer-type-hint", { example: spec.example }));
  } else if (spec?.type === "number") {
    lines.push(t("find-answer-number-hint", { example: spec.example }));
  } else if (spec) {
    lines.push(t("find-answer-type-hint", { example: spec.example }));
  }
  keyboard.row().text(t("find-answer-unknown"), `${CB.answer}${q.fact}:skip`);
  navRow(keyboard, t, withBack);
  if (spec?.sensitive) lines.push(t("find-sensitive-note"));
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML", reply_markup: keyboard });
}

export type AnswerOutcome = { kind: "set"; facts: Facts } | { kind: "skip" } | { kind: "retry"; hint: string } | { kind: "ignore" };

/** Turns a button press or typed text into facts for the asked fact. */
export function interpretAnswer(deps: BotDeps, fact: string, reply: Reply, today: string, regionOf: (id: string) => Facts | undefined): AnswerOutcome {
  const spec = FACTS.get(fact);
  if (!spec) return { kind: "skip" };
  if (reply.kind === "callback") {
    if (reply.data.startsWith(CB.place)) {
      const facts = regionOf(reply.data.slice(CB.place.length));
      return facts ? { kind: "set", facts } : { kind: "ignore" };
    }
    if (!reply.data.startsWith(`${CB.answer}${fact}:`)) return { kind: "ignore" };
    const value = reply.data.slice(`${CB.answer}${fact}:`.length);
    if (value === "skip") return { kind: "skip" };
    if (value === "y" || value === "n") return { kind: "set", facts: { [fact]: value === "y" } };
    const option = spec.options?.[Number(value)];
    return option ? { kind: "set", facts: { [fact]: option.value } } : { kind: "ignore" };
  }
  if (reply.kind === "location" && spec.type === "place") {
    const near = placeNear(deps, reply.latitude, reply.longitude);
    return near ? { kind: "set", facts: near.facts } : { kind: "retry", hint: spec.example };
  }
  if (reply.kind !== "text") return { kind: "retry", hint: spec.example };
  if (isDontKnow(reply.text)) return { kind: "skip" };
  if (spec.type === "place") {
    const place = resolveTypedPlace(deps, reply.text);
    if (place) return { kind: "set", facts: place.facts };
    return { kind: "retry", hint: spec.example };
  }
  const parsed = parseAnswer(spec, reply.text, today);
  if (!parsed.ok) return { kind: "retry", hint: parsed.example };
  return { kind: "set", facts: { [fact]: parsed.value } };
}

