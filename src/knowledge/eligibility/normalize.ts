/**
 * Brings a member's facts (from JSON, the bot, or remembered answers) into canonical form:
 * yes/no words to booleans, "4200元" to 4200, "外卖小哥" to 外卖配送员. null, "" and missing all mean
 * "not known". Unknown fact names and unreadable values are reported, never guessed.
 */
import { type FactValue, type NumberRange, isDontKnow, matchOption, parseAmount, parseDate, parseYesNo, todayIn } from "./answers.js";
import { FACTS, TEXT_IMPLIES } from "./facts.js";

export type Facts = Record<string, FactValue>;

export interface NormalizedFacts {
  facts: Facts;
  /** Human-readable notes about ignored input (unknown names, unreadable values). */
  warnings: string[];
}

function isRange(v: unknown): v is NumberRange {
  return !!v && typeof v === "object" && !Array.isArray(v) && ("min" in v || "max" in v);
}

export function normalizeFacts(input: Record<string, unknown>, today = todayIn()): NormalizedFacts {
  const facts: Facts = {};
  const warnings: string[] = [];
  for (const [name, raw] of Object.entries(input ?? {})) {
    if (raw === null || raw === undefined || (typeof raw === "string" && (raw.trim() === "" || isDontKnow(raw)))) continue;
    const spec = FACTS.get(name);
    if (!spec) {
      warnings.push(`unknown fact '${name}' ignored`);
      continue;
    }
    const bad = () => warnings.push(`fact '${name}': cannot read ${JSON.stringify(raw)} (example: ${JSON.stringify(spec.example)}); treated as not known`);
    switch (spec.type) {
      case "boolean": {
        const v = typeof raw === "boolean" ? raw : typeof raw === "number" ? raw !== 0 : typeof raw === "string" ? parseYesNo(raw) : undefined;
        if (v === undefined) bad();
        else facts[name] = v;
        break;
      }
      case "number": {
        let v: number | NumberRange | undefined;
        if (typeof raw === "number" && Number.isFinite(raw)) v = raw;
        else if (typeof raw === "string") v = parseAmount(raw);
        else if (isRange(raw)) {
          const r = raw as { min?: unknown; max?: unknown };
          const min = typeof r.min === "number" ? r.min : null;
          const max = typeof r.max === "number" ? r.max : null;
          if (min !== null || max !== null) v = { min, max };
        }
        if (v === undefined || (typeof v === "number" && v < 0)) bad();
        else facts[name] = v;
        break;
      }
      case "date": {
        const v = typeof raw === "string" ? parseDate(raw, today) : undefined;
        if (!v) bad();
        else facts[name] = v;
        break;
      }
      case "level": {
        if (typeof raw === "boolean") facts[name] = raw;
        else if (typeof raw === "string") {
          const option = spec.options ? matchOption(spec.options, raw) : undefined;
          if (option) facts[name] = option.value;
          else {
            const b = parseYesNo(raw);
            facts[name] = b ?? raw.trim();
          }
        } else bad();
        break;
      }
      case "string": {
        if (typeof raw !== "string" && typeof raw !== "number") {
          bad();
          break;
        }
        const s = String(raw).trim();
        const option = spec.options ? matchOption(spec.options, s) : undefined;
        facts[name] = option ? option.value : s;
        break;
      }
      case "place": {
        if (typeof raw !== "string") bad();
        else facts[name] = raw.trim();
        break;
      }
    }
  }
  applyImplications(input ?? {}, facts);
  return { facts, warnings };
}

/** Fills facts that an answer settles (occupation -> works_outdoors, "重度肢体" -> severe_disability). */
function applyImplications(input: Record<string, unknown>, facts: Facts): void {
  const implied: Facts = {};
  for (const rule of TEXT_IMPLIES) {
    const raw = input[rule.fact];
    if (typeof raw === "string" && rule.pattern.test(raw)) Object.assign(implied, rule.implies);
  }
  for (const [name, value] of Object.entries(facts)) {
    const option = FACTS.get(name)?.options?.find((o) => o.value === value);
    if (option?.implies) Object.assign(implied, option.implies);
  }
  for (const [name, value] of Object.entries(implied)) if (facts[name] === undefined) facts[name] = value;
  // A yes/no that settles other facts; settled facts may settle more (registered unemployed -> out of work -> ...).
  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (const [name, value] of Object.entries(facts)) {
      if (typeof value !== "boolean") continue;
      for (const rule of FACTS.get(name)?.settles ?? []) {
        if (rule.when !== value) continue;
        for (const [other, v] of Object.entries(rule.facts)) {
          if (facts[other] === undefined) {
            facts[other] = v;
            changed = true;
          }
        }
      }
    }
    if (!changed) break;
  }
}
