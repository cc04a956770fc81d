/** The stories of a page while it is being cut up (see segment.ts) and repaired (see repair.ts). */

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

/** Repeated text shorter than this may legitimately recur ("会议强调"), so it is not treated as a repeat. */
export const MIN_REPEAT_CHARS = 15;

export function newDraft(firstLine: number, init: Partial<Draft> = {}): Draft {
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

