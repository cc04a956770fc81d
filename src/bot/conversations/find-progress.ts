/**
 * What a /find conversation has gathered so far: the facts (remembered, taken from the member's words, or
 * answered), the facts the member skipped, and what each step set, so that "back" undoes exactly one step
 * and "不对,重新问我" forgets exactly what was taken from their words. Plain data: every replay of the
 * conversation rebuilds it step by step.
 */
import type { Facts } from "./find-shared.js";

export type Step = { kind: "need" } | { kind: "where" } | { kind: "fact"; fact: string } | { kind: "results" };

interface HistoryEntry {
  step: Step;
  /** Facts set by this step (removed again on "back"). */
  set: string[];
  /** Facts the member chose not to answer at this step. */
  skipped?: string[];
}

export const PLACE_FACTS = ["province", "city", "county"];

export class FindProgress {
  readonly facts: Facts;
  readonly skipped = new Set<string>();
  /** Questions asked so far ("back" over a question takes it off). */
  asked = 0;
  /** Facts taken from the member's own words (dropped again by "不对,重新问我"). */
  private stated: string[] = [];
  private readonly history: HistoryEntry[] = [];

  constructor(remembered: Facts) {
    this.facts = { ...remembered };
  }

  /** The step is done; it set these facts. */
  done(step: Step, set: string[]): void {
    this.history.push({ step, set });
  }

  /** The member left these facts unanswered at this step: they are not asked again unless the step is undone. */
  skip(step: Step, facts: string[]): void {
    for (const f of facts) this.skipped.add(f);
    this.history.push({ step, set: [], skipped: facts });
  }

  /** Undoes the last step (the facts it set, what it skipped) and returns it to be shown again. */
  back(): Step {
    const entry = this.history.pop();
    if (!entry) return { kind: "need" };
    for (const f of entry.set) delete this.facts[f];
    for (const f of entry.skipped ?? []) this.skipped.delete(f);
    if (entry.step.kind === "fact") this.asked = Math.max(0, this.asked - 1);
    return entry.step;
  }

  /** Whether the province, city or county is known (remembered or said). */
  placeKnown(): boolean {
    return PLACE_FACTS.some((f) => this.facts[f] !== undefined);
  }

  /** Puts this place in place of the one known and returns the facts set. */
  setPlace(place: Facts): string[] {
    for (const f of PLACE_FACTS) delete this.facts[f];
    Object.assign(this.facts, place);
    return Object.keys(place);
  }

  /** Adds facts from the member's words (a place replaces the one known) and returns their names. */
  takeStated(said: Facts): string[] {
    if (PLACE_FACTS.some((f) => said[f] !== undefined)) for (const f of PLACE_FACTS) delete this.facts[f];
    Object.assign(this.facts, said);
    const names = Object.keys(said);
    this.stated = [...new Set([...this.stated, ...names])];
    return names;
  }

  /** "不对,重新问我": forget what was taken from the member's words and ask for it instead. */
  unsay(): void {
    for (const f of this.stated) delete this.facts[f];
    for (const entry of this.history) entry.set = entry.set.filter((f) => !this.stated.includes(f));
    this.stated = [];
  }
}
