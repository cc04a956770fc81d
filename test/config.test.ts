import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config.js";

describe("configuration", () => {
  it("gives a console-chat setup with SQLite under ./var when nothing is set", () => {
    const config = parseConfig({});
    expect(config.BOT_TOKEN).toBeUndefined();
    expect(config.DATABASE_URL).toBe("sqlite:./var/niangjia.db");
    expect(config.DEFAULT_LOCALE).toBe("zh-CN");
  });

  it("names the variable and what is expected when a value is wrong", () => {
    expect(() => parseConfig({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => parseConfig({ PORT: "eighty" })).toThrow(/PORT: expected a port number from 1 to 65535/);
    expect(() => parseConfig({ PORT: "eighty" })).not.toThrow(/NaN|Invalid input/);
    expect(() => parseConfig({ PORT: "70000" })).toThrow(/PORT: expected a port number from 1 to 65535/);
    expect(() => parseConfig({ DIGEST_CONCURRENCY: "2.5" })).toThrow(/DIGEST_CONCURRENCY: expected a whole number from 1 to 64/);
    expect(() => parseConfig({ STARTUP_TIMEOUT_SEC: "0" })).toThrow(/STARTUP_TIMEOUT_SEC: expected seconds, more than 0/);
    expect(parseConfig({ PORT: "8081", DIGEST_RATE_PER_SEC: "0.5" })).toMatchObject({ PORT: 8081, DIGEST_RATE_PER_SEC: 0.5 });
    expect(() => parseConfig({ BOT_TOKEN: "not-a-token" })).toThrow(/BOT_TOKEN: expected a token/);
    expect(() => parseConfig({ ADMIN_IDS: "12,abc" })).toThrow(/ADMIN_IDS/);
  });

  it("requires WEBHOOK_URL in webhook mode", () => {
    expect(() => parseConfig({ BOT_TOKEN: "123:abcdefghijklmnopqrstuvwxyz", BOT_MODE: "webhook" })).toThrow(/WEBHOOK_URL/);
  });

  it("treats an empty variable as unset", () => {
    expect(parseConfig({ BOT_TOKEN: "", ADMIN_IDS: "" }).ADMIN_IDS).toEqual([]);
  });
});
