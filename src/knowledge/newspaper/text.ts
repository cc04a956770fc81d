/** Text helpers for OCR'd Chinese newspaper pages. */

const LATIN_OR_DIGIT = /[A-Za-z0-9%]/;

/**
 * Removes the spaces OCR puts inside Chinese text ("民营经济 主体" -> "民营经济主体", "2024年9 月" -> "2024年9月")
 * but keeps one space between two Latin words or numbers ("APP 2024"), where it carries meaning.
 */
export function cleanSpaces(text: string): string {
  return text
    .trim()
    .replace(/(\S)\s+(?=(\S))/gu, (_match, before: string, after: string) =>
      LATIN_OR_DIGIT.test(before) && LATIN_OR_DIGIT.test(after) ? `${before} ` : before,
    );
}

/** Collapses runs of whitespace to one space (headline display keeps the printed gaps between phrases). */
export function collapseSpaces(text: string): string {
  return text.trim().replace(/\s+/gu, " ");
}

/** Joins two pieces of one sentence that OCR broke over lines. */
export function joinBroken(left: string, right: string): string {
  return cleanSpaces(`${left} ${right}`);
}

/** Number of visible characters (whitespace ignored). */
export function visibleLength(text: string): number {
  return text.replace(/\s+/gu, "").length;
}

export function countHan(text: string): number {
  return (text.match(/\p{Script=Han}/gu) ?? []).length;
}

/**
 * True when the text ends a sentence: 。！？!?… possibly followed by closing quotes or brackets.
 * A closing quote alone (“企呼我应”) does not end a sentence.
 */
export function endsSentence(text: string): boolean {
  return /[。！？!?…][”’"'」』)）]*$/u.test(text.trim());
}

/** Removes all whitespace: the form used to compare titles and detect repeated paragraphs. */
export function squash(text: string): string {
  return text.replace(/\s+/gu, "");
}

/**
 * The first words of a text, for a title that must say the headline was lost: the first sentence when
 * short, else about 24 characters cut at a clause boundary when there is one (numbers are not cut).
 */
export function firstWords(text: string, max = 24): string {
  const t = squash(text).replace(/^[“"‘'「『(（]+/u, "");
  const sentence = t.match(/^[^。！？!?]+[。！？!?]/u)?.[0];
  if (sentence && sentence.length <= max + 4) return sentence.replace(/[。]$/u, "");
  if (t.length <= max) return t;
  const clause = t.slice(0, max + 1).match(/^(.{12,}?)[,，;；:：、](?=[^,，;；:：、]*$)/u)?.[1];
  if (clause) return `${clause}…`;
  let end = max;
  while (end < t.length && /[0-9.]/.test(t[end - 1] ?? "") && /[0-9.]/.test(t[end] ?? "")) end++;
  return `${t.slice(0, end)}…`;
}
