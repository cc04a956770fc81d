/**
 * "按您说的：淮安，自费约4000多元" / "From what you said: Huai'an, about 4,000+ yuan paid yourself": the
 * facts taken from a member's own words, in one line they can check and correct. Wording per fact lives in
 * locales/<locale>/eligibility.ftl (elig-said-*).
 */
import { translate } from "../../i18n.js";
import type { FactValue, NumberRange } from "./answers.js";
import { FACTS } from "./facts.js";

const PLACE_FACTS = new Set(["province", "city", "county", "town", "village"]);
const WITH_CHINESE = new Set(["diagnosis", "hardship_cause"]);

function grouped(n: number, en: boolean): string {
  return en ? n.toLocaleString("en-US") : String(n);
}

/** An amount as a member would say it: 4200元, 约4000多元, 2000到4000元, 超过3000元 (and the English forms). */
export function spokenAmount(v: number | NumberRange, locale: string, unit = "元"): string {
  const en = locale === "en";
  const u = en ? (unit === "元" ? " yuan" : "") : unit;
  if (typeof v === "number") return `${grouped(v, en)}${u}`;
  const { min, max } = v;
  if (min !== null && max !== null) {
    const width = max - min + 2;
    // "四千多": 4001..4999 (one step of the spoken magnitude above a round number).
    if (/^10+$/.test(String(width)) && (min - 1) % width === 0 && min > 1) {
      return translate(locale, "elig-said-amount-plus", { value: `${grouped(min - 1, en)}`, unit: u });
    }
    // "4000左右" / "about 4000": ±10 % around a number.
    const middle = (min + max) / 2;
    if (Number.isInteger(middle) && max - middle === Math.round(middle * 0.1) && middle > 0) {
      return translate(locale, "elig-said-amount-about", { value: grouped(middle, en), unit: u });
    }
    if (min === 0) return translate(locale, "elig-said-amount-under", { value: grouped(max + 1, en), unit: u });
    return translate(locale, "elig-said-amount-range", { from: grouped(min, en), to: grouped(max, en), unit: u });
  }
  if (min !== null) return translate(locale, "elig-said-amount-over", { value: grouped(min, en), unit: u });
  return translate(locale, "elig-said-amount-under", { value: grouped(max ?? 0, en), unit: u });
}

/** One stated fact as a few words, or undefined when there is nothing worth repeating. */
export function saidFact(fact: string, value: FactValue, locale: string): string | undefined {
  const spec = FACTS.get(fact);
  if (!spec || PLACE_FACTS.has(fact)) return undefined;
  if (typeof value === "boolean") return translate(locale, `elig-said-${fact}-${value ? "yes" : "no"}`);
  if (spec.type === "number" && (typeof value === "number" || typeof value === "object")) {
    return translate(locale, `elig-said-${fact}`, { value: spokenAmount(value, locale, spec.unit) });
  }
  if (typeof value === "string") {
    const option = spec.options?.find((o) => o.value === value);
    if (locale !== "en") return option?.label ?? value;
    // An illness or a cause of hardship is what Chinese papers name: the English name, with the Chinese beside it.
    if (option && WITH_CHINESE.has(fact)) return translate(locale, "elig-said-value-with-chinese", { english: option.label_en, chinese: option.label });
    if (option) return option.label_en;
    // Typed in Chinese and not one of the listed values ("肺结核"): what kind of fact it is, in English.
    return /[\u3400-\u9fff]/.test(value) ? translate(locale, `elig-said-${fact}-unlisted`, { value }) : value;
  }
  return undefined;
}

/** The whole line, or undefined when nothing was stated. `place` is the place as the member named it. */
export function saidLine(facts: Record<string, FactValue>, locale: string, place?: string): string | undefined {
  const parts = [place, ...Object.entries(facts).map(([fact, value]) => saidFact(fact, value, locale))].filter((p): p is string => !!p);
  if (parts.length === 0) return undefined;
  return translate(locale, "elig-said", { facts: parts.join(translate(locale, "elig-said-separator")) });
}
