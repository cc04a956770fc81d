/** Dates of the gap report as staff read them: the calendar day in the configured time zone. */
import { localParts } from "../../time.js";

const pad = (n: number) => String(n).padStart(2, "0");

export function localDate(at: number, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Epoch ms of the start of YYYY-MM-DD in `timeZone`, or null when it is not a real date. */
export function startOfLocalDay(date: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(utc).toISOString().slice(0, 10) !== date) return null;
  const p = localParts(utc, timeZone);
  const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - utc;
  return utc - offset;
}
