/**
 * Snippets and answer sentences around the matched words, built on characters (FlexSearch's highlighter
 * splits on spaces, which Chinese does not have).
 */
import { normalizeText } from "../text/normalize.js";
import type { WeightedTerm } from "../text/analyze.js";

export function splitSentences(text: string): string[] {
  return sentenceUnits(text).map((u) => u.text);
}

export interface SentenceUnit {
  text: string;
  /** The sentence ends a printed line (a paragraph, or a section heading such as 更高目标更高要求). */
  lineEnd: boolean;
}

/** Sentences with where the lines broke, so text rebuilt from them keeps headings on their own line. */
export function sentenceUnits(text: string): SentenceUnit[] {
  const units: SentenceUnit[] = [];
  for (const line of text.split(/\n+/)) {
    const parts = line
      .split(/(?<=[。！？!?；;])/)
      .map((s) => s.trim())
      .filter(Boolean);
    parts.forEach((part, i) => units.push({ text: part, lineEnd: i === parts.length - 1 }));
  }
  return units;
}

/**
 * Rebuilds text from consecutive sentences: a line break where the source broke the line (a paragraph, a
 * section heading such as "提哪里、改什么?", a programme's "对象：…" line), "；" between unpunctuated parts of
 * one line, nothing after closing punctuation.
 */
export function joinSentences(units: readonly SentenceUnit[]): string {
  return units
    .map((u, i) => {
      if (i === units.length - 1) return u.text;
      if (u.lineEnd) return `${u.text}\n`;
      return /[。！？!?；;：:…]$/.test(u.text) ? u.text : `${u.text}；`;
    })
    .join("");
}

/** Sum of the weights of distinct terms found in the normalised text (terms are normalised too). */
function termScore(norm: string, terms: readonly WeightedTerm[]): number {
  let score = 0;
  for (const t of terms) if (t.term.length > 1 && norm.includes(t.term)) score += t.weight;
  return score;
}

/**
 * A window of consecutive sentences (at most `maxChars`) centred on the sentence holding the most query terms,
 * grown towards the neighbour that matches more (then towards the following text), with an ellipsis where it
 * was cut. `bonus` rewards sentences holding the asked kind of fact (it gets the sentence as printed and normalised).
 */
export function bestWindow(
  text: string,
  terms: readonly WeightedTerm[],
  maxChars: number,
  bonus: (sentence: string, normalized: string) => number = () => 0,
): string {
  const units = sentenceUnits(text);
  const sentences = units.map((u) => u.text);
  if (sentences.length === 0) return "";
  const scores = sentences.map((s) => {
    const norm = normalizeText(s);
    return termScore(norm, terms) + bonus(s, norm);
  });
  let anchor = 0;
  scores.forEach((score, i) => {
    if (score > scores[anchor] + 1e-9) anchor = i;
  });
  let start = anchor;
  let end = anchor + 1;
  let length = sentences[anchor].length;
  for (;;) {
    const left = start > 0 ? start - 1 : -1;
    const right = end < sentences.length ? end : -1;
    const fits = (i: number) => i >= 0 && length + sentences[i].length <= maxChars;
    const candidates = [right, left].filter(fits);
    if (candidates.length === 0) break;
    // The neighbour with more matches first; on a tie the following sentence (it usually continues the point).
    const next = candidates.sort((a, b) => scores[b] - scores[a])[0];
    length += sentences[next].length;
    if (next === left) start--;
    else end++;
  }
  // Lines such as "对象：…" carry no closing punctuation: "；" keeps them apart; a heading keeps its own line.
  let snippet = joinSentences(units.slice(start, end));
  if (snippet.length > maxChars) snippet = cutAround(snippet, terms, maxChars);
  const prefix = start > 0 ? "…" : "";
  const suffix = end < sentences.length ? "…" : "";
  return `${prefix}${snippet}${suffix}`;
}

/** A single long sentence: keep `maxChars` around its first strong match. */
function cutAround(sentence: string, terms: readonly WeightedTerm[], maxChars: number): string {
  const norm = normalizeText(sentence);
  let at = 0;
  let bestWeight = 0;
  for (const t of terms) {
    const i = norm.indexOf(t.term);
    if (i >= 0 && t.weight > bestWeight && t.term.length > 1) {
      bestWeight = t.weight;
      at = i;
    }
  }
  // normalizeText can shorten the text (OCR spaces): positions are close enough for a window.
  const start = Math.max(0, Math.min(at - Math.floor(maxChars / 3), sentence.length - maxChars));
  return `${start > 0 ? "…" : ""}${sentence.slice(start, start + maxChars)}${start + maxChars < sentence.length ? "…" : ""}`;
}
