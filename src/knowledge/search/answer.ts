/**
 * The short answer shown above the hits. It quotes the best passage and names where it was printed;
 * nothing is added that the sources do not say. Framing text comes from locales/<locale>/search.ftl.
 */
import { translate } from "../../i18n.js";
import type { Hit, SourceRef } from "../types.js";
import type { Locale } from "../../locale.js";


export function formatSource(source: SourceRef, locale: Locale, fallbackTitle: string): string {
  const where = [source.paper, source.date, source.issue ? translate(locale, "search-source-issue", { issue: source.issue }) : null]
    .filter((x): x is string => !!x)
    .join(" ");
  const title = source.title ?? fallbackTitle;
  // Neither date nor issue (an OCR page without masthead, a story filed without a date): the reader must know
  // the story may be old, even when the paper is known.
  const undated = !source.date && !source.issue ? translate(locale, "search-source-undated").trimEnd() : "";
  if (where) return `${translate(locale, "search-source", { where, title }).trim()}${undated}`;
  return `${translate(locale, "search-source-title", { title }).trim()}${undated}`;
}

export function composeAnswer(hits: readonly Hit[], quote: string, locale: Locale): string {
  const top = hits[0];
  const source = formatSource(top.source, locale, top.title);
  if (top.kind === "faq") {
    // Written by union staff, not printed in the paper: the member is told who wrote it and when.
    const intro = translate(locale, "search-answer-faq", { author: top.source.author ?? "", date: top.source.date ?? "" });
    const link = top.source.url ? `\n${translate(locale, "search-answer-faq-link", { link: top.source.url })}` : "";
    return `${intro}\n${quote}${link}`;
  }
  if (top.kind === "station") {
    // Station titles carry the sample marker themselves; a sample list also says what it is.
    const note = top.sample ? `\n${translate(locale, "search-sample-stations-note")}` : "";
    if (top.lead) return `${top.lead}${note}`;
    return `${translate(locale, "search-answer-station", { name: top.title })}${locale === "en" ? "\n" : ""}${quote}${note}`;
  }
  const intro =
    top.kind === "programme"
      ? translate(locale, "search-answer-programme", { name: top.title, source })
      : translate(locale, "search-answer-intro", { source });
  const sample = top.sample ? translate(locale, "search-sample") : "";
  // Only the top hit is quoted: the other hits are listed with their own snippets by the caller.
  return `${sample}${intro}${locale === "en" ? "\n" : ""}${quote}`;
}

/** "These may be related": said plainly to be a guess, with 12351; names the asked detail the hits lack. */
export function relatedAnswer(locale: Locale, detail?: string): string {
  return detail ? translate(locale, "search-related-detail", { detail }) : translate(locale, "search-related");
}

export function notFoundAnswer(locale: Locale, reason: { place?: string; detail?: string; timely?: boolean }): string {
  if (reason.timely) return translate(locale, "search-not-found-timely");
  if (reason.place) return translate(locale, "search-not-found-region", { place: reason.place });
  if (reason.detail) return translate(locale, "search-not-found-detail", { detail: reason.detail });
  return translate(locale, "search-not-found");
}
