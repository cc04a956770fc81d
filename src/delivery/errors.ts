/** What a failed sendMessage means for the outbox row. */
import { GrammyError, HttpError } from "grammy";

export type SendFailure =
  /** 429: Telegram's flood control; wait retry_after, then try again (not the row's fault). */
  | { kind: "rate-limited"; retryAfterMs: number; message: string }
  /** 403, chat not found, user deactivated: the member cannot be reached; stop sending to them. */
  | { kind: "unreachable"; message: string }
  /** Other 4xx: this message will never be accepted as it is. */
  | { kind: "refused"; message: string }
  /** 5xx, network errors, timeouts: try again later. */
  | { kind: "transient"; message: string };

export function describeError(error: unknown): string {
  if (error instanceof GrammyError) return `${error.error_code}: ${error.description}`;
  if (error instanceof HttpError) return `network: ${String((error.error as Error | undefined)?.message ?? error.message)}`;
  return error instanceof Error ? error.message : String(error);
}

export function classifySendError(error: unknown): SendFailure {
  const message = describeError(error);
  if (error instanceof GrammyError) {
    if (error.error_code === 429) {
      return { kind: "rate-limited", retryAfterMs: Math.max(1, error.parameters.retry_after ?? 1) * 1000, message };
    }
    if (error.error_code === 403 || /chat not found|user is deactivated|bot was blocked/i.test(error.description)) {
      return { kind: "unreachable", message };
    }
    if (error.error_code < 500) return { kind: "refused", message };
  }
  return { kind: "transient", message };
}
