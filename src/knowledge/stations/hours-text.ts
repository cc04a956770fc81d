/**
 * Opening hours as a member reads them: "每天 10:00–次日02:00", "周一至周五 08:00–18:00；周六、周日 休息".
 * The text is built from what the opening_hours library evaluates for the coming seven days (not by
 * re-parsing the syntax), so every rule it understands is described correctly, holidays included; a value
 * it cannot evaluate is shown as written.
 */
import { translate } from "../../i18n.js";
import { localParts } from "../../time.js";
import { openingHours } from "./hours.js";
import type { Locale } from "../../locale.js";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Monday first, as printed on Chinese notices. Index = (Date.getDay() + 6) % 7. */
const WEEKDAY_KEYS = ["mo", "tu", "we", "th", "fr", "sa", "su"] as const;

/** Between items of a list (两段时间、几天) and between groups of days. */
const SEPARATORS: Record<Locale, { list: string; groups: string }> = {
  "zh-CN": { list: "、", groups: "；" },
  en: { list: ", ", groups: "; " },
};

const memo = new Map<string, string>();

/** The week's hours in words, for the seven days from `at` (in `timeZone`); the value itself if it cannot be evaluated. */
export function describeHours(value: string, locale: Locale, at: Date = new Date(), timeZone = "Asia/Shanghai"): string {
  const today = localParts(at, timeZone);
  const key = `${locale}\u0000${today.year}-${today.month}-${today.day}\u0000${value}`;
  let text = memo.get(key);
  if (text === undefined) {
    text = describe(value, locale, new Date(today.year, today.month - 1, today.day)) ?? value;
    if (memo.size > 5_000) memo.clear();
    memo.set(key, text);
  }
  return text;
}

function describe(value: string, locale: Locale, day0: Date): string | undefined {
  let intervals: [Date, Date, boolean, string | undefined][];
  try {
    // From the day before, so that a night that began yesterday is not taken for an opening at 00:00.
    intervals = openingHours(value).getOpenIntervals(new Date(day0.getTime() - DAY_MS), new Date(day0.getTime() + 8 * DAY_MS));
  } catch {
    return undefined;
  }
  if (intervals.some(([, , unknown]) => unknown)) return undefined;
  const perDay: string[][] = WEEKDAY_KEYS.map(() => []);
  for (let offset = 0; offset < 7; offset++) {
    const start = new Date(day0.getFullYear(), day0.getMonth(), day0.getDate() + offset);
    const end = new Date(day0.getFullYear(), day0.getMonth(), day0.getDate() + offset + 1);
    const weekday = (start.getDay() + 6) % 7;
    for (const [from, to] of intervals) {
      // A night that began the day before is listed on that day ("10:00–次日02:00"), unless it lasts all day.
      if (from < start && to >= end) perDay[weekday].push(translate(locale, "stations-hours-all-day"));
      else if (from >= start && from < end) perDay[weekday].push(span(from, to, start, locale));
    }
  }
  const texts = perDay.map((spans) => (spans.length === 0 ? translate(locale, "stations-hours-closed") : spans.join(SEPARATORS[locale].list)));
  return groupDays(texts, locale);
}

const hhmm = (d: Date) => `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;

/** "10:00–次日02:00"; a whole day (or more) is "全天". */
function span(from: Date, to: Date, dayStart: Date, locale: Locale): string {
  if (from.getTime() === dayStart.getTime() && to.getTime() - from.getTime() >= DAY_MS) return translate(locale, "stations-hours-all-day");
  const nextDay = new Date(dayStart.getFullYear(), dayStart.getMonth(), dayStart.getDate() + 1);
  if (to.getTime() === nextDay.getTime()) return `${hhmm(from)}–24:00`;
  if (to > nextDay) return translate(locale, "stations-hours-overnight", { from: hhmm(from), to: hhmm(to) });
  return `${hhmm(from)}–${hhmm(to)}`;
}

/** Mondays to Sundays with the same hours are named together: 每天, 周一至周五, 周六、周日. */
function groupDays(texts: string[], locale: Locale): string {
  const { list, groups } = SEPARATORS[locale];
  if (texts.every((t) => t === texts[0])) {
    if (texts[0] === translate(locale, "stations-hours-all-day")) return translate(locale, "stations-hours-24-7");
    return `${translate(locale, "stations-hours-every-day")} ${texts[0]}`;
  }
  const runs: { from: number; to: number; text: string }[] = [];
  texts.forEach((text, day) => {
    const last = runs.at(-1);
    if (last && last.text === text && last.to === day - 1) last.to = day;
    else runs.push({ from: day, to: day, text });
  });
  // Runs with the same hours (e.g. Mon–Fri and Sun) are listed together, in the order they first appear.
  const byText = new Map<string, string[]>();
  for (const run of runs) {
    const tail = run.to === run.from ? "" : run.to === run.from + 1 ? `${list}${dayName(run.to, locale)}` : translate(locale, "stations-hours-day-range", { to: dayName(run.to, locale) });
    const days = dayName(run.from, locale) + tail;
    byText.set(run.text, [...(byText.get(run.text) ?? []), days]);
  }
  return [...byText].map(([text, days]) => `${days.join(list)} ${text}`).join(groups);
}

function dayName(day: number, locale: Locale): string {
  return translate(locale, `stations-day-${WEEKDAY_KEYS[day]}`);
}
