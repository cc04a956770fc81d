/**
 * English versions of a programme's member-facing fields. The catalogue is written in Chinese from
 * Chinese sources; the English fields are translations kept beside them. A field without its English
 * translation falls back to the Chinese text, flagged so the reply can say it is only available in
 * Chinese; `englishGaps` lists those fields so an operator sees them when the catalogue is checked.
 */
import { isAll, isAny, isCondition, isEveryone, isUnstated, type Rule } from "../eligibility/rules.js";
import type { CatalogueProblem, Programme, ProgrammeEnglish } from "./types.js";

/** A text in the member's language, or the Chinese text when no translation exists (`chineseOnly`). */
export interface ShownText {
  text: string;
  chineseOnly: boolean;
}

export interface ProgrammeText {
  name: ShownText;
  provider: ShownText | null;
  region: ShownText | null;
  audience: ShownText | null;
  description: ShownText;
  benefits: ShownText[];
  howToApply: ShownText | null;
  contact: ShownText | null;
  period: ShownText | null;
  summary: ShownText | null;
}

function pick(zh: string | null | undefined, en: string | null | undefined, english: boolean): ShownText | null {
  if (!zh || !zh.trim()) return null;
  if (!english) return { text: zh.trim(), chineseOnly: false };
  return en && en.trim() ? { text: en.trim(), chineseOnly: false } : { text: zh.trim(), chineseOnly: true };
}

/** The area as the catalogue names it: the divisions joined ("浙江省绍兴市"), else the source's words. */
export function regionChinese(p: Programme): string | null {
  if (!p.region) return null;
  const parts = [p.region.province, p.region.city, p.region.county, p.region.locality].filter(Boolean).join("");
  return parts || p.region.text;
}

/** The programme's member-facing texts for a locale ("en": English where translated). */
export function programmeText(p: Programme, locale: string): ProgrammeText {
  const english = locale === "en";
  const en: Partial<ProgrammeEnglish> = p.en ?? {};
  return {
    name: pick(p.name, en.name, english)!,
    provider: pick(p.provider, en.provider, english),
    region: pick(regionChinese(p), en.region, english),
    audience: pick(p.audience, en.audience, english),
    description: pick(p.description, en.description, english)!,
    benefits: p.benefits.map((b, i) => pick(b, en.benefits?.[i], english)!),
    howToApply: pick(p.how_to_apply, en.how_to_apply, english),
    contact: pick(p.contact, en.contact, english),
    period: pick(p.period?.text, en.period, english),
    summary: pick(p.eligibility?.summary, en.eligibility_summary, english),
  };
}

/** The programme's name for a locale (English when translated, else the Chinese name). */
export function programmeName(p: Programme, locale: string): string {
  return locale === "en" && p.en?.name ? p.en.name : p.name;
}

/**
 * Every Chinese field a member reads that has no English translation, and every English field that
 * translates nothing (its Chinese field is empty), as "file: field: message" problems.
 */
export function englishGaps(p: Programme): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const add = (field: string, message: string) => problems.push({ file: p.file, field, message });
  const missing = (zhField: string) => `missing English translation of ${zhField}`;
  const en = p.en;
  if (!en) {
    add("en", "missing: the English fields (en: name, description, benefits, ...) are not written yet");
  } else {
    const pairs: Array<[string, string | null | undefined, string | null | undefined]> = [
      ["name", p.name, en.name],
      ["provider", p.provider, en.provider],
      ["region", regionChinese(p), en.region],
      ["audience", p.audience, en.audience],
      ["description", p.description, en.description],
      ["how_to_apply", p.how_to_apply, en.how_to_apply],
      ["contact", p.contact, en.contact],
      ["period", p.period?.text, en.period],
      ["eligibility_summary", p.eligibility?.summary, en.eligibility_summary],
    ];
    const zhName: Record<string, string> = { region: "region", period: "period.text", eligibility_summary: "eligibility.summary" };
    for (const [field, zh, english] of pairs) {
      if (zh && !english) add(`en.${field}`, missing(zhName[field] ?? field));
      if (!zh && english) add(`en.${field}`, `translates nothing: ${zhName[field] ?? field} is empty (write null)`);
    }
    const benefits = en.benefits ?? [];
    p.benefits.forEach((_, i) => {
      if (!benefits[i]) add(`en.benefits[${i}]`, missing(`benefits[${i}]`));
    });
    if (benefits.length > p.benefits.length) add(`en.benefits`, `has ${benefits.length} entries, benefits has ${p.benefits.length}: one translation per benefit, in the same order`);
  }
  if (p.eligibility) ruleGaps(p.eligibility.rule, "eligibility.rule", add);
  return problems;
}

function ruleGaps(rule: Rule, field: string, add: (field: string, message: string) => void): void {
  if (isAll(rule) || isAny(rule)) {
    const key = isAll(rule) ? "all" : "any";
    (isAll(rule) ? rule.all : rule.any).forEach((child, i) => ruleGaps(child, `${field}.${key}[${i}]`, add));
    return;
  }
  if (isUnstated(rule)) {
    if (!rule.unstated_en) add(`${field}.unstated_en`, "missing English translation of unstated");
    return;
  }
  if (isEveryone(rule)) {
    if (!rule.everyone_en) add(`${field}.everyone_en`, "missing English translation of everyone");
    return;
  }
  if (isCondition(rule)) {
    if (rule.label && !rule.label_en) add(`${field}.label_en`, "missing English translation of label");
    if (rule.otherwise_reason && !rule.otherwise_reason_en) add(`${field}.otherwise_reason_en`, "missing English translation of otherwise_reason");
  }
}
