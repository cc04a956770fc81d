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
  splitInlineCredit,
} from "./patterns.js";
import { cleanSpaces, collapseSpaces, endsSentence, joinBroken, visibleLength } from "./text.js";
import { hasBody, newDraft, type Draft, type OcrLine, type Para, type ParaRole } from "./draft.js";
import { headlineLike, repeatedLines } from "./line-form.js";

export { hasBody, type Draft, type OcrLine, type Para } from "./draft.js";

const MAX_HEADLINE_LINES = 4;
const MAX_CAPTION_CHARS = 320;
/** A section heading (小标题) inside a story is short; a longer comma-bearing line is a broken sentence. */
const MAX_SECTION_HEADING_CHARS = 24;
/** A photo's title is short and printed on at most two lines. */
const MAX_PHOTO_TITLE_LINES = 2;

export function segment(lines: OcrLine[]): Draft[] {
  return new Segmenter(lines).run();
}

class Segmenter {
  private readonly repeats: Set<number>;
  private readonly drafts: Draft[] = [];
  private cur: Draft | null = null;
  /** The paragraph a broken line may continue (null after a heading, a byline-only line or a credit). */
  private open: Para | null = null;
  private afterHeading = false;
  /** Lines that turned out to precede a photo's title: they are judged on their own, not as a headline block. */
  private readonly notInBlock = new Set<number>();

  constructor(private readonly lines: OcrLine[]) {
    this.repeats = repeatedLines(lines);
  }

  run(): Draft[] {
    for (let i = 0; i < this.lines.length; ) i = this.step(i);
    return this.drafts;
  }

  private start(firstLine: number, init: Partial<Draft> = {}): Draft {
    const draft = newDraft(firstLine, init);
    this.drafts.push(draft);
    this.cur = draft;
    this.open = null;
    return draft;
  }

  private addPara(draft: Draft, text: string, role: ParaRole, line: number): void {
    const para = { text, role, line };
    draft.paragraphs.push(para);
    this.open = role === "heading" ? null : para;
  }

  private blockEnd(i: number): number {
    let j = i;
    while (j < this.lines.length && j - i < MAX_HEADLINE_LINES && !this.repeats.has(j) && headlineLike(this.lines[j].raw)) j++;
    return j;
  }

  /** Index of the line that ends a photo caption starting at k (a credit line or a caption ending in a credit). */
  private captionEnd(k: number): number {
    let chars = 0;
    for (let m = k; m < Math.min(k + 4, this.lines.length); m++) {
      const raw = this.lines[m].raw;
      if (this.repeats.has(m) || matchByline(raw)) return -1;
      if (isCreditLine(raw)) return m > k ? m : -1;
      if (splitInlineCredit(raw)) return m;
      chars += visibleLength(raw);
      if (chars > MAX_CAPTION_CHARS) return -1;
    }
    return -1;
  }

  /**
   * In a narrow column every line is short, so a short line starting a paragraph is not a section heading when
   * the next line is about as long and continues its sentence.
   */
  private inNarrowColumn(i: number): boolean {
    const here = this.lines[i].raw;
    const next = this.lines[i + 1]?.raw;
    if (next === undefined || /[?？!！]$/u.test(here)) return false;
    const b = visibleLength(next);
    return b < MAX_SECTION_HEADING_CHARS && Math.abs(visibleLength(here) - b) <= 4 && !endsSentence(next);
  }

  private addCaption(draft: Draft, from: number, to: number): void {
    let caption: Para | null = null;
    for (let m = from; m <= to; m++) {
      const raw = this.lines[m].raw;
      if (isCreditLine(raw)) {
        draft.byline ??= collapseSpaces(raw);
        continue;
      }
      const inline = splitInlineCredit(raw);
      const text = cleanSpaces(inline ? inline.caption : raw);
      if (inline) draft.byline ??= inline.credit;
      if (caption && !endsSentence(caption.text)) caption.text = joinBroken(caption.text, text);
      else {
        caption = { text, role: "caption", line: this.lines[m].no };
        draft.paragraphs.push(caption);
      }
    }
    this.open = null;
  }

  /** Handles the line at i (and the lines of its headline block or caption); returns the next index. */
  private step(i: number): number {
    const line = this.lines[i];
    const dangling = this.open !== null && !endsSentence(this.open.text);

    const from = matchContinuedFrom(line.raw);
    if (from) {
      const draft = this.start(line.no, { continuedFrom: from.page });
      if (from.rest.trim()) this.addPara(draft, cleanSpaces(from.rest), "body", line.no);
      this.afterHeading = false;
      return i + 1;
    }
    if (isTrailerByline(line.raw)) {
      if (this.cur) {
        const trailer = collapseSpaces(line.raw);
        this.cur.byline = this.cur.byline ? `${this.cur.byline} ${trailer}` : trailer;
        this.cur.closed = true;
      }
      this.open = null;
      return i + 1;
    }
    if (isCreditLine(line.raw)) {
      this.credit(collapseSpaces(line.raw), line.no);
      return i + 1;
    }
    if (!this.repeats.has(i) && !this.afterHeading && headlineLike(line.raw)) {
      const next = this.headline(i, dangling);
      if (next !== null) return next;
    }
    this.afterHeading = false;
    this.body(i, dangling);
    return i + 1;
  }

  private credit(credit: string, lineNo: number): void {
    const d = this.cur;
    if (d && d.photo && !hasBody(d)) {
      d.byline ??= credit;
      d.closed = true;
    } else if (d && this.open) this.open.text = `${this.open.text} ${credit}`;
    else if (d) this.addPara(d, credit, "caption", lineNo);
    this.open = null;
  }

  /** A headline-like line: starts a story, a photo, or a section heading; null when it is body text after all. */
  private headline(i: number, dangling: boolean): number | null {
    const lines = this.lines;
    const alone = this.notInBlock.has(i);
    const end = alone ? i + 1 : this.blockEnd(i);
    const next = lines[end];
    const bylineAhead = next !== undefined && !this.repeats.has(end) && matchByline(next.raw) !== null;
    const photoEnd = bylineAhead || alone ? -1 : this.captionEnd(end);
    const d = this.cur;
    const noStoryOpen = !d || d.closed;
    if (photoEnd >= 0 && !noStoryOpen && end - i > 1) {
      // Only the last short lines title the photo; earlier lines belong to the story the photo interrupts.
      let titleStart = end - 1;
      while (titleStart > i && end - titleStart < MAX_PHOTO_TITLE_LINES && !/[,，、]/u.test(lines[titleStart - 1].raw)) {
        titleStart--;
      }
      while (titleStart > i && isLabelLine(lines[titleStart - 1].raw)) titleStart--;
      if (titleStart > i) {
        for (let k = i; k < titleStart; k++) this.notInBlock.add(k);
        return i;
      }
    }
    // After a sentence cut short, a line with commas is more likely its continuation than a headline.
    const proven =
      (bylineAhead || photoEnd >= 0) && !(dangling && lines.slice(i, end).some((l) => /[,，、;；]/u.test(l.raw)));
    if (!proven && dangling) return null;
    const block = lines.slice(i, end).map((l) => l.raw);
    const head = splitHeadline(block);
    if (proven || noStoryOpen || head.hasLead || /\s——/u.test(block.join(" "))) {
      this.afterHeading = false;
      if (d && d.photo && d.hasLead && !hasBody(d) && block.every(isLabelLine)) {
        d.extraKicker.push(...block.map(collapseSpaces));
        return end;
      }
      const photo = proven && photoEnd >= 0;
      const draft = this.start(lines[i].no, { headline: block, hasLead: head.hasLead, photo });
      if (!photo) return end;
      this.addCaption(draft, end, photoEnd);
      draft.closed = true;
      return photoEnd + 1;
    }
    if (d && visibleLength(lines[i].raw) <= MAX_SECTION_HEADING_CHARS && !this.inNarrowColumn(i)) {
      this.addPara(d, cleanSpaces(lines[i].raw), "heading", lines[i].no);
      this.afterHeading = true;
      return i + 1;
    }
    return null;
  }

  private body(i: number, dangling: boolean): void {
    const line = this.lines[i];
    let raw = line.raw;
    const continues = extractContinuesTo(raw);
    if (continues) raw = continues.text;
    const inline = splitInlineCredit(raw);
    const text = inline ? `${cleanSpaces(inline.caption)} ${inline.credit}` : cleanSpaces(raw);
    // A byline starts a story even right after a sentence cut short (the end of the story before it was lost).
    const byline = matchByline(raw);
    if (this.open && dangling && !(byline && !this.repeats.has(i))) {
      const joined = inline ? joinBroken(this.open.text, cleanSpaces(inline.caption)) : joinBroken(this.open.text, text);
      this.open.text = inline ? `${joined} ${inline.credit}` : joined;
      if (inline) this.open.role = "caption";
      if (continues && this.cur) this.cur.continuesTo = continues.page;
      return;
    }
    if (byline && !this.repeats.has(i)) {
      const d = this.cur;
      let draft: Draft;
      if (d && d.photo && d.hasLead && !hasBody(d)) {
        // The lead photo of a story printed above its byline: the story goes on.
        d.closed = false;
        draft = d;
      } else if (!d || d.closed || hasBody(d) || d.photo) draft = this.start(line.no);
      else draft = d;
      if (draft.byline && draft.photo) draft.byline = `${byline.byline}; ${draft.byline}`;
      else draft.byline ??= byline.byline;
      if (continues) draft.continuesTo = continues.page;
      if (byline.rest) this.addPara(draft, cleanSpaces(byline.rest), "body", line.no);
      else this.open = null;
      return;
    }
    const draft = this.cur && !this.cur.closed ? this.cur : this.start(line.no);
    if (continues) draft.continuesTo = continues.page;
    // A repeated paragraph keeps no byline: its copies must compare equal (see repair.ts).
    const bodyText = byline ? cleanSpaces(byline.rest) : text;
    if (bodyText) this.addPara(draft, bodyText, inline ? "caption" : "body", line.no);
  }
}
