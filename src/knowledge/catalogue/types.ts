/**
 * The programme catalogue: one human-edited YAML file per programme in data/programmes/.
 * Field names follow the spirit of Open Referral HSDS (service, eligibility, how to apply, contact),
 * kept small. Anything the sources do not say is null, never guessed.
 */
import type { Rule } from "../eligibility/rules.js";

export const PROGRAMME_CATEGORIES = [
  "station_network",
  "training",
  "employment",
  "hardship_aid",
  "medical_aid",
  "subsidy",
  "health",
  "elderly",
  "disability",
  "legal",
  "voice",
  "food",
  "social_work",
  "other",
] as const;
export type ProgrammeCategory = (typeof PROGRAMME_CATEGORIES)[number];

export const PROGRAMME_STATUSES = ["active", "ended", "planned", "unknown"] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

/** Where a programme applies. null fields: the whole enclosing area (or unstated). */
export interface ProgrammeRegion {
  province: string | null;
  city: string | null;
  county: string | null;
  /** Finer place as printed (town, village, address); informational, not used for matching. */
  locality: string | null;
  /** How the source words the area, e.g. "浙江的一些县(市、区)". */
  text: string | null;
}

/** The time a programme applies to. Dates are YYYY-MM-DD; null when the source does not say. */
export interface ProgrammePeriod {
  valid_from: string | null;
  valid_to: string | null;
  /** The source's own words about time, e.g. "2022年"两节"期间". */
  text: string | null;
}

/** One place the programme is described. `paper`/`date`/`issue` come from the issue's masthead. */
export interface ProgrammeSource {
  paper: string | null;
  date: string | null;
  issue: string | null;
  /** Article headline as printed in the seed. */
  title: string;
  /** A sentence copied from the article (OCR spaces removed). */
  quote: string | null;
}

export interface Programme {
  id: string;
  name: string;
  /** Other names people use for it (matched by `check` and the bot). */
  aliases: string[];
  category: ProgrammeCategory;
  provider: string | null;
  /** null: national, or the source names no area. */
  region: ProgrammeRegion | null;
  /** Who it is for, in the source's words. */
  audience: string | null;
  description: string;
  /** What a member gets. */
  benefits: string[];
  how_to_apply: string | null;
  contact: string | null;
  period: ProgrammePeriod | null;
  status: ProgrammeStatus;
  sources: ProgrammeSource[];
  keywords: string[];
  /** Eligibility rules as data (see src/knowledge/eligibility). null: the source states no rule at all. */
  eligibility: Eligibility | null;
  /**
   * The member-facing fields translated into English from the Chinese ones (null: none yet). A field
   * missing here is shown in Chinese with a note; `englishGaps` reports it.
   */
  en: ProgrammeEnglish | null;
  /** Path of the file it was loaded from, relative to the data dir's parent (for messages). */
  file: string;
}

/** English counterparts of the Chinese fields; null where the Chinese field is null. */
export interface ProgrammeEnglish {
  name?: string;
  provider: string | null;
  /** The area in words ("Shaoxing, Zhejiang"). */
  region: string | null;
  audience: string | null;
  description?: string;
  /** One per Chinese benefit, in the same order. */
  benefits?: string[];
  how_to_apply: string | null;
  contact: string | null;
  /** `period.text` in English. */
  period: string | null;
  /** `eligibility.summary` in English. */
  eligibility_summary: string | null;
}

export interface Eligibility {
  /** One-line summary in the source's words. */
  summary: string | null;
  rule: Rule;
}

export interface Catalogue {
  readonly programmes: Programme[];
  get(id: string): Programme | undefined;
  /** Exact name or alias (ignoring spaces, quotes and case). */
  findByName(name: string): Programme | undefined;
  /** Member-facing fields without their English translation (the catalogue still loads; see english.ts). */
  readonly englishGaps: CatalogueProblem[];
}

export interface CatalogueProblem {
  file: string;
  field: string;
  message: string;
}
