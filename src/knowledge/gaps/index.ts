/**
 * The gap report: questions the sources could not answer (confidence "related" or "none") are kept without
 * any user id, masked, for 90 days, and grouped by what they ask about, so staff see which FAQ entry or
 * synonym to add next.
 */
import type { Logger } from "../../logger.js";
import type { GapConfidence, GapRepository, QuestionGap } from "./repository.js";
import type { AnswerConfidence } from "../types.js";
import { maskSensitive } from "./mask.js";

export { maskSensitive, MASK } from "./mask.js";

export const GAP_RETENTION_DAYS = 90;
const DAY_MS = 86_400_000;
/** Old gaps are deleted when a gap is recorded, at most this often (and before every report). */
const PURGE_EVERY_MS = 3_600_000;
/** Longest question kept (a pasted letter says no more about the gap than its start). */
const MAX_KEPT_CHARS = 300;

export interface GapRecorderOptions {
  repo: GapRepository;
  /** Concept keys of a question (what it asks about), for grouping. */
  concepts: (question: string) => string[];
  now?: () => number;
  logger?: Logger;
}

export interface GapRecorder {
  /**
   * Keeps the question when it was not answered. Never throws and never rejects: a storage failure is
   * logged, and the member's reply does not wait for it or depend on it.
   */
  record(question: string, confidence: AnswerConfidence): Promise<void>;
}

export function retentionCutoff(now: number): number {
  return now - GAP_RETENTION_DAYS * DAY_MS;
}

export function createGapRecorder(options: GapRecorderOptions): GapRecorder {
  const now = options.now ?? Date.now;
  let lastPurge = -Infinity;
  return {
    async record(question, confidence) {
      if (confidence === "answer") return;
      try {
        const at = now();
        const masked = maskSensitive(question.trim()).slice(0, MAX_KEPT_CHARS);
        if (!masked) return;
        // Concepts come from the masked text: a masked number cannot become a group.
        await options.repo.record({ askedAt: at, question: masked, confidence: confidence as GapConfidence, concepts: options.concepts(masked) });
        if (at - lastPurge >= PURGE_EVERY_MS) {
          lastPurge = at;
          await options.repo.purge(retentionCutoff(at));
        }
      } catch (error) {
        options.logger?.warn({ err: error }, "could not keep an unanswered question for the gap report");
      }
    },
  };
}

export interface GapGroup {
  /** What the questions of the group ask about (empty: no content word was recognised). */
  concepts: string[];
  count: number;
  related: number;
  none: number;
  /** Epoch ms of the latest question of the group. */
  lastAsked: number;
  /** Up to three distinct questions, latest first (masked). */
  examples: string[];
}

export interface GapReport {
  since: number;
  total: number;
  groups: GapGroup[];
}

const MAX_EXAMPLES = 3;

/** Groups by the set of concepts; most asked first, then most recently asked. */
export function groupGaps(gaps: readonly QuestionGap[], since: number): GapReport {
  const groups = new Map<string, GapGroup>();
  for (const gap of gaps) {
    const concepts = [...new Set(gap.concepts)].sort();
    const key = concepts.join("\u0000");
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { concepts, count: 0, related: 0, none: 0, lastAsked: 0, examples: [] }));
    group.count++;
    group[gap.confidence]++;
    group.lastAsked = Math.max(group.lastAsked, gap.askedAt);
  }
  // Examples, latest first.
  for (const gap of [...gaps].sort((a, b) => b.askedAt - a.askedAt)) {
    const group = groups.get([...new Set(gap.concepts)].sort().join("\u0000"))!;
    if (group.examples.length < MAX_EXAMPLES && !group.examples.includes(gap.question)) group.examples.push(gap.question);
  }
  const sorted = [...groups.values()].sort((a, b) => b.count - a.count || b.lastAsked - a.lastAsked);
  return { since, total: gaps.length, groups: sorted };
}

/**
 * The report since `since` (epoch ms; never older than the retention period). Expired gaps are deleted
 * first, so the report never shows a question kept longer than 90 days.
 */
export async function gapReport(repo: GapRepository, options: { since?: number; now?: number } = {}): Promise<GapReport> {
  const now = options.now ?? Date.now();
  const cutoff = retentionCutoff(now);
  await repo.purge(cutoff);
  const since = Math.max(options.since ?? cutoff, cutoff);
  return groupGaps(await repo.list(since), since);
}
