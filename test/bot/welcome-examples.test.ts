/**
 * The question the welcome suggests ("余杭哪里能热饭充电？", "Where in Yuhang can I heat food and charge my
 * phone?") gets a useful reply with the shipped data: the content that answers it, and the place's stations,
 * marked as sample data while the list is the sample set, which never push content out of the first three.
 */
import { afterEach, describe, expect, it } from "vitest";
import { translate } from "../../src/i18n.js";
import { createTestBot, visibleText, type TestBot } from "../support/bot-harness.js";

let t: TestBot | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** The example question quoted in the welcome text of a language. */
function welcomeExample(locale: "zh-CN" | "en"): string {
  const welcome = translate(locale, "bot-start-welcome");
  const quoted = locale === "en" ? /"([^"]+\?)"/.exec(welcome) : /“([^”]+？)”/.exec(welcome);
  expect(quoted, `the ${locale} welcome quotes an example question`).not.toBeNull();
  return quoted![1]!;
}

const cases = [
  { locale: "zh-CN" as const, from: { language_code: "zh-hans" }, sample: "【示例数据】", place: "余杭区" },
  { locale: "en" as const, from: { language_code: "en" }, sample: "[SAMPLE DATA]", place: "Yuhang District (余杭区)" },
];

describe("the welcome's example question", () => {
  for (const c of cases) {
    it(`${c.locale}: is answered, names the place's stations marked as samples, and keeps content first`, async () => {
      t = await createTestBot();
      const [reply] = await t.sendText(welcomeExample(c.locale), { from: c.from });
      const text = visibleText(reply!.text);
      // Not a refusal, not a guess.
      for (const key of ["search-not-found", "search-related", "bot-ask-not-found-menu", "bot-ask-related"]) {
        expect(text).not.toContain(visibleText(translate(c.locale, key)));
      }
      expect(text).toContain(visibleText(translate(c.locale, "bot-ask-sources")));
      // The stations of the place are named in the answer, each marked, with the note that they are samples.
      const answerPart = text.split(visibleText(translate(c.locale, "bot-ask-sources")))[0]!;
      expect(answerPart).toContain(c.place);
      const named = [...answerPart.matchAll(/示例驿站·余杭\d+/g)].map((m) => m[0]);
      expect(named.length).toBeGreaterThan(0);
      for (const name of named) expect(answerPart).toContain(`${c.sample}${name}`);
      expect(answerPart).toContain(translate(c.locale, "search-sample-stations-note"));
      // Sample stations come after the first three results.
      const buttons = reply!.buttons.flat().map((b) => b.text).filter((b) => /^\d\./.test(b));
      expect(buttons.slice(0, 3).some((b) => b.includes("示例驿站"))).toBe(false);
      expect(buttons.slice(3).some((b) => b.includes("示例驿站"))).toBe(true);
    });
  }
});
