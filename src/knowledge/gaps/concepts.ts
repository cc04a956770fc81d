/**
 * Concept keys of a question for grouping the gap report: its content words, a colloquial phrase standing for
 * the words the papers use for it (its shortest synonym: 没活干 and 下岗 both become 失业, 学技术 and 学手艺 both
 * 培训, as far as the synonym table says so), so questions asking the same thing in other words fall in one
 * group. Places, question words, generic words (工会) and sub-words are left out: they say where or how, not
 * what is missing.
 */
import type { QueryAnalysis } from "../text/analyze.js";

const MAX_CONCEPTS = 4;

const byLengthThenText = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

export function conceptKeys(analysis: QueryAnalysis): string[] {
  const canonical = new Map<string, string>();
  for (const t of analysis.weighted) {
    if (t.origin !== "synonym" || !t.group) continue;
    const current = canonical.get(t.group);
    if (current === undefined || byLengthThenText(t.term, current) < 0) canonical.set(t.group, t.term);
  }
  // A place is where, not what: 宁波 and 义乌 questions about the same thing share a group.
  const places = new Set(analysis.places.flatMap((m) => [m.matched, m.place.name, m.place.shortName]));
  const keys = new Map<string, number>();
  for (const t of analysis.weighted) {
    if (t.origin === "place" || t.origin === "subword" || t.askWord || t.generic || t.expansion) continue;
    if (places.has(t.term)) continue;
    const key = t.group ? (canonical.get(t.group) ?? t.term) : t.term;
    if (!t.group && (t.weight < 0.7 || t.guessed)) continue;
    if (Array.from(key).length < 2 && !/[a-z]/i.test(key)) continue;
    keys.set(key, Math.max(keys.get(key) ?? 0, t.weight));
  }
  return [...keys.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_CONCEPTS)
    .map(([term]) => term)
    .sort();
}
