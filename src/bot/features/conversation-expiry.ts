/**
 * Conversation state can hold sensitive answers (income, illness, disability). A member who walks away
 * mid-conversation never sends the update that would end it, so a sweep deletes conversation state that
 * nobody has touched for CONVERSATION_TTL_MS: /privacy promises it is gone by then.
 */
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { FIND_TIMEOUT_MS } from "../conversations/find-shared.js";
import { everyInterval } from "../../app/supervise.js";

/** A conversation silent this long has timed out anyway (the find conversation ends itself after it). */
export const CONVERSATION_TTL_MS = FIND_TIMEOUT_MS;
const SWEEP_EVERY_MS = 5 * 60 * 1000;
/** Matches the conversation keys of src/bot/session.ts (`user:<id>:conversation:<chat>`). */
const CONVERSATION_KEY_INFIX = ":conversation:";

export const conversationExpiryFeature: Feature = {
  name: "conversation-expiry",
  composer: () => new Composer<BotContext>(),
  start({ deps, jobs }) {
    // A sweep that fails (database busy) is retried with backoff by the supervisor, sooner than the interval.
    const sweep = async () => {
      const removed = await deps.store.kv.deleteStale(CONVERSATION_KEY_INFIX, new Date(Date.now() - CONVERSATION_TTL_MS));
      if (removed > 0) deps.logger.info({ removed }, "expired conversation state deleted");
    };
    return jobs.start("conversation-sweep", everyInterval(sweep, SWEEP_EVERY_MS));
  },
};
