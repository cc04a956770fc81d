import { describe, expect, it } from "vitest";
import { escapeHtml, splitHtml } from "../../src/bot/html.js";
import { validateTelegramHtml } from "../../src/console/telegram-html.js";

describe("escapeHtml", () => {
  it("makes any user or content text safe for Telegram HTML", () => {
    const nasty = `<b>x</b> & &amp; "q" <a href="javascript:1">*_[]()~\`>#+-=|{}.!`;
    const result = validateTelegramHtml(escapeHtml(nasty));
    expect(result).toEqual({ ok: true, text: nasty });
  });
});

describe("splitHtml", () => {
  it("keeps short messages whole", () => {
    expect(splitHtml("<b>短</b>消息")).toEqual(["<b>短</b>消息"]);
  });

  it("never cuts inside a tag or an entity and closes/reopens tags across parts", () => {
    const paragraph = `<b>标题 &amp; 小结</b>\n<i>${"工会帮扶&lt;困难职工&gt;。".repeat(40)}</i>\n`;
    const html = paragraph.repeat(30);
    const parts = splitHtml(html, 1000);
    expect(parts.length).toBeGreaterThan(5);
    let visible = "";
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(1000);
      const result = validateTelegramHtml(part);
      expect(result.ok, part.slice(0, 80)).toBe(true);
      if (result.ok) visible += result.text;
    }
    const whole = validateTelegramHtml(html);
    if (!whole.ok) throw new Error("bad fixture");
    // Nothing lost except line breaks at cut points.
    expect(visible.replace(/\n/g, "")).toBe(whole.text.replace(/\n/g, ""));
  });

  it("cuts a single unbroken run of text and keeps surrogate pairs intact", () => {
    const parts = splitHtml("😀".repeat(3000), 4096);
    expect(parts.length).toBe(2);
    expect(parts.join("")).toBe("😀".repeat(3000));
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096);
  });
});

describe("validateTelegramHtml (the fake API's check)", () => {
  it("refuses what Telegram refuses", () => {
    expect(validateTelegramHtml("a < b").ok).toBe(false);
    expect(validateTelegramHtml("a & b").ok).toBe(false);
    expect(validateTelegramHtml("<b>open").ok).toBe(false);
    expect(validateTelegramHtml("<b><i>x</b></i>").ok).toBe(false);
    expect(validateTelegramHtml("<script>x</script>").ok).toBe(false);
    expect(validateTelegramHtml('<a href="https://x.org/?a=1&amp;b=2">x</a> &#20013;')).toEqual({ ok: true, text: "x 中" });
  });
});
