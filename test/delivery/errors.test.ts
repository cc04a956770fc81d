import { GrammyError, HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { classifySendError } from "../../src/delivery/errors.js";

const api = (error_code: number, description: string, parameters = {}) =>
  new GrammyError("Call to 'sendMessage' failed!", { ok: false, error_code, description, parameters }, "sendMessage", {});

describe("what a failed send means", () => {
  it("429 waits retry_after; 403 and vanished chats stop; other 4xx fail; 5xx and network retry", () => {
    expect(classifySendError(api(429, "Too Many Requests: retry after 7", { retry_after: 7 }))).toMatchObject({ kind: "rate-limited", retryAfterMs: 7000 });
    expect(classifySendError(api(403, "Forbidden: bot was blocked by the user")).kind).toBe("unreachable");
    expect(classifySendError(api(400, "Bad Request: chat not found")).kind).toBe("unreachable");
    expect(classifySendError(api(400, "Bad Request: can't parse entities")).kind).toBe("refused");
    expect(classifySendError(api(502, "Bad Gateway")).kind).toBe("transient");
    expect(classifySendError(new HttpError("Network request for 'sendMessage' failed!", new Error("ECONNRESET"))).kind).toBe("transient");
  });
});
