/**
 * Conversation state can hold sensitive answers (income, illness, disability). A member who walks away
 * mid-conversation never sends the update that would end it, so a sweep deletes conversation state that
 * nobody has touched for CONVERSATION_TTL_MS: /privacy promises it is gone by then.
 */
import type { Logger } from "../logger.js";
import type { KeyValueRepository } from "../storage/kv.js";

/** A conversation silent this long has timed out anyway (the guided conversations end themselves after it). */
export const CONVERSATION_TTL_MS = 30 * 60 * 1000;
export const CONVERSATION_SWEEP_EVERY_MS = 5 * 60 * 1000;
/** Conversation state keys are `user:<userId>:conversation:<chatId>` (src/bot/session.ts). */
export const CONVERSATION_KEY_INFIX = ":conversation:";

/** One sweep: deletes conversation state untouched for the TTL; returns how many were deleted. */
export async function sweepConversations(deps: { kv: KeyValueRepository; logger: Logger; now?: () => number }): Promise<number> {
  const now = (deps.now ?? Date.now)();
  const removed = await deps.kv.deleteStale(CONVERSATION_KEY_INFIX, new Date(now - CONVERSATION_TTL_MS));
  if (removed > 0) deps.logger.info({ removed }, "expired conversation state deleted");
  return removed;
}
