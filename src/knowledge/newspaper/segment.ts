/**
 * Cuts the lines of an OCR'd page into stories. A line is a headline when what follows proves it (a byline,
 * a captioned photo), when no story is open, or when it carries a kicker or column label; a lone short line
 * inside a story is a section heading (小标题). A line that continues a sentence cut short by OCR is joined to it.
 */
import { splitHeadline } from "./headline.js";
import {
  extractContinuesTo,
  isCreditLine,
  isLabelLine,
  isTrailerByline,
  matchByline,
  matchContinuedFrom,
  opensWithSpeaker,
  splitInlineCredit,
} from "./patterns.js";
import { cleanSpaces, collapseSpaces, endsSentence, joinBroken, squash, visibleLength } from "./text.js";

export interface OcrLine {
  /** 1-based line number in the file. */
  no: number;
  raw: string;
}

export type ParaRole = "body" | "heading" | "caption";

export interface Para {
  text: string;
  role: ParaRole;
  line: number;
}

export interface Draft {
  headline: string[] | null;
  /** Column labels found after the headline (a label printed between a lead photo and the story). */
  extraKicker: string[];
  hasLead: boolean;
  paragraphs: Para[];
  byline: string | null;
  /** The headline was followed by a captioned photo. */
  photo: boolean;
  /** A closing byline or a photo credit ended the story. */
  closed: boolean;
  continuedFrom: string | null;
  continuesTo: string | null;
  firstLine: number;
}

const MAX_HEADLINE_LINES = 4;
const MAX_HEADLINE_CHARS = 48;
const MAX_CAPTION_CHARS = 320;
/** A section heading (小标题) inside a story is short; a longer comma-bearing line is a broken sentence. */
const MAX_SECTION_HEADING_CHARS = 24;
/** A photo's title is short and printed on at most two lines. */
const MAX_PHOTO_TITLE_LINES = 2;
/** Repeated text shorter than this may legitimately recur ("会议强调"), so it is not treated as a repeat. */
export const MIN_REPEAT_CHARS = 15;

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

function repeatedLines(lines: OcrLine[]): Set<number> {
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

function newDraft(firstLine: number, init: Partial<Draft> = {}): Draft {
  return {
    headline: null,
    extraKicker: [],
    hasLead: false,
    paragraphs: [],
    byline: null,
    photo: false,
    closed: false,
    continuedFrom: null,
    continuesTo: null,
    firstLine,
    ...init,
  };
}

export function hasBody(draft: Draft): boolean {
  return draft.paragraphs.some((p) => p.role === "body");
}

export function segment(lines: OcrLine[]): Draft[] {
  const repeats = repeatedLines(lines);
  const drafts: Draft[] = [];
  let cur: Draft | null = null;
  // The paragraph a broken line may continue (null after a heading, a byline-only line or a credit).
  let open: Para | null = null;
  let afterHeading = false;
  // Lines that turned out to precede a photo's title: they are judged on their own, not as a headline block.
  const notInBlock = new Set<number>();

  const start = (firstLine: number, init: Partial<Draft> = {}): Draft => {
    const draft = newDraft(firstLine, init);
    drafts.push(draft);
    cur = draft;
    open = null;
    return draft;
  };
  const current = (line: number): Draft => {
    const d = cur as Draft | null;
    return d && !d.closed ? d : start(line);
  };
  const addPara = (draft: Draft, text: string, role: ParaRole, line: number): void => {
    const para = { text, role, line };
    draft.paragraphs.push(para);
    open = role === "heading" ? null : para;
  };

  const blockEnd = (i: number): number => {
    let j = i;
    while (j < lines.length && j - i < MAX_HEADLINE_LINES && !repeats.has(j) && headlineLike(lines[j].raw)) j++;
    return j;
  };

  /** Index of the line that ends a photo caption starting at k (a credit line or a caption ending in a credit). */
  const captionEnd = (k: number): number => {
    let chars = 0;
    for (let m = k; m < Math.min(k + 4, lines.length); m++) {
      const raw = lines[m].raw;
      if (repeats.has(m) || matchByline(raw)) return -1;
      if (isCreditLine(raw)) return m > k ? m : -1;
      if (splitInlineCredit(raw)) return m;
      chars += visibleLength(raw);
      if (chars > MAX_CAPTION_CHARS) return -1;
    }
    return -1;
  };

  /**
   * In a narrow column every line is short, so a short line starting a paragraph is not a section heading when
   * the next line is about as long and continues its sentence.
   */
  const inNarrowColumn = (i: number): boolean => {
    const here = lines[i].raw;
    const next = lines[i + 1]?.raw;
    if (next === undefined || /[?？!！]$/u.test(here)) return false;
    const a = visibleLength(here);
    const b = visibleLength(next);
    return b < MAX_SECTION_HEADING_CHARS && Math.abs(a - b) <= 4 && !endsSentence(next);
  };

  const addCaption = (draft: Draft, from: number, to: number): void => {
    let caption: Para | null = null;
    for (let m = from; m <= to; m++) {
      const raw = lines[m].raw;
      if (isCreditLine(raw)) {
        draft.byline ??= collapseSpaces(raw);
        continue;
      }
      const inline = splitInlineCredit(raw);
      const text = cleanSpaces(inline ? inline.caption : raw);
      if (inline) draft.byline ??= inline.credit;
      if (caption && !endsSentence(caption.text)) caption.text = joinBroken(caption.text, text);
      else {
        caption = { text, role: "caption", line: lines[m].no };
        draft.paragraphs.push(caption);
      }
    }
    open = null;
  };

  for (let i = 0; i < lines.length; ) {
    const line = lines[i];
    const repeat = repeats.has(i);
    const openPara = open as Para | null;
    const dangling = openPara !== null && !endsSentence(openPara.text);

    const from = matchContinuedFrom(line.raw);
    if (from) {
      const draft = start(line.no, { continuedFrom: from.page });
      if (from.rest.trim()) addPara(draft, cleanSpaces(from.rest), "body", line.no);
      afterHeading = false;
      i++;
      continue;
    }

    if (isTrailerByline(line.raw)) {
      const d = cur as Draft | null;
      if (d) {
        const trailer = collapseSpaces(line.raw);
        d.byline = d.byline ? `${d.byline} ${trailer}` : trailer;
        d.closed = true;
      }
      open = null;
      i++;
      continue;
    }

    if (isCreditLine(line.raw)) {
      const d = cur as Draft | null;
      const credit = collapseSpaces(line.raw);
      if (d && d.photo && !hasBody(d)) {
        d.byline ??= credit;
        d.closed = true;
      } else if (d && openPara) openPara.text = `${openPara.text} ${credit}`;
      else if (d) addPara(d, credit, "caption", line.no);
      open = null;
      i++;
      continue;
    }

    if (!repeat && !afterHeading && headlineLike(line.raw)) {
      const end = notInBlock.has(i) ? i + 1 : blockEnd(i);
      const next = lines[end];
      const bylineAhead = next !== undefined && !repeats.has(end) && matchByline(next.raw) !== null;
      const photoEnd = bylineAhead || notInBlock.has(i) ? -1 : captionEnd(end);
      const proven = bylineAhead || photoEnd >= 0;
      const d = cur as Draft | null;
      const noStoryOpen = !d || d.closed;
      if (photoEnd >= 0 && !noStoryOpen && end - i > 1) {
        // Only the last short lines title the photo; earlier lines belong to the story the photo interrupts.
        let titleStart = end - 1;
        while (titleStart > i && end - titleStart < MAX_PHOTO_TITLE_LINES && !/[,，、]/u.test(lines[titleStart - 1].raw)) {
          titleStart--;
        }
        while (titleStart > i && isLabelLine(lines[titleStart - 1].raw)) titleStart--;
        if (titleStart > i) {
          for (let k = i; k < titleStart; k++) notInBlock.add(k);
          continue;
        }
      }
      // After a sentence cut short, a line with commas is more likely its continuation than a headline.
      const provenHere = proven && !(dangling && lines.slice(i, end).some((l) => /[,，、;；]/u.test(l.raw)));
      if (provenHere || !dangling) {
        const block = lines.slice(i, end).map((l) => l.raw);
        const head = splitHeadline(block);
        if (provenHere || noStoryOpen || head.hasLead || /\s——/u.test(block.join(" "))) {
          if (d && d.photo && d.hasLead && !hasBody(d) && block.every(isLabelLine)) {
            d.extraKicker.push(...block.map(collapseSpaces));
          } else {
            const photo = provenHere && photoEnd >= 0;
            start(line.no, { headline: block, hasLead: head.hasLead, photo });
            if (photo) {
              addCaption(cur as unknown as Draft, end, photoEnd);
              (cur as unknown as Draft).closed = true;
              i = photoEnd + 1;
              afterHeading = false;
              continue;
            }
          }
          i = end;
          afterHeading = false;
          continue;
        }
        if (d && visibleLength(line.raw) <= MAX_SECTION_HEADING_CHARS && !inNarrowColumn(i)) {
          addPara(d, cleanSpaces(line.raw), "heading", line.no);
          afterHeading = true;
          i++;
          continue;
        }
      }
    }
    afterHeading = false;

    // A body line.
    let raw = line.raw;
    const continues = extractContinuesTo(raw);
    if (continues) raw = continues.text;
    const inline = splitInlineCredit(raw);
    if (openPara && dangling) {
      openPara.text = joinBroken(openPara.text, cleanSpaces(raw));
      if (inline) openPara.role = "caption";
      if (continues && cur) (cur as Draft).continuesTo = continues.page;
      i++;
      continue;
    }
    const byline = matchByline(raw);
    if (byline && repeat) {
      raw = byline.rest;
    } else if (byline) {
      const d = cur as Draft | null;
      let draft: Draft;
      if (d && d.photo && d.hasLead && !hasBody(d)) {
        // The lead photo of a story printed above its byline: the story goes on.
        d.closed = false;
        draft = d;
      } else if (!d || d.closed || hasBody(d) || d.photo) draft = start(line.no);
      else draft = d;
      if (draft.byline && draft.photo) draft.byline = `${byline.byline}; ${draft.byline}`;
      else draft.byline ??= byline.byline;
      if (continues) draft.continuesTo = continues.page;
      if (byline.rest) addPara(draft, cleanSpaces(byline.rest), "body", line.no);
      else open = null;
      i++;
      continue;
    }
    const draft = current(line.no);
    if (continues) draft.continuesTo = continues.page;
    const text = inline ? `${cleanSpaces(inline.caption)} ${inline.credit}` : cleanSpaces(raw);
    if (text) addPara(draft, text, inline ? "caption" : "body", line.no);
    i++;
  }
  return drafts;
}
