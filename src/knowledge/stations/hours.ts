/**
 * Opening hours in OpenStreetMap `opening_hours` syntax, evaluated in the users' time zone
 * (Asia/Shanghai by default) whatever the server's time zone is.
 *
 * Public holidays (PH) are the ones the opening_hours package knows for China: fixed dates only (元旦,
 * 劳动节, 国庆节 1-3 Oct, and 妇女节/青年节/儿童节); lunar holidays such as 春节 and the yearly make-up
 * working days are not in its table (documented in README "Stations").
 */
import OpeningHoursModule from "opening_hours";
import { localParts } from "../../time.js";

type OpeningHoursInstance = {
  getState(date?: Date): boolean;
  getOpenIntervals(from: Date, to: Date): [Date, Date, boolean, string | undefined][];
  getUnknown(date?: Date): boolean;
  getNextChange(date?: Date, maxdate?: Date): Date | undefined;
  getWarnings(): string[];
};
type OpeningHoursConstructor = new (value: string, nominatim?: unknown, conf?: unknown) => OpeningHoursInstance;

// The package is CommonJS: the class is the default export or its `default` property depending on the loader.
const OpeningHours = ((OpeningHoursModule as unknown as { default?: OpeningHoursConstructor }).default ??
  OpeningHoursModule) as unknown as OpeningHoursConstructor;

/** Selects China's public-holiday table (the coordinates only pick the country/state). */
const CHINA = { lat: 30.27, lon: 120.15, address: { country_code: "cn", state: "浙江省" } };

const cache = new Map<string, OpeningHoursInstance>();

/** The library's parsed value (cached); throws for a value it cannot parse. Dates are wall-clock (see wallClock). */
export function openingHours(value: string): OpeningHoursInstance {
  let oh = cache.get(value);
  if (!oh) {
    oh = new OpeningHours(value, CHINA);
    if (cache.size > 10_000) cache.clear();
    cache.set(value, oh);
  }
  return oh;
}

type CheckedHours = OpeningHoursInstance & { prettifyValue(options?: unknown): string };

/** Why a value is not accepted as opening hours, and a corrected value when the library can give one. */
export interface HoursProblem {
  /** The library's reason (first line of a syntax error, or its first warning without the echoed value). */
  detail: string;
  /** The library's prettified value, when that value itself is accepted without warnings. */
  suggestion?: string;
}

/** The text of a warning: "every day <--- (Please use notation "Mo-Su" for "every day".)" -> the part in parentheses. */
function warningText(warning: string): string {
  const match = /<---\s*\(([\s\S]*)\)\s*$/u.exec(warning);
  return (match ? match[1] : warning).replace(/\s+/gu, " ").trim();
}

function construct(value: string): CheckedHours {
  return new OpeningHours(value, CHINA) as CheckedHours;
}

/**
 * Checks an opening-hours value. Values the library only accepts with warnings ("every day", "周一-周五
 * 8:00-18:00") are refused too: it guesses what they mean, and a guess must not be stored as the station's
 * hours. Returns undefined for an accepted value.
 */
export function hoursProblem(value: string): HoursProblem | undefined {
  let oh: CheckedHours;
  try {
    oh = construct(value);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The library's message repeats the value with a "<---" marker; keep the first line.
    return { detail: message.split("\n")[0].trim() };
  }
  const warnings = oh.getWarnings();
  if (warnings.length === 0) return undefined;
  const problem: HoursProblem = { detail: warningText(warnings[0]) };
  try {
    const pretty = oh.prettifyValue();
    if (pretty && pretty !== value && construct(pretty).getWarnings().length === 0) problem.suggestion = pretty;
  } catch {
    // no suggestion
  }
  return problem;
}

/** Returns a short reason when the value is not accepted as opening hours, else undefined. */
export function hoursError(value: string): string | undefined {
  return hoursProblem(value)?.detail;
}

/**
 * A Date whose *local* fields (getHours() ...) are the wall-clock time in `timeZone` at `instant`:
 * opening_hours reads local fields.
 */
export function wallClock(instant: Date, timeZone: string): Date {
  const p = localParts(instant, timeZone);
  return new Date(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

/** true = open, false = closed, null = hours unknown (no value, or the rule says "unknown"). */
/**
 * Open states by (hours, minute, zone): a list of thousands of stations uses a handful of distinct hours
 * values, so a query evaluates each value once instead of once per station.
 */
const stateMemo = new Map<string, boolean | null>();

export function isOpenAt(value: string | null, instant: Date, timeZone = "Asia/Shanghai"): boolean | null {
  if (!value) return null;
  const key = `${Math.floor(instant.getTime() / 60_000)}\u0000${timeZone}\u0000${value}`;
  const memo = stateMemo.get(key);
  if (memo !== undefined) return memo;
  const state = evaluate(value, instant, timeZone);
  if (stateMemo.size > 20_000) stateMemo.clear();
  stateMemo.set(key, state);
  return state;
}

function evaluate(value: string, instant: Date, timeZone: string): boolean | null {
  let oh: OpeningHoursInstance;
  try {
    oh = openingHours(value);
  } catch {
    return null;
  }
  const local = wallClock(instant, timeZone);
  if (oh.getUnknown(local)) return null;
  return oh.getState(local);
}
