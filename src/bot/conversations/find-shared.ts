/**
 * Shared pieces of the help-finding (/find) and "我符合条件吗?" conversations: the catalogue and
 * evaluation (always called through conversation.external, so replays reuse recorded results),
 * waiting for an answer with back/cancel/timeout, and the navigation buttons. Asking one fact is in
 * find-questions.ts, place answers in find-places.ts.
 * Sensitive answers live only in the conversation state; nothing here writes them anywhere else.
 */
import { InlineKeyboard } from "grammy";
import type { Programme } from "../../knowledge/catalogue/types.js";
import {
  type EligibilityResult,
  type FactValue,
  answerCanChange,
  checkEligibility,
} from "../../knowledge/eligibility/index.js";
import { CONVERSATION_TTL_MS } from "../../app/conversation-sweep.js";
import type { BotConversation, BotDeps, ConversationContext } from "../context.js";
import { replyHtml } from "../reply.js";
import { encodeStated } from "./stated-code.js";
import { type StepMessages, type StepOptions, type StepReply, waitStep } from "./wait-step.js";

/**
 * No answer for this long ends a conversation politely (checked when the next update arrives); the sweep
 * deletes the state of one nobody comes back to after the same time.
 */
export const FIND_TIMEOUT_MS = CONVERSATION_TTL_MS;
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
  /** "That is not what I said": forget the facts taken from the member's words and ask instead. */
  unsay: "find:unsay",
} as const;

export const FIND_MESSAGES: StepMessages = { cancelled: "find-cancelled", left: "find-left", timeout: "find-timeout" };

/** Callback data of the "我符合条件吗?" button for one programme (usable on any programme card). */
export const CHECK_CALLBACK_PREFIX = "elig:";
/** Telegram's limit for callback data, in bytes. */
const CALLBACK_DATA_MAX = 64;
/**
 * `elig:<programmeId>`, `elig:<programmeId>@<placeId>` when the member already named a place, and
 * `~<facts>` with the other facts their question stated (see stated-code.ts), as many as fit.
 */
export function checkCallbackData(programmeId: string, placeId?: string, stated: Record<string, FactValue> = {}): string {
  const base = `${CHECK_CALLBACK_PREFIX}${programmeId}${placeId ? `@${placeId}` : ""}`;
  const facts = encodeStated(stated, CALLBACK_DATA_MAX - base.length - 1);
  return facts ? `${base}~${facts}` : base;
}

export type Facts = Record<string, unknown>;

// ---- catalogue and evaluation (call these inside conversation.external) ----

export async function evaluateMany(deps: BotDeps, ids: string[], facts: Facts, today: string): Promise<EligibilityResult[]> {
  const { catalogue, places } = deps;
  return ids
    .map((id) => catalogue.get(id))
    .filter((p): p is Programme => !!p)
    .map((p) => checkEligibility(p, facts, { today, resolvePlace: places.resolve }));
}

/** Facts some open programme still lists as missing but whose answer cannot change any open verdict. */
export async function settledFacts(deps: BotDeps, ids: string[], facts: Facts, today: string, results: EligibilityResult[]): Promise<Set<string>> {
  const { catalogue, places } = deps;
  const open = results.filter((r) => r.verdict === "unknown" && ids.includes(r.programme.id));
  const programmes = open.map((r) => catalogue.get(r.programme.id)).filter((p): p is Programme => !!p);
  const settled = new Set<string>();
  for (const fact of new Set(open.flatMap((r) => r.missing))) {
    if (!answerCanChange(programmes, facts, fact, { today, resolvePlace: places.resolve })) settled.add(fact);
  }
  return settled;
}

export async function programmesByIds(deps: BotDeps, ids: string[]): Promise<Programme[]> {
  return ids.map((id) => deps.catalogue.get(id)).filter((p): p is Programme => !!p);
}

// ---- waiting for the member ----

export type Reply = StepReply;

const FIND_STEP: StepOptions = {
  ours: (data) => data.startsWith("find:"),
  cancelData: CB.cancel,
  backData: CB.back,
  timeoutMs: FIND_TIMEOUT_MS,
  messages: FIND_MESSAGES,
};

/** Waits for the member's next step (see wait-step.ts: cancel, back, "不知道", questions, timeout). */
export function waitReply(conversation: BotConversation, locale: string): Promise<Reply> {
  return waitStep(conversation, FIND_STEP, locale);
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

/** A Telegram-HTML reply inside a conversation, with buttons when given. */
export async function replyHtmlIn(ctx: ConversationContext, html: string, keyboard?: InlineKeyboard): Promise<void> {
  await replyHtml(ctx, html, keyboard ? { reply_markup: keyboard } : {});
}

/** The member tapped 💾: keep these answers (merged with earlier ones) until /forget. */
export async function rememberFacts(conversation: BotConversation, deps: BotDeps, userId: number, facts: Facts): Promise<void> {
  await conversation.external(async () => {
    const existing = (await deps.store.users.get(userId))?.rememberedFacts ?? {};
    await deps.store.users.setRememberedFacts(userId, { ...existing, ...facts });
  });
}
