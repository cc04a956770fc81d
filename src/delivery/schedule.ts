/**
 * When a digest may be delivered: quiet hours and the daily delivery time, in the subscriber's time zone.
 * Pure functions over epoch milliseconds so tests can pass any clock.
 */
import { DEFAULT_QUIET_HOURS, type Delivery, type QuietHours } from "../knowledge/digest/types.js";
import { localParts } from "../time.js";

/** Offset of the zone from UTC at `at`, in ms (Asia/Shanghai: +8 h). */
function offsetMs(at: number, timeZone: string): number {
  const p = localParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** The instant of local wall time y-m-d hh:mm in the zone. */
function zonedInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - offsetMs(guess, timeZone);
  // Second pass settles days when the offset changes (DST zones).
  return guess - offsetMs(first, timeZone);
}

export function parseHhmm(value: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) throw new Error(`expected HH:MM, got "${value}"`);
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) throw new Error(`expected HH:MM between 00:00 and 23:59, got "${value}"`);
  return hours * 60 + minutes;
}

function minuteOfDay(at: number, timeZone: string): number {
  const p = localParts(at, timeZone);
  return p.hour * 60 + p.minute;
}

/** True when `at` falls in the quiet window [start, end) (which may wrap past midnight). */
export function inQuietHours(at: number, quiet: QuietHours, timeZone: string): boolean {
  const start = parseHhmm(quiet.start);
  const end = parseHhmm(quiet.end);
  if (start === end) return false;
  const m = minuteOfDay(at, timeZone);
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/** The first instant at or after `at` whose local time is hh:mm. */
export function nextLocalTime(at: number, hhmm: string, timeZone: string): number {
  const minutes = parseHhmm(hhmm);
  const p = localParts(at, timeZone);
  for (let addDays = 0; addDays < 3; addDays++) {
    const day = new Date(Date.UTC(p.year, p.month - 1, p.day + addDays));
    const candidate = zonedInstant(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), Math.floor(minutes / 60), minutes % 60, timeZone);
    if (candidate >= at) return candidate;
  }
  throw new Error("unreachable: a local time recurs every day");
}

/** `at` itself, or the end of the quiet window when `at` falls inside it. */
export function afterQuietHours(at: number, quiet: QuietHours, timeZone: string): number {
  if (!inQuietHours(at, quiet, timeZone)) return at;
  return nextLocalTime(at, quiet.end, timeZone);
}

/** Earliest delivery of a digest published at `publishedAt`: the daily time if chosen, then out of quiet hours. */
export function earliestDelivery(publishedAt: number, delivery: Delivery, quiet: QuietHours, timeZone: string): number {
  const base = delivery.kind === "daily" ? nextLocalTime(publishedAt, delivery.time, timeZone) : publishedAt;
  return afterQuietHours(base, quiet, timeZone);
}

/**
 * When `at` falls in the default quiet hours: the local time they end ("07:00"), so staff are told why
 * queued digests are not due; null otherwise. (A subscriber's own quiet hours are applied when sending.)
 */
export function quietHoursEnd(at: number, timeZone: string, quiet: QuietHours = DEFAULT_QUIET_HOURS): string | null {
  return inQuietHours(at, quiet, timeZone) ? quiet.end : null;
}
