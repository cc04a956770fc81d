/**
 * Masks what could identify a member or their situation before an unanswered question is kept: phone
 * numbers, ID-card numbers and amounts of money (and any other long number). The hotline 12351 and years stay:
 * they say what was asked, not who asked.
 */

export const MASK = { phone: "[电话]", idCard: "[身份证号]", amount: "[金额]", number: "[号码]" } as const;

const CN_DIGIT = "零〇一二三四五六七八九十两几";
const CN_NUMBER = `[${CN_DIGIT}百千万亿]`;

const RULES: Array<[RegExp, string]> = [
  // 18-digit ID card (last may be X), or the old 15-digit one; spaces as people type them.
  [/(?<!\d)\d{6}[\s-]?\d{8}[\s-]?\d{3}[\dXx](?![\dA-Za-z])|(?<!\d)\d{15}(?!\d)/gu, MASK.idCard],
  // Mobile: 138 1234 5678, +86-138-1234-5678.
  [/(?:\+?86[\s-]?)?(?<!\d)1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/gu, MASK.phone],
  // Landline: 0571-87654321, (0571)87654321.
  [/[(（]?(?<!\d)0\d{2,3}[)）]?[\s-]?\d{7,8}(?!\d)/gu, MASK.phone],
  // Money with a unit or sign: 4200元, 3000块钱, ¥500, 1.5万元, 四千多块, 两万, 500 yuan.
  [/[¥￥]\s?\d[\d,.]*/gu, MASK.amount],
  [new RegExp(`(?:\\d[\\d,.]*|${CN_NUMBER}+)\\s?[多余来]?\\s?(?:[百千万亿]\\s?[多余]?)?\\s?(?:元|块钱?|rmb|yuan|RMB|CNY)`, "gu"), MASK.amount],
  // Chinese amounts with 百/千/万 (四千多, 两万): sums of money or counts, either may identify.
  [new RegExp(`[${CN_DIGIT}]+[百千万亿]${CN_NUMBER}*[多余来]?`, "gu"), MASK.amount],
  [/(?<!\d)\d+(?:\.\d+)?\s?[万千]\s?[多余]?/gu, MASK.amount],
];

/** Any remaining number of three or more digits, except the hotline and years (2026年). */
const LONG_NUMBER = /(?<![\d.])\d{3,}(?:\.\d+)?(?![\d.年])/gu;

export function maskSensitive(text: string): string {
  let out = text;
  for (const [pattern, mask] of RULES) out = out.replace(pattern, mask);
  return out.replace(LONG_NUMBER, (n) => (n === "12351" || n === "12345" ? n : MASK.number));
}
