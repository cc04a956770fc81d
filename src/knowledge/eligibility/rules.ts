/**
 * Eligibility rules as data. A rule is a tree of `all`/`any` groups over conditions on facts
 * (see facts.ts for the fact names). Every condition carries the source sentence it comes from.
 *
 * YAML example (inside data/programmes/*.yaml):
 *
 *   eligibility:
 *     rule:
 *       all:
 *         - fact: hardship_registered
 *           op: truthy
 *           label: 工会建档困难职工家庭
 *           source: 困难职工家庭年度医疗支出除去医保报销之后,个人自费部分超过3000元的……
 *         - fact: self_paid_medical_yuan
 *           op: gt
 *           value: 3000
 *           source: ……
 *         - unstated: 原文没有列出哪些疾病属于"特殊疾病"
 */

export const OPERATORS = [
  "equals",
  "not_equals",
  "in",
  "not_in",
  /** String fact contains any of the listed words (e.g. disability "智力残疾" contains "智力"). */
  "includes_any",
  "gt",
  "gte",
  "lt",
  "lte",
  /** Inclusive range [min, max]; either end may be null. */
  "between",
  "truthy",
  "falsy",
  /** Fact `region` (composite of province/city/county): inside the given area. */
  "region_within",
  /** Fact `date`: inside [from, to] (YYYY-MM-DD, inclusive); either end may be null. */
  "date_between",
] as const;
export type Operator = (typeof OPERATORS)[number];

export interface Condition {
  fact: string;
  op: Operator;
  value?: unknown;
  /** Short Chinese description of what is required, e.g. "医保报销后个人自费超过3000元". */
  label?: string;
  /** The label in English, translated from `label` (shown to English-speaking members). */
  label_en?: string;
  /** `otherwise_reason` in English. */
  otherwise_reason_en?: string;
  /** Overrides the fact registry's question for this programme. */
  question?: string;
  /** The quoted source sentence this condition comes from. */
  source: string;
  /**
   * What a definite mismatch means. "fail" (default): not eligible. "unknown": the source's list is open
   * ("……等") or only describes one case, so a mismatch leaves the question open.
   */
  otherwise?: "fail" | "unknown";
  /** Why a mismatch stays open, quoted to the member (used with otherwise: unknown). */
  otherwise_reason?: string;
  /**
   * The condition is a status the union grants after assessing a family (建档困难职工, 临界困难). A member
   * who does not have it yet is not "not eligible": the union can assess them, so the verdict stays open
   * and the reply says how to ask. Only with op truthy on a yes/no fact.
   */
  granted_by_union?: boolean;
}

/** The source states no rule for something that matters: always unknown, with the reason. */
export interface Unstated {
  unstated: string;
  unstated_en?: string;
  source?: string;
  /** Facts this gap is about (informational; they are never asked because they cannot decide it). */
  about?: string[];
}

/** Open to everyone (within the programme's region and time), e.g. "向群众广泛征集". */
export interface Everyone {
  everyone: string;
  everyone_en?: string;
  source: string;
}

export interface AllGroup {
  all: Rule[];
  label?: string;
}

export interface AnyGroup {
  any: Rule[];
  label?: string;
}

export type Rule = Condition | Unstated | Everyone | AllGroup | AnyGroup;

export function isAll(rule: Rule): rule is AllGroup {
  return "all" in rule;
}
export function isAny(rule: Rule): rule is AnyGroup {
  return "any" in rule;
}
export function isUnstated(rule: Rule): rule is Unstated {
  return "unstated" in rule;
}
export function isEveryone(rule: Rule): rule is Everyone {
  return "everyone" in rule;
}
export function isCondition(rule: Rule): rule is Condition {
  return "fact" in rule;
}
