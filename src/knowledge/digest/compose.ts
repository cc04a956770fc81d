/**
 * The digest message: paper, date and issue number; per article its headline, a one or two line summary
 * from the article, and a "read" button. HTML (Telegram parse mode), every content string escaped.
 */
import { translate } from "../../i18n.js";
import type { DigestItem } from "./types.js";

export interface DigestIssueInfo {
  pubId: number;
  paper: string | null;
  date: string | null;
  number: string | null;
  items: DigestItem[];
}

export interface DigestButton {
  label: string;
  /** Callback data, at most 64 bytes: `digest:read:<pubId>:<seq>`. */
  data: string;
}

export interface ComposedDigest {
  html: string;
  buttons: DigestButton[];
}

export const READ_CALLBACK_PREFIX = "digest:read:";

export function readCallbackData(pubId: number, seq: number): string {
  return `${READ_CALLBACK_PREFIX}${pubId}:${seq}`;
}

export function parseReadCallbackData(data: string): { pubId: number; seq: number } | undefined {
  const match = /^digest:read:(\d+):(\d+)$/.exec(data);
  return match ? { pubId: Number(match[1]), seq: Number(match[2]) } : undefined;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join("") + "…";
}

/** "2024-11-07" as the locale writes it; anything else is shown as printed. */
export function formatIssueDate(date: string | null, locale: string): string | null {
  if (!date) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const [, y, m, d] = match;
  return locale.startsWith("zh") ? `${y}年${Number(m)}月${Number(d)}日` : `${y}-${m}-${d}`;
}

/** Heading line: paper · date · number; missing facts are left out, never guessed. */
export function issueHeading(issue: Pick<DigestIssueInfo, "paper" | "date" | "number">, locale: string): string {
  const parts = [
    issue.paper ?? translate(locale, "digest-paper-unknown"),
    formatIssueDate(issue.date, locale),
    issue.number ? translate(locale, "digest-issue-number", { number: issue.number }) : null,
  ].filter((p): p is string => !!p);
  return parts.join(" · ");
}

export function composeDigest(issue: DigestIssueInfo, seqs: number[], locale: string): ComposedDigest | undefined {
  const bySeq = new Map(issue.items.map((item) => [item.seq, item]));
  const items = seqs.map((seq) => bySeq.get(seq)).filter((item): item is DigestItem => item !== undefined);
  if (items.length === 0) return undefined;
  const lines = [`📰 <b>${escapeHtml(issueHeading(issue, locale))}</b>`, escapeHtml(translate(locale, "digest-intro", { count: items.length })), ""];
  items.forEach((item, index) => {
    lines.push(`${index + 1}. <b>${escapeHtml(cut(item.title, 60))}</b>`);
    if (item.summary) lines.push(escapeHtml(item.summary));
    lines.push("");
  });
  lines.push(escapeHtml(translate(locale, "digest-footer")));
  const buttons = items.map((item, index) => ({
    label: translate(locale, "digest-read-button", { n: index + 1, title: cut(item.title, 24) }),
    data: readCallbackData(issue.pubId, item.seq),
  }));
  return { html: lines.join("\n"), buttons };
}
