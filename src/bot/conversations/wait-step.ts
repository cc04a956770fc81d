/**
 * Waiting for the member's next step, the same way in every guided conversation (/find, "我符合条件吗?",
 * /subscribe), so none of them traps the member:
 * - cancel (button, /cancel or a cancel word from locales/<locale>/flow.ftl) ends it;
 * - back (button, "⬅️", "返回", "back") goes back one step;
 * - "不知道", "我不太清楚", "not sure" is an answer: the fact stays unknown and the flow goes on;
 * - a command or another feature's button leaves it and runs as usual (see conversation-commands.ts for
 *   commands, which never reach a conversation);
 * - text is marked when it reads as a new question, so a step that cannot use it leaves with
 *   leaveForQuestion() and the question is answered as if no conversation was active;
 * - an answer after `timeoutMs` of silence ends it politely.
 */
import { translate } from "../../i18n.js";
import { isDontKnow } from "../../knowledge/eligibility/index.js";
import type { BotConversation, ConversationContext } from "../context.js";
import { useReplyLocale } from "../reply-locale.js";

export interface StepMessages {
  /** Locale keys: cancelled by the member, left because something else came, timed out. */
  cancelled: string;
  left: string;
  timeout: string;
}

export interface StepOptions {
  /** This conversation's buttons; any other button leaves it and is handled by its feature. */
  ours: (data: string) => boolean;
  cancelData?: string;
  backData?: string;
  timeoutMs: number;
  messages: StepMessages;
  /**
   * Other features' buttons and non-text messages pass through to them and the conversation keeps
   * waiting (a digest's "read" button during /subscribe); default: they leave the conversation.
   */
  passOthers?: boolean;
}

export type StepReply =
  | { kind: "callback"; data: string; ctx: ConversationContext }
  /** `question`: the text reads as a new question rather than an answer (see looksLikeQuestion). */
  | { kind: "text"; text: string; question: boolean; ctx: ConversationContext }
  | { kind: "location"; latitude: number; longitude: number; ctx: ConversationContext }
  | { kind: "back"; ctx: ConversationContext }
  /** "不知道": an answer that leaves the fact unknown. */
  | { kind: "unknown"; text: string; ctx: ConversationContext }
  | { kind: "other"; ctx: ConversationContext }
  /** The conversation is over (cancelled or timed out); the caller returns. */
  | { kind: "end" };

// Question marks and the words colloquial questions are built with ("余杭哪里能热饭", "有免费培训吗").
const QUESTION_MARKERS = /[?？]|哪|什么|啥|怎么|怎样|如何|吗|呢|能不能|可不可以|可以不|有没有|是不是|多少|为什么|谁|几[点时个号天岁]/u;
const ENGLISH_QUESTION = /^(where|what|how|when|why|who|which|can|could|is|are|do|does|should|will|may)\b/i;

/** A message that reads as a question to the bot rather than an answer to a step. */
export function looksLikeQuestion(text: string): boolean {
  const trimmed = text.trim();
  return QUESTION_MARKERS.test(trimmed) || ENGLISH_QUESTION.test(trimmed);
}

const wordLists = new Map<string, Set<string>>();

/** The cancel or back words of both languages (a member may type either), normalised. */
function words(key: "flow-cancel-words" | "flow-back-words"): Set<string> {
  let set = wordLists.get(key);
  if (!set) {
    set = new Set(["zh-CN", "en"].flatMap((locale) => translate(locale, key).split("|")).map(normalizeWord).filter(Boolean));
    wordLists.set(key, set);
  }
  return set;
}

function normalizeWord(text: string): string {
  return text.normalize("NFKC").replace(/\uFE0F/g, "").replace(/[\s。.!！~～]+/g, "").toLowerCase();
}

/** True when the text is one of the words, alone or after the button's symbol ("⬅️ 上一步"). */
function isWord(text: string, key: "flow-cancel-words" | "flow-back-words"): boolean {
  const set = words(key);
  const plain = normalizeWord(text);
  if (set.has(plain)) return true;
  const symbol = /^[⬅✖]/u.exec(plain);
  return !!symbol && (set.has(symbol[0]) || set.has(plain.slice(symbol[0].length)));
}

export function isCancelWord(text: string): boolean {
  return isWord(text, "flow-cancel-words");
}

export function isBackWord(text: string): boolean {
  return isWord(text, "flow-back-words");
}

/** Waits for the member's next update in this chat and says what it is (see the file comment); replies to it in `locale`. */
export async function waitStep(conversation: BotConversation, options: StepOptions, locale: string): Promise<StepReply> {
  const started = await conversation.now();
  const ctx = await conversation.wait();
  // The conversation goes on in the language it started in, whatever this update alone would negotiate.
  useReplyLocale(ctx, locale);
  const now = await conversation.now();
  const data = ctx.callbackQuery?.data;
  const ours = data !== undefined && options.ours(data);
  const text = ctx.message?.text?.trim();
  if (now - started > options.timeoutMs) {
    if (ours) await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t(options.messages.timeout));
    // A button of this conversation has nobody else to answer it; anything else is handled as usual.
    if (ours) return { kind: "end" };
    return conversation.halt({ next: true });
  }
  if (data !== undefined) {
    if (!ours) {
      if (options.passOthers) return conversation.skip({ next: true });
      // Another feature's button (a search result, /forget's confirm): leave and let it run.
      await ctx.reply(ctx.t(options.messages.left));
      return conversation.halt({ next: true });
    }
    await ctx.answerCallbackQuery();
    if (data === options.cancelData) return cancelled(ctx, options);
    if (data === options.backData) return { kind: "back", ctx };
    return { kind: "callback", data, ctx };
  }
  if (text !== undefined) {
    if (text.startsWith("/")) {
      if (/^\/cancel(@\w+)?$/i.test(text.split(/\s/)[0]!)) return cancelled(ctx, options);
      await ctx.reply(ctx.t(options.messages.left));
      return conversation.halt({ next: true });
    }
    if (isCancelWord(text)) return cancelled(ctx, options);
    if (isBackWord(text)) return { kind: "back", ctx };
    if (isDontKnow(text)) return { kind: "unknown", text, ctx };
    return { kind: "text", text, question: looksLikeQuestion(text), ctx };
  }
  const location = ctx.message?.location;
  if (location && !options.passOthers) return { kind: "location", latitude: location.latitude, longitude: location.longitude, ctx };
  if (options.passOthers) return conversation.skip({ next: true });
  return { kind: "other", ctx };
}

/** The text is a new question, not an answer: say the flow is left and let the bot answer it. */
export async function leaveForQuestion(conversation: BotConversation, ctx: ConversationContext, messages: StepMessages): Promise<never> {
  await ctx.reply(ctx.t(messages.left));
  return conversation.halt({ next: true });
}

async function cancelled(ctx: ConversationContext, options: StepOptions): Promise<StepReply> {
  await ctx.reply(ctx.t(options.messages.cancelled));
  return { kind: "end" };
}
