/** Result texts of the eligibility conversations (Telegram HTML). Content from the catalogue is escaped. */
import { InlineKeyboard } from "grammy";
import { programmeName, programmeText, type ShownText } from "../../knowledge/catalogue/english.js";
import { trainingFeeUnstated } from "../../knowledge/catalogue/training.js";
import type { Programme } from "../../knowledge/catalogue/types.js";
import type { EligibilityResult } from "../../knowledge/eligibility/index.js";
import { formatReason, OPEN_BY_SOURCE } from "../../knowledge/eligibility/reasons.js";
import { formatSource } from "../format.js";
import { escapeHtml, truncate } from "../html.js";
import {
  CB,
} from "./find-shared.js";
import { questionText } from "./find-questions.js";

type T = (key: string, vars?: Record<string, string | number>) => string;

function isRegionFailure(r: EligibilityResult): boolean {
  return r.verdict === "not_eligible" && r.reasons.every((reason) => reason.kind === "region-no");
}

/** A catalogue text in the member's language; flagged when only the Chinese exists. */
function shown(t: T, value: ShownText, max = Infinity): string {
  return `${escapeHtml(truncate(value.text, max))}${value.chineseOnly ? ` ${t("programme-chinese-only")}` : ""}`;
}

function practical(t: T, p: Programme, locale: string, lines: string[]): void {
  const text = programmeText(p, locale);
  if (text.benefits.length > 0) {
    const joined = { text: text.benefits.map((b) => b.text).join(locale === "en" ? "; " : ";"), chineseOnly: text.benefits.some((b) => b.chineseOnly) };
    lines.push(`${t("find-item-benefits")}${shown(t, joined, 160)}`);
  }
  lines.push(`${t("find-item-apply")}${text.howToApply ? shown(t, text.howToApply) : escapeHtml(t("find-item-not-stated"))}`);
  lines.push(`${t("find-item-contact")}${text.contact ? shown(t, text.contact) : escapeHtml(t("find-item-not-stated"))}`);
  if (trainingFeeUnstated(p)) lines.push(t("find-item-fee-unstated"));
  const source = p.sources[0];
  if (source) lines.push(t("find-item-source", { source: formatSource(t, source, locale) }));
}

/** The result list: eligible first, then "might qualify: missing X", then not eligible with the reason. */
export function formatResultList(t: T, locale: string, programmes: Programme[], results: EligibilityResult[]): { html: string; keyboard: InlineKeyboard } {
  const byId = new Map(programmes.map((p) => [p.id, p]));
  const eligible = results.filter((r) => r.verdict === "eligible");
  const unknown = results.filter((r) => r.verdict === "unknown");
  const elsewhere = results.filter(isRegionFailure);
  const not = results.filter((r) => r.verdict === "not_eligible" && !isRegionFailure(r));
  const lines: string[] = [t("find-results-header"), ""];
  const keyboard = new InlineKeyboard();
  const nameOf = (r: EligibilityResult) => {
    const p = byId.get(r.programme.id);
    return p ? programmeName(p, locale) : r.programme.name;
  };
  const button = (r: EligibilityResult) => keyboard.text(t("find-more", { name: truncate(nameOf(r), 24) }), `${CB.more}${r.programme.id}`).row();

  if (eligible.length > 0) {
    lines.push(t("find-results-eligible"));
    for (const r of eligible) {
      const p = byId.get(r.programme.id);
      lines.push(`<b>${escapeHtml(nameOf(r))}</b>`);
      if (p) practical(t, p, locale, lines);
      lines.push("");
      button(r);
    }
  }
  if (unknown.length > 0) {
    lines.push(t("find-results-unknown"));
    for (const r of unknown) {
      const p = byId.get(r.programme.id);
      lines.push(`<b>${escapeHtml(nameOf(r))}</b>`);
      if (r.missing.length > 0) {
        const what = r.missing.map((f) => questionText(f, locale).replace(/[??]$/, "")).join(locale === "en" ? "; " : ";");
        lines.push(escapeHtml(t("find-item-missing", { what })));
      } else {
        // A reason without its quoted source sentence (lists stay short; the detail view shows the quote).
        const open = r.reasons.filter((x) => OPEN_BY_SOURCE.has(x.kind)).map((x) => formatReason(x, locale, { short: true }));
        if (open.length > 0) lines.push(`${t("find-item-why")}${escapeHtml(open.join(locale === "en" ? "; " : " "))}`);
      }
      if (p) practical(t, p, locale, lines);
      lines.push("");
      button(r);
    }
  }
  if (not.length > 0) {
    lines.push(t("find-results-not"));
    for (const r of not) {
      const why = r.reasons.map((x) => formatReason(x, locale, { short: true })).join(locale === "en" ? "; " : " ");
      lines.push(`<b>${escapeHtml(nameOf(r))}</b>${locale === "en" ? ": " : ":"}${escapeHtml(truncate(why, 200))}`);
    }
    lines.push("");
  }
  if (elsewhere.length > 0) lines.push(t("find-results-elsewhere", { count: elsewhere.length }));
  if (eligible.length === 0 && unknown.length === 0) lines.push(t("find-none"));
  lines.push(t("find-hotline"));
  keyboard.text(t("find-remember"), CB.remember).text(t("find-done"), CB.done);
  return { html: lines.join("\n").replace(/\n{3,}/g, "\n\n"), keyboard };
}

/** One programme's verdict with every reason (quoting the source) and what to do next. */
export function formatCheckResult(t: T, locale: string, p: Programme, r: EligibilityResult): string {
  const lines = [t("find-check-header", { name: escapeHtml(programmeName(p, locale)) }), t(`find-verdict-${r.verdict}`), "", t("find-check-reasons")];
  for (const reason of r.reasons) lines.push(`• ${escapeHtml(formatReason(reason, locale))}`);
  if (r.verdict === "unknown" && r.missing.length > 0) {
    const what = r.missing.map((f) => questionText(f, locale).replace(/[??]$/, "")).join(locale === "en" ? "; " : ";");
    lines.push(escapeHtml(t("find-item-missing", { what })));
  }
  lines.push("");
  practical(t, p, locale, lines);
  lines.push("", t("find-hotline"));
  return lines.join("\n");
}
