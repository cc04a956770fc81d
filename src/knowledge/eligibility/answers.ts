/**
 * Turns what a member types ("四千多", "4200元", "是的", "不是", "送外卖的") into a fact value.
 * Used by the bot for typed answers and by normalizeFacts for string values in JSON input.
 */
import { localParts } from "../../time.js";
import { FACTS, type FactOption, type FactSpec } from "./facts.js";

/** A number known only within bounds ("四千多" -> 4001..4999). Bounds are inclusive; null = open. */
export interface NumberRange {
  min: number | null;
  max: number | null;
}

export type FactValue = string | number | boolean | NumberRange;

export type ParsedAnswer = { ok: true; value: FactValue } | { ok: false; example: string };

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000, k: 1000, K: 1000, w: 10000, W: 10000 };

/** Longest number text read: a real amount or age is short; "四" typed 100000 times is not a number. */
const MAX_NUMBER_TEXT = 24;
/** Largest amount accepted (a member's yearly medical costs, an age): beyond it the text is not an amount. */
export const MAX_AMOUNT = 1e9;

/** Parses "4200", "4,200", "4.5万", "三千五", "一万二", "两万", "3千5" to a number; undefined if not a number. */
export function parseChineseNumber(text: string): number | undefined {
  const s = text.replace(/[,,\s]/g, "");
  if (s === "" || s.length > MAX_NUMBER_TEXT) return undefined;
  const n = readChineseNumber(s);
  return n !== undefined && Number.isFinite(n) && n <= MAX_AMOUNT ? n : undefined;
}

function readChineseNumber(s: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  let total = 0; // completed 万 groups
  let section = 0; // below 万
  let current: number | null = null; // pending digit(s)
  let lastUnit = 0;
  let i = 0;
  while (i < s.length) {
    const rest = s.slice(i);
    const num = /^\d+(\.\d+)?/.exec(rest);
    let value: number | undefined;
    if (num) {
      value = Number(num[0]);
      i += num[0].length;
    } else if (rest[0]! in DIGITS) {
      value = DIGITS[rest[0]!];
      i += 1;
    }
    if (value !== undefined) {
      current = current === null ? value : current * 10 + value;
      continue;
    }
    const ch = rest[0]!;
    const unit = UNITS[ch];
    if (unit === undefined) return undefined;
    i += 1;
    if (unit === 10000) {
      total = (total + section + (current ?? (section === 0 ? 1 : 0))) * 10000;
      section = 0;
      current = null;
    } else {
      section += (current ?? 1) * unit;
      current = null;
    }
    lastUnit = unit;
  }
  if (current !== null) {
    // "三千五" = 3500, "一万二" = 12000: a trailing digit counts in the next smaller unit.
    if (lastUnit >= 100 && current < 10) section += current * (lastUnit / 10);
    else section += current;
  }
  return total + section;
}

/** The order of magnitude a spoken number was given in ("四千多" -> 1000). */
function magnitude(n: number): number {
  if (n <= 0) return 1;
  let m = 1;
  while (m * 10 <= n && n % (m * 10) === 0) m *= 10;
  return m;
}

const ABOUT = /^(大概|大约|大致|约|差不多|估计|about|around|roughly|approximately)/i;
const NEARLY = /^(将近|接近|快|nearly|almost)/i;

/**
 * Parses an amount or age: exact number, or a range for "四千多", "两千到四千", "两三千", "不到3000",
 * "超过3000", "3000左右", "about 4000" / "大概四千" (±10 %), "将近四千" (3600–4000).
 */
export function parseAmount(text: string): number | NumberRange | undefined {
  if (text.length > 4 * MAX_NUMBER_TEXT) return undefined;
  let s = text
    .replace(/[\s,,]/g, "")
    .replace(/(块钱|块|元|人民币|rmb|yuan|岁|周岁|yearsold|years)$/i, "")
    // "三千块左右", "四千元以上", "两千到四千块之间": the unit sits before the qualifier.
    .replace(/(块钱|块|元|人民币|rmb|yuan|周岁|岁)(左右|上下|以上|及以上|以下|及以下|多|出头|来|之间)$/i, "$2")
    .replace(/之间$/, "");
  const about = ABOUT.exec(s);
  s = s.replace(ABOUT, "");
  const nearly = NEARLY.exec(s);
  s = s.replace(NEARLY, "");
  // "两千到四千", "2000-4000", "2000至4000元": both ends read, in either order.
  const between = /^(.+?)(块钱|块|元)?(到|至|~|～|-|—|–|to)(.+)$/i.exec(s);
  if (between) {
    const a = parseChineseNumber(between[1]!);
    const b = parseChineseNumber(between[4]!.replace(/(块钱|块|元)$/, ""));
    if (a !== undefined && b !== undefined) return { min: Math.min(a, b), max: Math.max(a, b) };
  }
  // "两三千", "五六十": two neighbouring digits before a unit give the range between them.
  const pair = /^([一二两三四五六七八九])([二三四五六七八九])([十百千万])$/.exec(s);
  if (pair) {
    const a = parseChineseNumber(`${pair[1]}${pair[3]}`);
    const b = parseChineseNumber(`${pair[2]}${pair[3]}`);
    if (a !== undefined && b !== undefined && b > a) return { min: a, max: b };
  }
  if (nearly) {
    const n = parseChineseNumber(s);
    if (n !== undefined) return { min: n - Math.round(n * 0.1), max: n };
  }
  // "about 4000", "大概四千": ±10 % (a plain number only; "大概四千多" stays 4001–4999).
  if (about && parseChineseNumber(s) !== undefined) s = `${s}左右`;
  let m = /^(不到|不足|少于|低于|less than|under)(.+)$/i.exec(s);
  if (m) {
    const n = parseChineseNumber(m[2]!.replace(/(块钱|块|元|岁)$/, ""));
    return n === undefined ? undefined : { min: 0, max: n - 1 };
  }
  m = /^(超过|多于|高于|more than|over)(.+)$/i.exec(s);
  if (m) {
    const n = parseChineseNumber(m[2]!.replace(/(块钱|块|元|岁)$/, ""));
    return n === undefined ? undefined : { min: n + 1, max: null };
  }
  m = /^(.+?)(块钱|块|元|岁|周岁)?(以上|及以上|以下|及以下|\+|ormore|orless)$/i.exec(s);
  if (m) {
    const n = parseChineseNumber(m[1]!);
    if (n === undefined) return undefined;
    return /以上|\+|more/i.test(m[3]!) ? { min: n, max: null } : { min: 0, max: n };
  }
  m = /^(.+?)(多|出头|余|几|来)(块钱|块|元|岁)?$/.exec(s);
  if (m) {
    const n = parseChineseNumber(m[1]!);
    if (n === undefined) return undefined;
    const step = magnitude(n);
    return { min: n + 1, max: n + step - 1 };
  }
  m = /^(.+?)(左右|上下)$/.exec(s);
  if (m) {
    const n = parseChineseNumber(m[1]!);
    if (n === undefined) return undefined;
    const spread = Math.round(n * 0.1);
    return { min: n - spread, max: n + spread };
  }
  return parseChineseNumber(s);
}

const YES = /^(是|是的|是啊|对|对的|没错|嗯|嗯嗯|有|有的|要|想|想要|会|参加了|加入了|当然|好|好的|yes|y|yeah|true|1|√)$/i;
const NO = /^(不是|否|没有|没|不|无|不想|不要|不会|还没|还没有|没参加|没加入|no|n|nope|false|0|×)$/i;

const DONT_KNOW =
  /^((我|这个|这)?(也|真|还|实在)?(不|没)(太|大|是很|怎么)?(知道|清楚|确定|记得|晓得|了解|懂|肯定)|记不清|说不准|说不清|不好说|没数|搞不清|unknown|not sure|unsure|no idea|(i )?(really )?(do not|don'?t) know|idk|dunno)/i;

/** A hedge and nothing else ("好像是吧", "可能有", "maybe", "I think so"): not a yes, not a no. */
const HEDGE_ONLY =
  /^(好像|可能|也许|或许|大概|似乎|说不好)(是|有|算|不是|没有|参加了|加入了)?(的|吧|吧吗|啊|呀|哦)?$|^(maybe|perhaps|possibly|probably|probably not|i think so|i guess|i guess so|not really sure|kind of|sort of)$/i;

/** "不知道", "我不太清楚", "not sure", "好像是吧": the member does not know; the fact stays unknown (not "no"). */
export function isDontKnow(text: string): boolean {
  const s = text.replace(/\s+/g, " ").trim();
  // A short reply only: "不清楚哪里能热饭?" is a question, not an answer.
  if (s.length > 16 || /[?？]|哪|什么|怎么|吗/.test(s)) return false;
  return DONT_KNOW.test(s) || HEDGE_ONLY.test(s.replace(/[\s。.!！,，~]+$/, ""));
}

export function parseYesNo(text: string): boolean | undefined {
  if (isDontKnow(text)) return undefined;
  const s = text.replace(/[\s。!!.,,~]/g, "").replace(/(的|啊|呀|吧|哦)$/, "");
  if (YES.test(s)) return true;
  if (NO.test(s)) return false;
  if (/^(不|没|无|非|否)/.test(s)) return false;
  if (/^(是|有|对|要|想)/.test(s)) return true;
  return undefined;
}

/** Matches text to an option: exact value/label/alias first, then the longest alias contained in the text. */
export function matchOption(options: FactOption[], text: string): FactOption | undefined {
  const s = text.replace(/\s+/g, "").toLowerCase();
  if (s === "") return undefined;
  const names = (o: FactOption) => [String(o.value), o.label, o.label_en, ...(o.aliases ?? [])].map((n) => n.toLowerCase());
  const exact = options.find((o) => names(o).includes(s));
  if (exact) return exact;
  let best: { option: FactOption; length: number } | undefined;
  for (const o of options) {
    for (const n of names(o)) {
      if (n.length >= 2 && s.includes(n) && (!best || n.length > best.length)) best = { option: o, length: n.length };
    }
  }
  return best?.option;
}

/** Parses a date: 2022-01-25, 2022/1/25, 2022年1月25日, 今天. */
export function parseDate(text: string, today: string): string | undefined {
  const s = text.replace(/\s+/g, "");
  if (/^(今天|现在|today|now)$/i.test(s)) return today;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/** Parses a typed answer for one fact. Unparseable answers give the example to show in a re-ask. */
export function parseAnswer(fact: string | FactSpec, text: string, today = todayIn()): ParsedAnswer {
  const spec = typeof fact === "string" ? FACTS.get(fact) : fact;
  if (!spec) return { ok: false, example: "" };
  const s = text.trim();
  const fail: ParsedAnswer = { ok: false, example: spec.example };
  if (s === "") return fail;
  switch (spec.type) {
    case "boolean": {
      const b = parseYesNo(s);
      return b === undefined ? fail : { ok: true, value: b };
    }
    case "number": {
      const n = parseAmount(s);
      if (n === undefined) return fail;
      if (typeof n === "number" && (n < 0 || !Number.isFinite(n))) return fail;
      return { ok: true, value: n };
    }
    case "date": {
      const d = parseDate(s, today);
      return d ? { ok: true, value: d } : fail;
    }
    case "level": {
      const option = spec.options ? matchOption(spec.options, s) : undefined;
      if (option) return { ok: true, value: option.value };
      const b = parseYesNo(s);
      if (b !== undefined) return { ok: true, value: b };
      return fail;
    }
    case "string": {
      const option = spec.options ? matchOption(spec.options, s) : undefined;
      if (option) return { ok: true, value: option.value };
      return spec.open || !spec.options ? { ok: true, value: s } : fail;
    }
    case "place": {
      const cleaned = s.replace(/^(我在|在|住在|我住在|我是)/, "").replace(/(这边|那边|这里|的)$/, "");
      return cleaned ? { ok: true, value: cleaned } : fail;
    }
  }
}

/** Today's date (YYYY-MM-DD) in the given time zone (members are in China by default). */
export function todayIn(timeZone = "Asia/Shanghai", now = new Date()): string {
  const { year, month, day } = localParts(now, timeZone);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
