import type { Programme } from "../../../src/knowledge/catalogue/types.js";
import type { EligibilityResult } from "../../../src/knowledge/eligibility/index.js";
import { formatReason } from "../../../src/knowledge/eligibility/reasons.js";
import type { Rule } from "../../../src/knowledge/eligibility/rules.js";

/** A minimal programme around a rule, for evaluator tests. */
export function programmeWith(rule: Rule | null, extra: Partial<Programme> = {}): Programme {
  return {
    id: "t01",
    name: "测试项目",
    aliases: [],
    category: "other",
    provider: null,
    region: null,
    audience: null,
    description: "测试",
    benefits: ["测试"],
    how_to_apply: null,
    contact: null,
    period: null,
    status: "active",
    sources: [{ paper: null, date: null, issue: null, title: "测试", quote: null }],
    keywords: [],
    eligibility: rule ? { summary: null, rule } : null,
    en: null,
    file: "test.yaml",
    ...extra,
  };
}

export const region = (province: string | null, city: string | null = null, county: string | null = null) => ({
  province,
  city,
  county,
  locality: null,
  text: null,
});

/** The reasons of a result as the member reads them (zh-CN unless given). */
export function reasonTexts(result: EligibilityResult, locale?: string): string[] {
  return result.reasons.map((reason) => formatReason(reason, locale));
}
