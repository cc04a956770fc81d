/**
 * One condition against one fact value, three-valued: true, false, or null (the value is too vague
 * to decide, e.g. a range straddling the bound). Also reads derived facts.
 */
import type { FactValue, NumberRange } from "./answers.js";
import { FACTS } from "./facts.js";
import type { Facts } from "./normalize.js";
import { samePlace } from "./region.js";
import type { Condition } from "./rules.js";

export type Tri = boolean | null;

export function questionFor(fact: string, override?: string): string {
  return override ?? FACTS.get(fact)?.question ?? fact;
}

export function defaultLabel(c: Condition): string {
  const v = Array.isArray(c.value) ? c.value.join("、") : c.value === undefined ? "" : String(c.value);
  const ops: Record<string, string> = { gt: "超过", gte: "不少于", lt: "少于", lte: "不超过", equals: "为", in: "属于", includes_any: "属于", truthy: "", falsy: "不", not_equals: "不为", not_in: "不属于", between: "在" };
  return `${c.fact}${ops[c.op] ?? c.op}${v}`;
}

/** Derived facts: self-paid medical cost = total − insurance reimbursement. */
export function factValue(facts: Facts, name: string): FactValue | undefined {
  const v = facts[name];
  if (v !== undefined) return v;
  if (name === "self_paid_medical_yuan") {
    const total = facts.medical_total_yuan;
    const paid = facts.insurance_reimbursed_yuan;
    const lo = (x: FactValue | undefined) => (typeof x === "number" ? x : typeof x === "object" ? x.min : null);
    const hi = (x: FactValue | undefined) => (typeof x === "number" ? x : typeof x === "object" ? x.max : null);
    if (total !== undefined && paid !== undefined) {
      if (typeof total === "number" && typeof paid === "number") return Math.max(0, total - paid);
      const tl = lo(total), th = hi(total), pl = lo(paid), ph = hi(paid);
      return { min: tl !== null && ph !== null ? Math.max(0, tl - ph) : 0, max: th !== null && pl !== null ? th - pl : th };
    }
    // Only the total: self-paid is somewhere between 0 and the total.
    if (total !== undefined && hi(total) !== null) return { min: 0, max: hi(total) };
  }
  return undefined;
}

function bounds(v: FactValue): NumberRange | undefined {
  if (typeof v === "number") return { min: v, max: v };
  if (typeof v === "object") return v;
  return undefined;
}

/** Compares a number (or a range of possible numbers) against a bound. */
function compare(v: FactValue, op: string, target: number): Tri {
  const b = bounds(v);
  if (!b) return null;
  const lo = b.min ?? -Infinity;
  const hi = b.max ?? Infinity;
  const test = (x: number) => (op === "gt" ? x > target : op === "gte" ? x >= target : op === "lt" ? x < target : x <= target);
  const a = test(lo);
  const z = test(hi);
  return a === z ? a : null;
}

function sameValue(fact: string, v: FactValue, target: unknown): boolean {
  if (typeof v === "string" && typeof target === "string") {
    if (FACTS.get(fact)?.type === "place") return samePlace(v, target);
    return v.replace(/\s+/g, "") === target.replace(/\s+/g, "");
  }
  return v === target;
}

/** Tests one condition against a known value. null: the value is too vague to decide. */
export function testCondition(c: Condition, v: FactValue): Tri {
  const spec = FACTS.get(c.fact);
  // `true` for a level fact means "yes, but which kind is not known".
  const vague = spec?.type === "level" && v === true;
  switch (c.op) {
    case "truthy":
    case "falsy": {
      let t: Tri;
      if (typeof v === "boolean") t = v;
      // A level answer the registry does not know ("多重") says nothing sure about the condition.
      else if (typeof v === "string") t = spec?.type === "level" && !spec.options?.some((o) => o.value === v) ? null : v.length > 0;
      else t = compare(v, "gt", 0);
      return t === null ? null : c.op === "truthy" ? t : !t;
    }
    case "equals":
    case "not_equals": {
      if (vague && typeof c.value === "string") return null;
      let t: Tri;
      if (typeof v === "object") t = compare(v, "gte", Number(c.value)) === false || compare(v, "lte", Number(c.value)) === false ? false : null;
      else t = sameValue(c.fact, v, c.value);
      return t === null ? null : c.op === "equals" ? t : !t;
    }
    case "in":
    case "not_in": {
      if (vague) return null;
      const list = (c.value as unknown[]) ?? [];
      const t = list.some((x) => sameValue(c.fact, v, x));
      return c.op === "in" ? t : !t;
    }
    case "includes_any": {
      if (vague) return null;
      if (v === false) return false;
      if (typeof v !== "string") return null;
      return (c.value as string[]).some((w) => v.includes(w));
    }
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return compare(v, c.op, Number(c.value));
    case "between": {
      const [lo, hi] = c.value as [number | null, number | null];
      const a = lo === null ? true : compare(v, "gte", lo);
      const b = hi === null ? true : compare(v, "lte", hi);
      return and([a, b]);
    }
    case "date_between": {
      if (typeof v !== "string") return null;
      const [from, to] = c.value as [string | null, string | null];
      return (from === null || v >= from) && (to === null || v <= to);
    }
    case "region_within":
      return null; // handled by evaluateRegion
  }
}

export function and(values: Tri[]): Tri {
  if (values.some((v) => v === false)) return false;
  return values.every((v) => v === true) ? true : null;
}

