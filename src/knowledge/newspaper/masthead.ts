/** The masthead (报头) at the top of a page: paper, date, issue number as printed. */
import { isMastheadLine } from "./patterns.js";
import { visibleLength } from "./text.js";

export interface Masthead {
  paper: string | null;
  date: string | null;
  number: string | null;
  cn: string | null;
  lunarDate: string | null;
  /** Page number as printed ("第2版" -> "2"), null when not printed. */
  page: string | null;
  /** Index of the first line after the masthead. */
  end: number;
}

/** How far down the page a masthead may reach (non-empty lines). */
const WINDOW = 24;

const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "2", "02", "二", "十二" -> "2", "2", "2", "12". */
export function pageNumber(text: string): string | null {
  if (/^\d+$/u.test(text)) return String(Number(text));
  const m = text.match(/^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/u);
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  const tens = m[2] ? (m[1] ? NUMERALS[m[1]] : 1) : 0;
  const ones = m[2] ? (m[3] ? NUMERALS[m[3]] : 0) : NUMERALS[m[1] ?? m[3]];
  return String(tens * 10 + ones);
}

function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  if (year < 1900 || year > 2100) return null;
  return d.toISOString().slice(0, 10);
}

/**
 * Finds the masthead among the first lines: from the top to the last line that looks like masthead furniture,
 * as long as every line in between is short (slogans, the paper's name) rather than a story.
 */
export function readMasthead(lines: string[]): Masthead {
  let end = 0;
  for (let i = 0; i < Math.min(lines.length, WINDOW); i++) {
    const line = lines[i];
    if (isMastheadLine(line)) {
      end = i + 1;
      continue;
    }
    if (visibleLength(line) > 24 || /[。]/u.test(line)) break;
  }
  const head = lines.slice(0, end);
  const text = head.join("\n");
  const dateMatch =
    text.match(/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u) ?? text.match(/^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/mu);
  const numberMatch = text.match(/总第\s*(\d+)\s*[号期]/u) ?? text.match(/第\s*(\d{3,6})\s*期/u);
  const cnMatch = text.match(/CN\s*(\d{2})\s*[—\-–－]\s*(\d{4})/iu);
  const lunarMatch = text.match(/[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年[正一二三四五六七八九十冬腊闰]{1,3}月[初十廿卅一二三四五六七八九十]{1,3}/u);
  const pageMatch = text.match(/^第?\s*([一二三四五六七八九十\d]{1,3})\s*版/mu);
  const paperLine = head.find((l) => /^[\p{Script=Han}]{2,8}(日报|晚报|工人报|时报|周报|商报)$/u.test(l.trim()));
  return {
    paper: paperLine?.trim() ?? null,
    date: dateMatch ? isoDate(Number(dateMatch[1]), Number(dateMatch[2]), Number(dateMatch[3])) : null,
    number: numberMatch?.[1] ?? null,
    cn: cnMatch ? `CN${cnMatch[1]}—${cnMatch[2]}` : null,
    lunarDate: lunarMatch?.[0] ?? null,
    page: pageMatch ? pageNumber(pageMatch[1]) : null,
    end,
  };
}
