/** What a single OCR line looks like on its own: could it be a headline, is it printed twice. */
import { isCreditLine, isTrailerByline, matchByline, matchContinuedFrom, opensWithSpeaker } from "./patterns.js";
import { MIN_REPEAT_CHARS, type OcrLine } from "./draft.js";
import { collapseSpaces, squash, visibleLength } from "./text.js";

export const MAX_HEADLINE_CHARS = 48;

/** Could this line be (part of) a headline, judging by its form alone? */
export function headlineLike(raw: string): boolean {
  const text = collapseSpaces(raw);
  const length = visibleLength(text);
  // OCR prints kicker, title and sub-headline on one line with spaces between them: longer, but each phrase is short.
  const phrases = text.split(" ");
  const compound = phrases.length >= 2 && length <= 2 * MAX_HEADLINE_CHARS && phrases.every((p) => p.length <= 32);
  if (length < 2 || (length > MAX_HEADLINE_CHARS && !compound)) return false;
  if (/[。]/u.test(text)) return false;
  if (/[,，、;；:：]$/u.test(text)) return false;
  if ((text.match(/[,，]/gu) ?? []).length > 1) return false;
  if (/^——/u.test(text)) return false;
  if (matchByline(raw) || isCreditLine(raw) || isTrailerByline(raw) || matchContinuedFrom(raw)) return false;
  if (opensWithSpeaker(text)) return false;
  return true;
}

/** Indexes of lines whose text (byline aside) was printed earlier on the page. */
export function repeatedLines(lines: OcrLine[]): Set<number> {
  const seen = new Set<string>();
  const repeats = new Set<number>();
  lines.forEach((line, i) => {
    const key = squash(matchByline(line.raw)?.rest ?? line.raw);
    if (key.length < MIN_REPEAT_CHARS) return;
    if (seen.has(key)) repeats.add(i);
    else seen.add(key);
  });
  return repeats;
}

