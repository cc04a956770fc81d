/**
 * Text normalisation shared by indexing and queries, so both sides produce the same tokens.
 * NFKC folds full-width digits/letters/punctuation (１２ＡＰＰ，) to their ASCII forms; Latin is lower-cased.
 */

const CJK = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, "gu");

/** Removes OCR spaces inside Chinese text ("民营经济 主体" -> "民营经济主体"), keeps spaces between Latin words. */
export function removeCjkSpaces(text: string): string {
  return text.replace(SPACE_BETWEEN_CJK, "");
}

/** Canonical form for matching: NFKC, OCR spaces removed, Latin lower-cased. Length may change. */
export function normalizeText(text: string): string {
  return removeCjkSpaces(text.normalize("NFKC")).toLowerCase();
}

const CJK_CHARS = new RegExp(`[${CJK}]`, "gu");

export function countCjk(text: string): number {
  return text.match(CJK_CHARS)?.length ?? 0;
}

/** A token worth indexing: has a letter, digit or CJK character (drops punctuation and whitespace). */
export function isWordToken(token: string): boolean {
  return /[\p{L}\p{N}]/u.test(token);
}
