import type { UserDataEraser } from "./store.js";

export interface UserProfile {
  userId: number;
  /** Chosen interface language, or null to follow the Telegram client's language. */
  locale: string | null;
  /** Eligibility facts the member explicitly asked the bot to remember (sensitive: erased by /forget). */
  rememberedFacts: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export interface UserRepository extends UserDataEraser {
  get(userId: number): Promise<UserProfile | undefined>;
  setLocale(userId: number, locale: string | null): Promise<void>;
  setRememberedFacts(userId: number, facts: Record<string, unknown>): Promise<void>;
}
