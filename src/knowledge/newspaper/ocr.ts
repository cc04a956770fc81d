/** The OCR form: a whole page (or several) of text as an OCR engine dumps it. */
import type { Article, ArticleKind, ParsedIssue } from "../types.js";
import { IssueFileError } from "./errors.js";
import { splitHeadline } from "./headline.js";
import { issueId } from "./ids.js";
import { readMasthead } from "./masthead.js";
import { isPageFurniture } from "./patterns.js";
import { repair } from "./repair.js";
import { hasBody, segment, type Draft, type OcrLine } from "./segment.js";
import { countHan, firstWords, visibleLength } from "./text.js";

/** Fewer Chinese characters than this is not a newspaper page (a stray note, a mis-encoded file). */
const MIN_HAN = 20;
const BRIEF_CHARS = 300;

function kindOf(draft: Draft, title: string, bodyChars: number): ArticleKind {
  if (draft.photo && !hasBody(draft)) return "photo";
  if (/(通知|公告|启事|通告)$/u.test(title)) return "notice";
  if (draft.paragraphs.filter((p) => p.role === "heading").length >= 2) return "feature";
  if (bodyChars <= BRIEF_CHARS && hasBody(draft)) return "brief";
  return "news";
}

function toArticle(draft: Draft, id: string, seq: number): Article {
  const firstText = draft.paragraphs.find((p) => p.role !== "heading")?.text ?? draft.paragraphs[0]?.text ?? "";
  let title: string;
  let kicker: string | null = null;
  let titleMissing = false;
  if (draft.headline) {
    const head = splitHeadline(draft.headline);
    title = head.title;
    kicker = [head.kicker, ...draft.extraKicker].filter(Boolean).join(" / ") || null;
  } else {
    // Members see titles in answers, sources, buttons and digests: a story whose headline was not printed
    // (or was lost) is named by its first phrase, never by a marker; `titleMissing` tells the tools.
    titleMissing = true;
    title = firstWords(firstText);
  }
  const body = draft.paragraphs.map((p) => p.text).join("\n");
  const bodyChars = draft.paragraphs.filter((p) => p.role === "body").reduce((n, p) => n + visibleLength(p.text), 0);
  const article: Article = {
    id: `${id}/${seq}`,
    issueId: id,
    seq,
    title,
    kicker,
    kind: kindOf(draft, title, bodyChars),
    body,
    byline: draft.byline,
    url: null,
  };
  if (titleMissing) article.titleMissing = true;
  if (draft.continuedFrom) article.continuedFrom = draft.continuedFrom;
  if (draft.continuesTo) article.continuesTo = draft.continuesTo;
  return article;
}

/**
 * Parses an OCR dump of a newspaper issue. Throws IssueFileError when the text holds no recognisable
 * Chinese newspaper text. `fileName` is only used in error messages.
 */
export function parseIssueText(text: string, fileName: string): ParsedIssue {
  const all = text.replace(/\r\n?/gu, "\n").replace(/^\uFEFF/u, "").split("\n");
  const lines: OcrLine[] = [];
  all.forEach((raw, i) => {
    if (raw.trim()) lines.push({ no: i + 1, raw: raw.trim() });
  });
  if (lines.length === 0) throw new IssueFileError(fileName, "the file is empty (no text)");
  const han = countHan(text);
  if (han < MIN_HAN) {
    throw new IssueFileError(
      fileName,
      `no recognisable newspaper text: only ${han} Chinese characters (expected an OCR text of a Chinese newspaper page)`,
    );
  }
  const masthead = readMasthead(lines.map((l) => l.raw));
  const drafts = repair(segment(lines.slice(masthead.end).filter((l) => !isPageFurniture(l.raw))));
  const meta = { paper: masthead.paper, date: masthead.date, number: masthead.number, cn: masthead.cn };
  const id = issueId({ ...meta, page: masthead.page }, text);
  const articles = drafts.map((d, i) => toArticle(d, id, i + 1)).filter((a) => a.body || !a.titleMissing);
  articles.forEach((a, i) => {
    a.seq = i + 1;
    a.id = `${id}/${i + 1}`;
  });
  if (articles.length === 0) {
    throw new IssueFileError(fileName, "no recognisable newspaper text: no story with a headline or body was found");
  }
  return {
    issue: { id, ...meta, lunarDate: masthead.lunarDate, ...(masthead.page ? { page: masthead.page } : {}) },
    articles,
  };
}
