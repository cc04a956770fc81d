/**
 * Shared pieces of the help-finding (/find) and "我符合条件吗?" conversations: the catalogue and
 * evaluation (always called through conversation.external, so replays reuse recorded results),
 * waiting for an answer with back/cancel/timeout, and the navigation buttons. Asking one fact is in
 * find-questions.ts, place answers in find-places.ts.
 * Sensitive answers live only in the conversation state; nothing here writes them anywhere else.
 */
import { InlineKeyboard } from "grammy";
import { type Catalogue, createCatalogue } from "../../knowledge/catalogue/index.js";
import type { Programme } from "../../knowledge/catalogue/types.js";
import {
  type EligibilityResult,
  type PlaceResolver,
  checkEligibility,
  placeResolverFor,
  resolverFromGazetteer,
} from "../../knowledge/eligibility/index.js";
import type { BotConversation, BotDeps, ConversationContext } from "../context.js";

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
/** `elig:<programmeId>`, or `elig:<programmeId>@<placeId>` when the member already named a place (not sensitive). */
export function checkCallbackData(programmeId: string, placeId?: string): string {
  return `${CHECK_CALLBACK_PREFIX}${programmeId}${placeId ? `@${placeId}` : ""}`;
}

export type Facts = Record<string, unknown>;

// ---- catalogue and evaluation (call these inside conversation.external) ----

const NO_PROGRAMMES = createCatalogue([]);

/** The catalogue the knowledge layer loaded (LoadedKnowledge, src/knowledge/index.ts, carries it); none: no programmes. */
export function knowledgeCatalogue(deps: Pick<BotDeps, "knowledge">): Catalogue {
  return (deps.knowledge as { catalogue?: Catalogue }).catalogue ?? NO_PROGRAMMES;
}

const catalogues = new WeakMap<BotDeps, { catalogue: Catalogue; resolve: PlaceResolver }>();

/** knowledgeCatalogue() and a place resolver over its regions and the gazetteer (built once per bot). */
export async function catalogueOf(deps: BotDeps): Promise<{ catalogue: Catalogue; resolve: PlaceResolver }> {
  let loaded = catalogues.get(deps);
  if (!loaded) {
    const catalogue = knowledgeCatalogue(deps);
    const gazetteer = deps.knowledge.gazetteer ? resolverFromGazetteer(deps.knowledge.gazetteer) : undefined;
    loaded = { catalogue, resolve: placeResolverFor(catalogue, gazetteer) };
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

/** Starts a new button row unless the current one is still empty (Telegram refuses empty rows). */
export function newRow(keyboard: InlineKeyboard): InlineKeyboard {
  const rows = keyboard.inline_keyboard;
  return rows.length > 0 && rows[rows.length - 1]!.length === 0 ? keyboard : keyboard.row();
}

export function navRow(keyboard: InlineKeyboard, t: ConversationContext["t"], withBack: boolean): InlineKeyboard {
  newRow(keyboard);
  if (withBack) keyboard.text(t("find-back"), CB.back);
  return keyboard.text(t("find-cancel"), CB.cancel);
}

/** The member tapped 💾: keep these answers (merged with earlier ones) until /forget. */
export async function rememberFacts(conversation: BotConversation, deps: BotDeps, userId: number, facts: Facts): Promise<void> {
  await conversation.external(async () => {
    const existing = (await deps.store.users.get(userId))?.rememberedFacts ?? {};
    await deps.store.users.setRememberedFacts(userId, { ...existing, ...facts });
  });
}
