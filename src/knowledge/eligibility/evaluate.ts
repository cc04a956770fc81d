/**
 * The eligibility evaluator: three-valued (Kleene) logic over a programme's rules.
 * true = the known facts satisfy it, false = they rule it out, null = not decided yet.
 * A missing fact is never counted as passed or failed; a gap in the source ("unstated") is always null.
 * The programme's region and period are checked first, as implicit conditions.
 */
import type { Programme } from "../catalogue/types.js";
import { todayIn } from "./answers.js";
import { type Tri, defaultLabel, factValue, questionFor, testCondition } from "./conditions.js";
import { FACTS } from "./facts.js";
import { type Facts, normalizeFacts } from "./normalize.js";
import type { Reason } from "./reasons.js";
import { type PlaceResolver, type RegionChain, regionWithin, samePlace } from "./region.js";
import { type Condition, type Rule, isAll, isAny, isEveryone, isUnstated } from "./rules.js";

export type Verdict = "eligible" | "not_eligible" | "unknown";

export interface EvaluateOptions {
  /** YYYY-MM-DD used when the facts carry no `date` (default: today in Asia/Shanghai). */
  today?: string;
  /** Place resolver (the gazetteer); a suffix-stripping comparison is used without it. */
  resolvePlace?: PlaceResolver;
}

export interface EligibilityResult {
  programme: { id: string; name: string };
  verdict: Verdict;
  /** Which conditions passed, failed or are open, with the source they come from; worded by formatReason. */
  reasons: Reason[];
  /** Facts still needed that can change the verdict (canonical names), best first. */
  missing: string[];
  /** The question for missing[0], or null when nothing more can be asked. */
  next_question: string | null;
  /** The fact next_question asks for. */
  next_fact: string | null;
  /** Facts input that was ignored (unknown names, unreadable values). */
  warnings: string[];
}

interface Outcome {
  value: Tri;
  reasons: Reason[];
  /** Facts whose answer could change this outcome, with the question to ask. */
  asks: { fact: string; question: string }[];
}

function uniqueAsks(list: Outcome["asks"]): Outcome["asks"] {
  const seen = new Set<string>();
  return list.filter((a) => (seen.has(a.fact) ? false : (seen.add(a.fact), true)));
}

interface Context {
  facts: Facts;
  date: string;
  resolvePlace?: PlaceResolver;
}

function memberChain(facts: Facts): RegionChain {
  const s = (k: string) => (typeof facts[k] === "string" ? (facts[k] as string) : null);
  return { province: s("province"), city: s("city"), county: s("county") };
}

function areaName(area: RegionChain): string {
  return [area.province, area.city, area.county].filter(Boolean).join("");
}

function evaluateRegion(area: RegionChain, text: string | null, ctx: Context, question?: string, areaEn?: string | null): Outcome {
  const name = areaName(area);
  // In English the catalogue's translated area stands for both the divisions and the source's wording.
  const en = areaEn ? { area: areaEn, text: "" } : undefined;
  const outcome = regionWithin(memberChain(ctx.facts), area, ctx.resolvePlace);
  if (outcome.result === true) return { value: true, reasons: [{ kind: "region-ok", area: name, text, en }], asks: [] };
  if (outcome.result === false) {
    const given = memberChain(ctx.facts);
    const typed = given.county ?? given.city ?? given.province ?? outcome.member;
    const where = samePlace(typed, outcome.member) ? typed : `${typed}(${outcome.member})`;
    return { value: false, reasons: [{ kind: "region-no", where, area: name, text, en }], asks: [] };
  }
  return {
    value: null,
    reasons: [{ kind: "region-open", area: name, text, en }],
    asks: [{ fact: outcome.ask, question: question ?? questionFor(outcome.ask) }],
  };
}

function evaluateRule(rule: Rule, ctx: Context): Outcome {
  if (isAll(rule) || isAny(rule)) {
    const children = (isAll(rule) ? rule.all : rule.any).map((r) => evaluateRule(r, ctx));
    const decisive = isAll(rule) ? false : true;
    const hit = children.filter((c) => c.value === decisive);
    if (hit.length > 0) {
      // Decided: cite the children that decided it (all failing ones for `all`, the first passing one for `any`).
      return { value: decisive, reasons: (isAll(rule) ? hit : hit.slice(0, 1)).flatMap((c) => c.reasons), asks: [] };
    }
    const open = children.filter((c) => c.value === null);
    if (open.length > 0) {
      return { value: null, reasons: children.flatMap((c) => c.reasons), asks: uniqueAsks(open.flatMap((c) => c.asks)) };
    }
    return { value: !decisive, reasons: children.flatMap((c) => c.reasons), asks: [] };
  }
  if (isUnstated(rule)) {
    return { value: null, reasons: [{ kind: "unstated", text: rule.unstated, source: rule.source, en: { text: rule.unstated_en } }], asks: [] };
  }
  if (isEveryone(rule)) return { value: true, reasons: [{ kind: "everyone", label: rule.everyone, source: rule.source, en: { label: rule.everyone_en } }], asks: [] };
  const c = rule as Condition;
  const label = c.label ?? defaultLabel(c);
  if (c.op === "region_within") {
    const v = c.value as Partial<RegionChain>;
    return evaluateRegion({ province: v.province ?? null, city: v.city ?? null, county: v.county ?? null }, c.source, ctx, c.question);
  }
  const v = c.fact === "date" ? ctx.date : factValue(ctx.facts, c.fact);
  if (v === undefined) {
    return { value: null, reasons: [{ kind: "unknown", label, source: c.source, en: { label: c.label_en } }], asks: [askFor(c, ctx.facts)] };
  }
  const answered = { label, fact: c.fact, value: v, source: c.source, en: { label: c.label_en, why: c.otherwise_reason_en } };
  const t = testCondition(c, v);
  if (t === true) return { value: true, reasons: [{ kind: "met", ...answered }], asks: [] };
  if (t === null) {
    // Known but too vague (a range straddling the bound, "yes" without the level): ask again.
    return { value: null, reasons: [{ kind: "vague", ...answered }], asks: [askFor(c, ctx.facts)] };
  }
  if (c.granted_by_union) {
    // Not granted yet is not "not eligible": the union assesses families and grants the status.
    return { value: null, reasons: [{ kind: "union-assess", ...answered }], asks: [] };
  }
  if (c.otherwise === "unknown") {
    return { value: null, reasons: [{ kind: "undecidable", ...answered, why: c.otherwise_reason }], asks: [] };
  }
  return { value: false, reasons: [{ kind: "not-met", ...answered }], asks: [] };
}

/** What to ask for a condition: the fact itself, or the missing part of a derived fact the member half gave. */
function askFor(c: Condition, facts: Facts): Outcome["asks"][number] {
  const parts = FACTS.get(c.fact)?.derivedFrom;
  if (parts && facts[c.fact] === undefined) {
    const known = parts.filter((p) => facts[p] !== undefined);
    const missing = parts.filter((p) => facts[p] === undefined);
    if (known.length > 0 && missing.length > 0) return { fact: missing[0]!, question: questionFor(missing[0]!) };
  }
  return { fact: c.fact, question: questionFor(c.fact, c.question) };
}

function evaluatePeriod(p: Programme, ctx: Context): Outcome | undefined {
  const period = p.period;
  if (!period || (!period.valid_from && !period.valid_to)) return undefined;
  const inside = (!period.valid_from || ctx.date >= period.valid_from) && (!period.valid_to || ctx.date <= period.valid_to);
  const text = period.text ?? [period.valid_from, period.valid_to].filter(Boolean).join("至");
  const en = { text: p.en?.period ?? undefined };
  if (inside) return { value: true, reasons: [{ kind: "period-ok", date: ctx.date, text, en }], asks: [] };
  // Outside the time the source describes: the source does not say what happens then.
  return { value: null, reasons: [{ kind: "period-open", date: ctx.date, text, en }], asks: [] };
}

/** Evaluates one programme for already normalized facts. */
export function evaluateProgramme(programme: Programme, facts: Facts, options: EvaluateOptions = {}): EligibilityResult {
  const date = typeof facts.date === "string" ? facts.date : (options.today ?? todayIn());
  const ctx: Context = { facts, date, resolvePlace: options.resolvePlace };
  const parts: Outcome[] = [];
  const r = programme.region;
  if (r && (r.province || r.city || r.county)) parts.push(evaluateRegion({ province: r.province, city: r.city, county: r.county }, r.text, ctx, undefined, programme.en?.region));
  const period = evaluatePeriod(programme, ctx);
  if (period) parts.push(period);
  if (programme.eligibility) parts.push(evaluateRule(programme.eligibility.rule, ctx));
  else parts.push({ value: null, reasons: [{ kind: "no-conditions" }], asks: [] });

  let outcome: Outcome;
  const failed = parts.filter((p) => p.value === false);
  if (failed.length > 0) outcome = { value: false, reasons: failed.flatMap((p) => p.reasons), asks: [] };
  else if (parts.some((p) => p.value === null)) {
    outcome = { value: null, reasons: parts.flatMap((p) => p.reasons), asks: uniqueAsks(parts.flatMap((p) => p.asks)) };
  } else outcome = { value: true, reasons: parts.flatMap((p) => p.reasons), asks: [] };

  const verdict: Verdict = outcome.value === true ? "eligible" : outcome.value === false ? "not_eligible" : "unknown";
  // Ask non-sensitive facts first: a "no" there may make the sensitive question unnecessary.
  const asks = [...outcome.asks].sort((a, b) => Number(FACTS.get(a.fact)?.sensitive ?? false) - Number(FACTS.get(b.fact)?.sensitive ?? false));
  if (verdict === "unknown" && asks.length === 0 && !outcome.reasons.some((x) => x.kind === "union-assess")) {
    outcome.reasons.push({ kind: "ask-union" });
  }
  return {
    programme: { id: programme.id, name: programme.name },
    verdict,
    reasons: outcome.reasons,
    missing: asks.map((a) => a.fact),
    next_question: asks[0]?.question ?? null,
    next_fact: asks[0]?.fact ?? null,
    warnings: [],
  };
}

/** Normalizes raw facts (JSON or typed answers) and evaluates one programme. */
export function checkEligibility(programme: Programme, rawFacts: Record<string, unknown>, options: EvaluateOptions = {}): EligibilityResult {
  const today = options.today ?? todayIn();
  const { facts, warnings } = normalizeFacts(rawFacts, today);
  const result = evaluateProgramme(programme, facts, { ...options, today });
  result.warnings = warnings;
  return result;
}

/**
 * The next question across several programmes (the help-finding conversation): the missing fact that
 * the most still-open programmes need, non-sensitive first.
 */
export function nextQuestionAcross(results: EligibilityResult[]): { fact: string; question: string; programmes: string[] } | null {
  const counts = new Map<string, { question: string; programmes: string[]; firstRank: number }>();
  for (const r of results) {
    if (r.verdict !== "unknown") continue;
    r.missing.forEach((fact, rank) => {
      const entry = counts.get(fact) ?? { question: rank === 0 && r.next_question ? r.next_question : questionFor(fact), programmes: [], firstRank: rank };
      entry.programmes.push(r.programme.id);
      entry.firstRank = Math.min(entry.firstRank, rank);
      counts.set(fact, entry);
    });
  }
  const best = [...counts.entries()].sort(([fa, a], [fb, b]) => {
    const sa = Number(FACTS.get(fa)?.sensitive ?? false);
    const sb = Number(FACTS.get(fb)?.sensitive ?? false);
    return sa - sb || b.programmes.length - a.programmes.length || a.firstRank - b.firstRank;
  })[0];
  return best ? { fact: best[0], question: best[1].question, programmes: best[1].programmes } : null;
}

