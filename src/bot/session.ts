/**
 * Sessions and conversation state live in store.kv as JSON, so a restart does not lose a conversation.
 * Key format (store.eraseUser() deletes every key starting with `user:<userId>:`):
 *   user:<userId>:session:<chatId>        grammY session (SessionData)
 *   user:<userId>:conversation:<chatId>   @grammyjs/conversations state
 * Updates without both a user and a chat (inline queries, channel posts) get no session.
 */
import type { Context, StorageAdapter } from "grammy";
import type { KeyValueRepository } from "../storage/kv.js";
import { CONVERSATION_KEY_INFIX } from "../app/conversation-sweep.js";

/** A grammY StorageAdapter (also a conversations VersionedStateStorage) over the key/value repository. */
export class KvStorageAdapter<T> implements StorageAdapter<T> {
  /**
   * The stored JSON of keys read or written recently, so that writing back an unchanged session (the
   * common case) costs no database write. Bounded; only ever used to skip a write, never to answer a read.
   */
  private readonly lastSeen = new Map<string, string>();

  constructor(
    private readonly kv: KeyValueRepository,
    /** Enough for the updates in flight at once; memory stays under maxRemembered × maxLength. */
    private readonly maxRemembered = 2000,
    private readonly maxLength = 8192,
  ) {}

  async read(key: string): Promise<T | undefined> {
    const raw = await this.kv.get(key);
    if (raw === undefined) {
      this.lastSeen.delete(key);
      return undefined;
    }
    try {
      const value = JSON.parse(raw) as T;
      this.remember(key, raw);
      return value;
    } catch {
      // A corrupt value must not lock the user out: start fresh.
      await this.delete(key);
      return undefined;
    }
  }
  async write(key: string, value: T): Promise<void> {
    const raw = JSON.stringify(value);
    if (this.lastSeen.get(key) === raw) return;
    await this.kv.set(key, raw);
    this.remember(key, raw);
  }
  async delete(key: string): Promise<void> {
    this.lastSeen.delete(key);
    await this.kv.delete(key);
  }
  private remember(key: string, raw: string): void {
    this.lastSeen.delete(key);
    if (raw.length > this.maxLength) return;
    this.lastSeen.set(key, raw);
    if (this.lastSeen.size > this.maxRemembered) this.lastSeen.delete(this.lastSeen.keys().next().value!);
  }
}

/** `<userId>:<chatId>`, or undefined when the update has no user or no chat. Also the runner's sequentialize key. */
export function userChatKey(ctx: Pick<Context, "from" | "chat">): string | undefined {
  const userId = ctx.from?.id;
  const chatId = ctx.chat?.id;
  if (userId === undefined || chatId === undefined) return undefined;
  return `${userId}:${chatId}`;
}

export function sessionKey(ctx: Pick<Context, "from" | "chat">): string | undefined {
  if (ctx.from === undefined || ctx.chat === undefined) return undefined;
  return `user:${ctx.from.id}:session:${ctx.chat.id}`;
}

export function conversationKey(ctx: Pick<Context, "from" | "chat">): string | undefined {
  if (ctx.from === undefined || ctx.chat === undefined) return undefined;
  return `user:${ctx.from.id}${CONVERSATION_KEY_INFIX}${ctx.chat.id}`;
}

/**
 * Bump when a conversation's code changes in a way that breaks replay of conversations in progress
 * (their stored state is then discarded and the member starts over).
 * 3: eligibility results recorded by conversation.external carry reasons as data, not sentences.
 * 4: one step waiter for every conversation ("不知道" and questions are steps of their own), facts taken
 *    from the member's words, settled questions skipped (recorded external results changed shape).
 */
export const CONVERSATION_STATE_VERSION = 4;
