/**
 * Whether asking a fact can still change any verdict, given what is known: the fact is tried with each
 * answer a member could give (yes and no, every choice, amounts on both sides of every threshold the
 * rules use) and the question is worth asking only when some programme's verdict differs between two
 * answers. "您在小微企业工作吗?" after "I am out of work" is settled this way (out of work settles it),
 * as is any question whose programmes are already decided by other answers.
 */
import type { Programme } from "../catalogue/types.js";
import type { FactValue } from "./answers.js";
import { type EvaluateOptions, checkEligibility } from "./evaluate.js";
import { FACTS } from "./facts.js";
import { type Rule, isAll, isAny, isCondition } from "./rules.js";

/** Answers to try for a fact, or undefined when they cannot be listed (places, free text): always ask. */
export function trialAnswers(fact: string, programmes: readonly Programme[]): FactValue[] | undefined {
  const spec = FACTS.get(fact);
  if (!spec) return undefined;
  switch (spec.type) {
    case "boolean":
      return [true, false];
    case "level":
      return [false, true, ...(spec.options ?? []).map((o) => o.value)];
    case "string":
      return spec.options && !spec.open ? spec.options.map((o) => o.value) : undefined;
    case "number": {
      const bounds = new Set<number>();
      const walk = (rule: Rule): void => {
        if (isAll(rule)) rule.all.forEach(walk);
        else if (isAny(rule)) rule.any.forEach(walk);
        else if (isCondition(rule) && rule.fact === fact) {
          for (const v of [rule.value].flat()) if (typeof v === "number") bounds.add(v);
        }
      };
      for (const p of programmes) if (p.eligibility) walk(p.eligibility.rule);
      // A part of a derived fact (total, reimbursement) has no threshold of its own: always ask.
      if (bounds.size === 0) return undefined;
      return [0, ...[...bounds].flatMap((b) => [b - 1, b, b + 1])].filter((n) => n >= 0);
    }
    default:
      return undefined;
  }
}

/** Most other open facts combined with the asked one; beyond this the question is simply asked. */
const MAX_OTHER_FACTS = 3;

/**
 * True when some answer to `fact` gives some programme another verdict than another answer does, for
 * some answers to the programme's other open questions (an answer may matter only together with a later
 * one: "registered hardship family?" decides only once the amount is known).
 */
export function answerCanChange(programmes: readonly Programme[], facts: Record<string, unknown>, fact: string, options: EvaluateOptions = {}): boolean {
  const answers = trialAnswers(fact, programmes);
  if (!answers) return true;
  return programmes.some((p) => {
    const others = checkEligibility(p, facts, options).missing.filter((f) => f !== fact);
    if (others.length > MAX_OTHER_FACTS) return true;
    const otherAnswers = others.map((f) => trialAnswers(f, [p]));
    if (otherAnswers.some((a) => !a)) return true;
    for (const combination of combinations(others, otherAnswers as FactValue[][])) {
      const verdicts = new Set(answers.map((value) => checkEligibility(p, { ...facts, ...combination, [fact]: value }, options).verdict));
      if (verdicts.size > 1) return true;
    }
    return false;
  });
}

function* combinations(facts: string[], values: FactValue[][], index = 0, acc: Record<string, FactValue> = {}): Generator<Record<string, FactValue>> {
  if (index === facts.length) {
    yield { ...acc };
    return;
  }
  for (const v of values[index]!) {
    acc[facts[index]!] = v;
    yield* combinations(facts, values, index + 1, acc);
  }
  delete acc[facts[index]!];
}
