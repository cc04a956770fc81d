/**
 * Why a programme fits or not, as data (`Reason`) and as a sentence in the member's language. The
 * framing comes from locales/<locale>/eligibility.ftl; what the catalogue says (labels, areas, period
 * texts) comes from its English fields where they exist, and the source sentence is always quoted as written.
 */
import { translate } from "../../i18n.js";
import type { FactValue } from "./answers.js";
import { FACTS } from "./facts.js";
import type { Locale } from "../../locale.js";

export type ReasonKind =
  | "region-ok"
  | "region-no"
  | "region-open"
  | "unstated"
  | "everyone"
  | "unknown"
  | "met"
  | "vague"
  | "undecidable"
  | "not-met"
  | "period-ok"
  | "period-open"
  | "no-conditions"
  | "ask-union"
  /** A status the union grants (建档困难职工) that the member does not have yet: ask the union to assess. */
  | "union-assess";

export interface Reason {
  kind: ReasonKind;
  /** The condition's label ("本市户籍"). */
  label?: string;
  /** The programme's area ("浙江省湖州市") and the member's place (region-no). */
  area?: string;
  where?: string;
  /** How the source words the area or the period, or what it leaves unstated. */
  text?: string | null;
  /** The source sentence quoted. */
  source?: string | null;
  /** Why a known answer cannot decide the condition (undecidable). */
  why?: string;
  /** The date checked against the period. */
  date?: string;
  /** The member's answer for the condition's fact. */
  fact?: string;
  value?: FactValue;
  /** English translations from the catalogue of `label`, `area` (the programme's area), `text` and `why`. */
  en?: { label?: string; area?: string; text?: string; why?: string };
}

/** Reasons that leave a programme open because of the source, not because of a missing answer. */
export const OPEN_BY_SOURCE: ReadonlySet<ReasonKind> = new Set(["unstated", "undecidable", "period-open", "vague", "union-assess"]);


const UNITS_EN: Record<string, string> = { 元: " yuan", 岁: " years" };

/** A member's answer as shown in a reason: 是/否, 4000元, 3000–5000元, 60岁以上. */
export function displayValue(fact: string, v: FactValue, locale: string = "zh-CN"): string {
  const en = locale === "en";
  const unitZh = FACTS.get(fact)?.unit ?? "";
  const unit = en ? (UNITS_EN[unitZh] ?? unitZh) : unitZh;
  if (typeof v === "boolean") return translate(locale, v ? "elig-value-yes" : "elig-value-no");
  if (typeof v === "number") return `${v}${unit}`;
  if (typeof v === "object") {
    if (v.min !== null && v.max !== null) return `${v.min}–${v.max}${unit}`;
    if (v.min !== null) return translate(locale, "elig-value-over", { value: `${v.min}${unit}` });
    return translate(locale, "elig-value-under", { value: `${v.max}${unit}` });
  }
  return v;
}

/**
 * One reason as a sentence. `short` leaves out the quoted source and the area's wording (the
 * help-finding summary lists several programmes at once).
 */
export function formatReason(reason: Reason, locale: string = "zh-CN", options: { short?: boolean } = {}): string {
  const lang: Locale = locale === "en" ? "en" : "zh-CN";
  const full = !options.short;
  // English-speaking members read the catalogue's translation where there is one; the source stays quoted as written.
  const en = lang === "en" ? (reason.en ?? {}) : {};
  const vars: Record<string, string> = {
    label: en.label ?? reason.label ?? "",
    area: en.area ?? reason.area ?? "",
    where: reason.where ?? "",
    text: en.text ?? reason.text ?? "",
    why: en.why ?? reason.why ?? "",
    date: reason.date ?? "",
    value: reason.fact !== undefined && reason.value !== undefined ? displayValue(reason.fact, reason.value, lang) : "",
    quote: full && reason.source ? translate(lang, "elig-quote", { source: reason.source }) : "",
    scope: full && (en.text ?? reason.text) ? translate(lang, "elig-scope", { text: (en.text ?? reason.text)! }) : "",
    only: full && reason.source ? translate(lang, "elig-only", { source: reason.source }) : "",
  };
  return translate(lang, `elig-${reason.kind}`, vars);
}
