/** Turns knowledge hits into Telegram HTML. Content is escaped; only our own tags are markup. */
import type { Hit, SourceRef } from "../knowledge/types.js";
import type { StoredHit } from "./context.js";
import { escapeHtml } from "./html.js";

type Translate = (key: string, variables?: Record<string, string | number>) => string;

/**
 * "工人日报 2024-05-01 第 12773 期 《标题》", from the fields the source has (never guessed). A newspaper story
 * printed without date and issue number (`kind` article) says so: the member must know it may be old.
 */
export function formatSource(t: Translate, source: SourceRef, locale: string, kind?: Hit["kind"]): string {
  if (kind === "faq") return escapeHtml(t("bot-source-staff", { author: source.author ?? "", date: source.date ?? "" }));
  const parts: string[] = [];
  if (source.paper) parts.push(escapeHtml(source.paper));
  if (source.date) parts.push(escapeHtml(source.date));
  if (source.issue) parts.push(escapeHtml(t("bot-source-issue", { issue: source.issue })));
  if (source.title) parts.push(locale === "en" ? `“${escapeHtml(source.title)}”` : `《${escapeHtml(source.title)}》`);
  if (parts.length === 0) return t("bot-source-unknown");
  if (kind === "article" && !source.date && !source.issue) parts.push(t("bot-source-undated"));
  return parts.join(" ");
}

export function hitKindLabel(t: Translate, kind: Hit["kind"]): string {
  return t(`bot-hit-kind-${kind}`);
}

/** One numbered line of the sources list under an answer. */
export function formatSourceLine(t: Translate, hit: StoredHit, index: number, locale: string): string {
  const marker = t("sample-marker");
  const sample = hit.sample && !hit.title.includes(marker) ? ` ${marker}` : "";
  const { paper, date, issue, title } = hit.source;
  // An article's title is its source title; a programme or station names itself, then its source (if any).
  if (hit.kind === "faq") return `${index + 1}. [${hitKindLabel(t, hit.kind)}] ${escapeHtml(hit.title)} — ${formatSource(t, hit.source, locale, hit.kind)}`;
  if (!paper && !date && !issue && !title) return `${index + 1}. [${hitKindLabel(t, hit.kind)}] ${escapeHtml(hit.title)}${sample}`;
  const name = hit.title && hit.title !== title ? `${escapeHtml(hit.title)} — ` : "";
  return `${index + 1}. [${hitKindLabel(t, hit.kind)}] ${name}${formatSource(t, hit.source, locale, hit.kind)}${sample}`;
}

/** A hit opened from its button: title, sample marker, the text, the source. */
export function formatHitCard(t: Translate, hit: StoredHit, locale: string): string {
  const lines = [`<b>${escapeHtml(hit.title)}</b> · ${hitKindLabel(t, hit.kind)}`];
  if (hit.sample) lines.push(t("sample-marker"));
  lines.push("", escapeHtml(hit.snippet.trim()), "");
  const { paper, date, issue, title } = hit.source;
  // A station without a listed source shows who runs it in its text, not "source details incomplete".
  const sourceless = hit.kind === "station" && !paper && !date && !issue && !title;
  if (!sourceless) lines.push(t("bot-hit-source", { source: formatSource(t, hit.source, locale, hit.kind) }));
  if (hit.source.url) lines.push(escapeHtml(hit.source.url));
  return lines.join("\n");
}
