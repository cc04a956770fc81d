/**
 * Numbers a member states: medical amounts as people type them (四千多, 两千到四千, "about 4000", 不到三千),
 * self-paid, total or reimbursed by the words around them, and an age (65岁, 六十多岁, "im 55").
 */
import { type FactValue, type NumberRange, parseAmount } from "./answers.js";
import { CHINESE } from "./stated-words.js";

// A number as people type it: digits (4200, 4,200, 4.5) or Chinese numerals, with 多/几/出头, a unit and
// range words. Bounded repetitions keep absurd input ("四" × 100000) cheap and unreadable.
const NUM = "[0-9０-９][0-9０-９,，.]{0,11}|[零〇一二两三四五六七八九十百千万]{1,10}";
const UNIT = "(?:块钱|块|元|yuan|rmb)";
const AMOUNT = new RegExp(
  `(?:大概|大约|大致|约|差不多|将近|接近|快|估计|about|around|roughly|approximately|nearly|almost)?\\s*(?:不到|不足|少于|超过|多于|less than|more than|over|under)?\\s*` +
    `(?:${NUM})(?:\\s*[千万kKwW])?(?:[零一二两三四五六七八九]|\\d)?(?:多|出头|几|来|余)?(?:\\s*${UNIT})?` +
    `(?:\\s*(?:到|至|~|～|-|—|–|to)\\s*(?:${NUM})(?:\\s*[千万kKwW])?(?:多|出头)?(?:\\s*${UNIT})?)?` +
    `(?:左右|上下|以上|以下|之间|\\+)?`,
  "gi",
);

const MEDICAL = /看病|医疗|医药|住院|治病|手术|药费|医药费|化疗|透析|medical|hospital|treatment|doctor|bill/i;
const SELF_PAID = /自己|自费|自付|个人|报销后|报完|报销完|报销以后|报销之后|除去报销|扣除报销|自掏腰包|out of pocket|myself|paid yourself|on my own|after insurance|self[- ]?paid|i paid|we paid/i;
const TOTAL = /一共|总共|总计|合计|全部|总花费|in total|total/i;
const REIMBURSED = /报销了|报了|医保报|reimbursed|insurance paid|insurance covered/i;

/** An age in years (65岁, 六十多岁 = 61–69, "im 55", "55 years old"); "3 km" or "im 5 minutes away" is none. */
export function ageIn(text: string): FactValue | undefined {
  const m =
    /(\d{1,3}|[一二两三四五六七八九十]{1,4})(多|来)?\s*(周岁|岁)|(?:\bi am|\bi'm|\bim|\baged?)\s+(\d{1,3})(?![\d.,]|\s*(?:km|kg|k\b|%|yuan|元|minutes?|mins?|hours?|times|days?|weeks?|months?))|(\d{1,3})[\s-]*years?[\s-]*old/i.exec(text);
  if (!m) return undefined;
  const raw = m[1] !== undefined ? `${m[1]}${m[2] ?? ""}` : (m[4] ?? m[5]!);
  const n = parseAmount(raw);
  if (typeof n === "number") return n > 0 && n < 120 ? n : undefined;
  return n && n.min !== null && n.max !== null && n.min > 0 && n.max < 120 ? n : undefined;
}

/** Amounts next to medical words: self-paid, total or reimbursed, by the words around them. */
export function medicalAmountsIn(input: string): Record<string, FactValue> {
  // "between 2000 and 4000" is the range "2000 to 4000".
  const text = input.replace(/\bbetween\s+(\S+?)\s+and\s+/gi, "$1 to ");
  if (!MEDICAL.test(text) && !SELF_PAID.test(text)) return {};
  const out: Record<string, FactValue> = {};
  for (const m of text.matchAll(AMOUNT)) {
    const raw = m[0].trim();
    if (!/[0-9零〇一二两三四五六七八九十百千万]/.test(raw)) continue;
    // A bare single digit or a year ("2024年") is not an amount.
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 1);
    if (/^[年月日号岁个次天]/.test(after)) continue;
    // Part of a longer run of numerals (absurd input such as "四" × 100000): not an amount.
    const previous = text.slice(Math.max(0, m.index! - 1), m.index!);
    if (/[0-9零〇一二两三四五六七八九十百千万]/.test(previous + after)) continue;
    const value = parseAmount(raw);
    if (value === undefined || !plausibleAmount(value)) continue;
    // English says in four words what Chinese says in four characters: a wider window before the amount.
    const width = CHINESE.test(text.slice(Math.max(0, m.index! - 12), m.index!)) ? 12 : 32;
    const before = text.slice(Math.max(0, m.index! - width), m.index!);
    const fact = REIMBURSED.test(before) ? "insurance_reimbursed_yuan" : TOTAL.test(before) ? "medical_total_yuan" : SELF_PAID.test(before) || SELF_PAID.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 14)) ? "self_paid_medical_yuan" : MEDICAL.test(text) ? "medical_total_yuan" : undefined;
    if (fact && out[fact] === undefined) out[fact] = value;
  }
  return out;
}

/** Medical amounts are tens of yuan at least; "3" in "3个月" or "第2次" is not one. */
function plausibleAmount(v: number | NumberRange): boolean {
  // "不到三千" is 0–2999: its upper end tells.
  const low = typeof v === "number" ? v : v.min || v.max || 0;
  return low >= 10;
}
