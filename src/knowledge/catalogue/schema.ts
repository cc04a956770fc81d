/**
 * Schema of one data/programmes/*.yaml file (zod), plus the checks zod cannot express
 * (fact names exist in the registry, each operator gets the kind of value it needs).
 */
import { z } from "zod";
import { FACTS, isKnownFact } from "../eligibility/facts.js";
import { OPERATORS, type Rule, isAll, isAny, isCondition } from "../eligibility/rules.js";
import { PROGRAMME_CATEGORIES, PROGRAMME_STATUSES } from "./types.js";

const text = z.string().trim().min(1, "must not be empty");
const nullableText = text.nullable().default(null);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "not a real date");
// YAML turns 2024-11-07 into a Date unless quoted; accept both.
const dateLike = z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), isoDate);

const conditionSchema = z.strictObject({
  fact: text,
  op: z.enum(OPERATORS),
  value: z.unknown().optional(),
  label: text.optional(),
  label_en: text.optional(),
  otherwise_reason_en: text.optional(),
  question: text.optional(),
  source: text,
  otherwise: z.enum(["fail", "unknown"]).optional(),
  otherwise_reason: text.optional(),
  granted_by_union: z.boolean().optional(),
});

const unstatedSchema = z.strictObject({
  unstated: text,
  unstated_en: text.optional(),
  source: text.optional(),
  about: z.array(text).optional(),
});

export const ruleSchema: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    conditionSchema,
    unstatedSchema,
    z.strictObject({ everyone: text, everyone_en: text.optional(), source: text }),
    z.strictObject({ all: z.array(ruleSchema).min(1, "a group needs at least one rule"), label: text.optional() }),
    z.strictObject({ any: z.array(ruleSchema).min(1, "a group needs at least one rule"), label: text.optional() }),
  ]),
) as z.ZodType<Rule>;

export const programmeFileSchema = z.strictObject({
  // Ids travel in Telegram button data (64 bytes with a prefix and a place code): keep them short.
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, "expected lower-case letters, digits and '-', e.g. p26 or ningbo-subsidy")
    .max(32, "expected at most 32 characters"),
  name: text,
  aliases: z.array(text).default([]),
  category: z.enum(PROGRAMME_CATEGORIES),
  provider: nullableText,
  region: z
    .strictObject({
      province: nullableText,
      city: nullableText,
      county: nullableText,
      locality: nullableText,
      text: nullableText,
    })
    .nullable()
    .default(null),
  audience: nullableText,
  description: text,
  benefits: z.array(text).min(1, "say what a member gets (in the source's words)"),
  how_to_apply: nullableText,
  contact: nullableText,
  period: z
    .strictObject({ valid_from: dateLike.nullable().default(null), valid_to: dateLike.nullable().default(null), text: nullableText })
    .nullable()
    .default(null),
  status: z.enum(PROGRAMME_STATUSES),
  sources: z
    .array(
      z.strictObject({
        paper: nullableText,
        date: dateLike.nullable().default(null),
        issue: z.preprocess((v) => (typeof v === "number" ? String(v) : v), text.nullable()).default(null),
        title: text,
        quote: nullableText,
      }),
    )
    .min(1, "every programme needs at least one source"),
  keywords: z.array(text).default([]),
  eligibility: z.strictObject({ summary: nullableText, rule: ruleSchema }).nullable().default(null),
  // The member-facing fields in English, translated from the Chinese ones (the sources stay Chinese).
  en: z
    .strictObject({
      name: text.optional(),
      provider: nullableText,
      region: nullableText,
      audience: nullableText,
      description: text.optional(),
      benefits: z.array(text).optional(),
      how_to_apply: nullableText,
      contact: nullableText,
      period: nullableText,
      eligibility_summary: nullableText,
    })
    .nullable()
    .default(null),
});

export type ProgrammeFile = z.infer<typeof programmeFileSchema>;

export interface RuleProblem {
  field: string;
  message: string;
}

const NUMERIC_OPS = new Set(["gt", "gte", "lt", "lte"]);

/** Checks zod cannot do: fact names, operator/value shapes, fact types. */
export function checkRule(rule: Rule, field: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const add = (sub: string, message: string) => problems.push({ field: `${field}${sub}`, message });
  if (isAll(rule) || isAny(rule)) {
    const key = isAll(rule) ? "all" : "any";
    const children = isAll(rule) ? rule.all : (rule as { any: Rule[] }).any;
    children.forEach((child, i) => problems.push(...checkRule(child, `${field}.${key}[${i}]`)));
    return problems;
  }
  if (!isCondition(rule)) return problems;
  if (!isKnownFact(rule.fact)) {
    add(".fact", `unknown fact '${rule.fact}' (known facts are listed in src/knowledge/eligibility/facts.ts)`);
    return problems;
  }
  const spec = FACTS.get(rule.fact);
  const v = rule.value;
  const op = rule.op;
  if (op === "region_within") {
    if (rule.fact !== "region") add(".fact", "region_within works on the fact 'region'");
    if (!v || typeof v !== "object" || Array.isArray(v)) add(".value", "expected {province, city, county}");
  } else if (rule.fact === "region") {
    add(".op", "the fact 'region' takes op region_within");
  } else if (op === "date_between") {
    if (spec?.type !== "date") add(".op", `date_between needs a date fact, '${rule.fact}' is ${spec?.type}`);
    if (!Array.isArray(v) || v.length !== 2 || v.some((d) => d !== null && !(typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d)) && !(d instanceof Date)))
      add(".value", "expected [from, to] as YYYY-MM-DD (or null for an open end)");
  } else if (NUMERIC_OPS.has(op)) {
    if (typeof v !== "number") add(".value", `${op} needs a number`);
    if (spec && spec.type !== "number") add(".op", `${op} needs a number fact, '${rule.fact}' is ${spec.type}`);
  } else if (op === "between") {
    if (!Array.isArray(v) || v.length !== 2 || v.some((n) => n !== null && typeof n !== "number"))
      add(".value", "expected [min, max] numbers (null for an open end)");
  } else if (op === "in" || op === "not_in" || op === "includes_any") {
    if (!Array.isArray(v) || v.length === 0) add(".value", `${op} needs a non-empty list`);
  } else if (op === "equals" || op === "not_equals") {
    if (v === undefined || v === null) add(".value", `${op} needs a value`);
  } else if (op === "truthy" || op === "falsy") {
    if (v !== undefined) add(".value", `${op} takes no value`);
  }
  if (rule.otherwise_reason && rule.otherwise !== "unknown") add(".otherwise_reason", "only used with otherwise: unknown");
  if (rule.otherwise === "unknown" && !rule.otherwise_reason) add(".otherwise_reason", "say why a mismatch stays open (quote the source)");
  if (rule.granted_by_union && (op !== "truthy" || spec?.type !== "boolean"))
    add(".granted_by_union", `a status the union grants is a yes/no fact with op truthy, got '${rule.fact}' (${spec?.type ?? "unknown"}) with op ${op}`);
  return problems;
}
