/** `npm start` without BOT_TOKEN: the local console chat, driven through stdin. */
import { describe, expect, it } from "vitest";
import { spawnBot } from "../support/spawn-bot.js";

describe("console chat", () => {
  it("says it is local, shows numbered buttons, answers, presses buttons by number, sends /loc, exits on /quit", async () => {
    const bot = spawnBot(
      { BOT_TOKEN: "" },
      { stdin: ["没工作了有免费培训吗?", "1", "/loc 30.27 120.15", "/loc north", "77", "/quit", "这行不会被处理"].join("\n") + "\n" },
    );
    expect(await bot.exited).toBe(0);
    const out = bot.stdout();
    expect(out).toContain("本地控制台聊天");
    expect(out).toContain("BOT_TOKEN");
    expect(out).toMatch(/\[1\] 📍 找驿站\s+\[2\] 🧾 我能申请什么/); // /start on launch, buttons numbered
    expect(out).toContain("来源："); // the question's answer
    expect(out).toMatch(/\[1\] 1\. /); // result buttons renumbered for the new reply
    expect(out).toContain("位置格式不对");
    expect(out).not.toContain("没有编号为"); // no button 77 is shown: "77" is sent as text
    expect(out).not.toContain("这行不会被处理");
    expect(out.trim().endsWith("再见！")).toBe(true);
    expect(out).not.toMatch(/<b>|&quot;|&lt;/); // HTML is rendered as plain text
  }, 90_000);

  it("exits cleanly at the end of piped input (EOF) without /quit", async () => {
    const bot = spawnBot({ BOT_TOKEN: "" }, { stdin: "/help\n" });
    expect(await bot.exited).toBe(0);
    expect(bot.stdout()).toContain("/privacy");
  }, 90_000);

  it("a wrong setting stops with a message naming the variable and exit code 1", async () => {
    const bot = spawnBot({ BOT_MODE: "carrier-pigeon" }, { stdin: "" });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toContain("BOT_MODE");
    expect(bot.stderr()).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  }, 60_000);
});
