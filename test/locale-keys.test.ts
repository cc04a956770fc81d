/**
 * Every message a member can read exists in both locales: a key missing in one would show its raw id.
 * The texts the code builds keys for (amenities, needs, fact questions and answer buttons) must exist too.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES_DIR, SUPPORTED_LOCALES } from "../src/i18n.js";
import { FACTS } from "../src/knowledge/eligibility/facts.js";
import { AMENITY_IDS, NEEDS } from "../src/knowledge/stations/amenities.js";

function keysOf(locale: string): Set<string> {
  const dir = path.join(LOCALES_DIR, locale);
  const keys = new Set<string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ftl"))) {
    for (const line of fs.readFileSync(path.join(dir, file), "utf8").split("\n")) {
      const match = /^(-?[a-zA-Z][\w-]*)\s*=/.exec(line);
      if (match) keys.add(match[1]!);
    }
  }
  return keys;
}

describe("locale keys", () => {
  const byLocale = new Map(SUPPORTED_LOCALES.map((locale) => [locale, keysOf(locale)]));

  it("both locales have the same keys", () => {
    const all = new Set([...byLocale.values()].flatMap((keys) => [...keys]));
    expect(all.size).toBeGreaterThan(100);
    for (const [locale, keys] of byLocale) {
      expect([...all].filter((key) => !keys.has(key)), `missing in ${locale}`).toEqual([]);
    }
  });

  it("every amenity and need has a label", () => {
    const wanted = [...AMENITY_IDS.map((id) => `stations-amenity-${id}`), ...NEEDS.map((n) => n.labelKey)];
    for (const [locale, keys] of byLocale) {
      expect(wanted.filter((key) => !keys.has(key)), `missing in ${locale}`).toEqual([]);
    }
  });

  it("every fact has a question and every answer button a label", () => {
    const wanted = [...FACTS.values()].flatMap((spec) => [
      `facts-question-${spec.name}`,
      ...(spec.options ?? []).map((option) => `facts-option-${option.key}`),
    ]);
    expect(wanted.length).toBeGreaterThan(40);
    for (const [locale, keys] of byLocale) {
      expect(wanted.filter((key) => !keys.has(key)), `missing in ${locale}`).toEqual([]);
    }
  });
});
