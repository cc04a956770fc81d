/**
 * Training offered by a programme, and whether its source says the training is free. Members read "培训"
 * as "free course" unless told otherwise; when the source does not say, the reply must say so.
 */
import type { Programme } from "./types.js";

const TRAINING = /培训|技能提升|training/i;
const FREE = /免费|不收费|免收|免除.{0,4}费|零费用|公益培训|free of charge|\bfree\b/i;

/** A programme whose benefit is training (its category, or a benefit that names 培训). */
export function offersTraining(p: Programme): boolean {
  return p.category === "training" || p.benefits.some((b) => TRAINING.test(b));
}

/**
 * True when the programme offers training and nothing taken from the source (description, benefits,
 * how to apply, quoted sentences; not the search keywords) says it is free.
 */
export function trainingFeeUnstated(p: Programme): boolean {
  if (!offersTraining(p)) return false;
  const sourceText = [p.description, ...p.benefits, p.how_to_apply ?? "", ...p.sources.map((s) => s.quote ?? "")].join("\n");
  return !FREE.test(sourceText);
}
