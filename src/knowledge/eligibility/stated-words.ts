/**
 * The words members use to state facts (data/dict/stated-facts.yaml), compiled to regular expressions once
 * per process. A broken file stops with the file and the field, like the catalogue's validation.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import { FACTS } from "./facts.js";

export const DEFAULT_STATED_WORDS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../data/dict/stated-facts.yaml");

export interface StatedWords {
  hedges: RegExp;
  asksBefore: RegExp;
  /** Right after the fact's words: "困难户吗". */
  asksAfter: RegExp;
  /** A Chinese negation ending the text before the fact's words (at most 6 characters in between, captured). */
  negationBefore: RegExp;
  /** An English negation anywhere in the text before the fact's words (the rest of the clause). */
  negationInClause: RegExp;
  /** Words that look like a negation and are not ("不仅", "not only"): masked before looking for one. */
  notNegations: RegExp;
  /** Words after which an earlier negation no longer applies ("但是", "but", "and I"). */
  contrasts: RegExp;
  /** A disability whose kind is not said ("残疾", "disabled"). */
  disabilityUnspecified: RegExp;
  /** Global (g) patterns are for matchAll only, which matches with a copy and leaves their lastIndex at 0. */
  facts: { fact: string; pattern: RegExp; aboutSelf: boolean }[];
  /** fact -> value -> words. */
  values: { fact: string; value: string; pattern: RegExp }[];
  severe: RegExp;
  notSevere: RegExp;
  certificate: RegExp;
  /**
   * A yes/no fact whose words also match inside another's ("困难家庭" in "临界困难家庭"): when `fact` is read
   * and `words` are said, `over` is dropped unless `unless` says it outright.
   */
  moreSpecific: { fact: string; over: string; words: RegExp; unless: RegExp }[];
}

/** A Chinese character (CJK unified ideographs and extension A). */
export const CHINESE = /[\u3400-\u9fff]/;

export class StatedWordsError extends Error {}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** An English word or phrase matches only as whole words: no letter right before or after it. */
function wholeWord(word: string, source: string): string {
  return `${/^[a-z]/i.test(word) ? "(?<![a-z])" : ""}${source}${/[a-z]$/i.test(word) ? "(?![a-z])" : ""}`;
}

/** One alternation: words longest first; ASCII words only as whole words ("rider" is not in "provider"). */
function alternation(file: string, field: string, words: unknown, patterns?: unknown): string {
  const list = (v: unknown, name: string): string[] => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((w) => typeof w !== "string" || w.trim() === "")) {
      throw new StatedWordsError(`${file}: ${field}.${name}: must be a list of words`);
    }
    return v as string[];
  };
  const parts = list(words, "words")
    .sort((a, b) => b.length - a.length)
    .map((w) => (/^[\x20-\x7e]+$/.test(w) ? wholeWord(w, escape(w).replace(/ /g, "\\s+")) : escape(w)));
  for (const [i, p] of list(patterns, "patterns").entries()) {
    try {
      new RegExp(p, "i");
    } catch (error) {
      throw new StatedWordsError(`${file}: ${field}.patterns[${i}]: not a regular expression (${(error as Error).message})`);
    }
    parts.push(/^[\x20-\x7e]+$/.test(p) ? `(?<![a-z])(?:${p})(?![a-z])` : `(?:${p})`);
  }
  if (parts.length === 0) throw new StatedWordsError(`${file}: ${field}: no words`);
  return parts.join("|");
}

/** Like alternation(), for a list the file may leave out: then it never matches. */
function optional(file: string, field: string, words: unknown, patterns?: unknown): string {
  return words === undefined && patterns === undefined ? "(?!)" : alternation(file, field, words, patterns);
}

export function parseStatedWords(file: string, text: string): StatedWords {
  let raw: Record<string, any>;
  try {
    raw = YAML.parse(text) as Record<string, any>;
  } catch (error) {
    throw new StatedWordsError(`${file}: not valid YAML (${(error as Error).message})`);
  }
  if (!raw || typeof raw !== "object") throw new StatedWordsError(`${file}: empty`);
  const re = (source: string, flags = "i") => new RegExp(source, flags);
  const facts: StatedWords["facts"] = [];
  for (const [fact, spec] of Object.entries<Record<string, unknown>>(raw.facts ?? {})) {
    if (FACTS.get(fact)?.type !== "boolean") throw new StatedWordsError(`${file}: facts.${fact}: not a yes/no fact of src/knowledge/eligibility/facts.ts`);
    facts.push({ fact, pattern: re(alternation(file, `facts.${fact}`, spec?.words, spec?.patterns), "gi"), aboutSelf: spec?.about_self === true });
  }
  const values: StatedWords["values"] = [];
  for (const [fact, byValue] of Object.entries<Record<string, unknown>>(raw.values ?? {})) {
    if (!FACTS.has(fact)) throw new StatedWordsError(`${file}: values.${fact}: unknown fact`);
    // A list of words, or {words, patterns} for words that need a guard ("大病" but not "大病保险").
    for (const [value, spec] of Object.entries<unknown>(byValue ?? {})) {
      const { words, patterns } = Array.isArray(spec) ? { words: spec, patterns: undefined } : ((spec ?? {}) as { words?: unknown; patterns?: unknown });
      values.push({ fact, value, pattern: re(alternation(file, `values.${fact}.${value}`, words, patterns), "gi") });
    }
  }
  const moreSpecific: StatedWords["moreSpecific"] = [];
  for (const [fact, spec] of Object.entries<Record<string, unknown>>(raw.more_specific ?? {})) {
    const over = spec?.over;
    if (FACTS.get(fact)?.type !== "boolean") throw new StatedWordsError(`${file}: more_specific.${fact}: not a yes/no fact of src/knowledge/eligibility/facts.ts`);
    if (typeof over !== "string" || FACTS.get(over)?.type !== "boolean") throw new StatedWordsError(`${file}: more_specific.${fact}.over: not a yes/no fact of src/knowledge/eligibility/facts.ts`);
    moreSpecific.push({ fact, over, words: re(alternation(file, `more_specific.${fact}`, spec?.words)), unless: re(optional(file, `more_specific.${fact}.unless`, spec?.unless)) });
  }
  // A plain list is the negation words alone.
  const negations = Array.isArray(raw.negations) ? { words: raw.negations } : (raw.negations ?? {});
  const negationWords = Array.isArray(negations.words) ? (negations.words as unknown[]) : [];
  const isChinese = (w: unknown) => typeof w === "string" && CHINESE.test(w);
  alternation(file, "negations", negationWords, negations.patterns);
  // Either language may have none: a pattern that never matches stands in.
  const chinese = negationWords.filter(isChinese);
  const english = negationWords.filter((w) => !isChinese(w));
  const chineseNegation = chinese.length > 0 ? alternation(file, "negations", chinese) : "(?!)";
  const englishNegation = english.length > 0 || negations.patterns ? alternation(file, "negations", english, negations.patterns) : "(?!)";
  return {
    hedges: re(alternation(file, "hedges", raw.hedges?.words)),
    asksBefore: re(alternation(file, "asks.before", raw.asks?.before)),
    asksAfter: re(`^\\s*[^\\s,，。.;；!！?？]{0,2}(?:${alternation(file, "asks.after", raw.asks?.after, raw.asks?.after_patterns)})`),
    negationBefore: re(`(?:${chineseNegation})([^,，。.;；!！?？]{0,6})$`),
    negationInClause: re(`(?:${englishNegation})`),
    notNegations: re(optional(file, "negations.not_negations", negations.not_negations), "gi"),
    contrasts: re(optional(file, "contrasts", raw.contrasts?.words, raw.contrasts?.patterns), "gi"),
    disabilityUnspecified: re(optional(file, "disability_unspecified", raw.disability_unspecified), "gi"),
    facts,
    moreSpecific,
    values,
    severe: re(alternation(file, "disability_severity.severe", raw.disability_severity?.severe)),
    notSevere: re(alternation(file, "disability_severity.not_severe", raw.disability_severity?.not_severe)),
    // Only its first naming is read (exec): no g, so no lastIndex carried from one message to the next.
    certificate: re(alternation(file, "certificate", raw.certificate?.words)),
  };
}

let cached: StatedWords | undefined;

/** The words of data/dict/stated-facts.yaml, read once. */
export function statedWords(): StatedWords {
  if (!cached) cached = parseStatedWords(DEFAULT_STATED_WORDS_FILE, fs.readFileSync(DEFAULT_STATED_WORDS_FILE, "utf8").replace(/^\uFEFF/, ""));
  return cached;
}
