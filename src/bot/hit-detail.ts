/**
 * What a "details" button shows: the programme card from the catalogue, the article from the store,
 * or (for other hits, or when the full record is gone) the hit's own snippet. Content is escaped.
 */
import { programmeText, type ShownText } from "../knowledge/catalogue/english.js";
import type { Programme } from "../knowledge/catalogue/types.js";
import type { StoredArticle } from "../knowledge/newspaper/repository.js";
import type { BotDeps, StoredHit } from "./context.js";
import { formatHitCard, formatSource, hitKindLabel } from "./format.js";
import { escapeHtml, truncate } from "./html.js";

type Translate = (key: string, variables?: Record<string, string | number>) => string;

/** Longest article body shown in chat; the source line says where to read the rest. */
const MAX_ARTICLE_CHARS = 3000;

export async function hitDetailHtml(deps: BotDeps, t: Translate, hit: StoredHit, locale: string): Promise<string> {
  if (hit.kind === "programme") {
    const programme = deps.catalogue.get(hit.id);
    if (programme) return programmeCard(t, programme, locale);
  }
  if (hit.kind === "article") {
    const article = await deps.store.issues.getArticle(hit.id).catch(() => undefined);
    if (article) return articleCard(t, article, locale);
  }
  return formatHitCard(t, hit, locale);
}

/** A field without its English translation is shown in Chinese, saying so. */
function shownHtml(t: Translate, value: ShownText): string {
  return `${escapeHtml(value.text)}${value.chineseOnly ? ` ${t("programme-chinese-only")}` : ""}`;
}

/** "What you get:" and one line per benefit. */
function benefitLines(t: Translate, benefits: readonly ShownText[]): string[] {
  return benefits.length > 0 ? [`<b>${t("bot-card-benefits")}</b>`, ...benefits.map((b) => `• ${shownHtml(t, b)}`)] : [];
}

/** Where the programme was printed, and the source sentence as printed, in Chinese, beside any translation. */
function sourceLines(t: Translate, source: Programme["sources"][number], locale: string): string[] {
  const lines = [t("bot-hit-source", { source: formatSource(t, source, locale) })];
  if (source.quote) lines.push(t("bot-card-quote", { quote: escapeHtml(source.quote) }));
  return lines;
}

/**
 * What a programme offers, in the member's language, for the top of an answer: name (with the Chinese name
 * beside an English one), what it is, what you get, how to apply and its first source. The details button
 * shows the rest.
 */
export function programmeSummaryHtml(t: Translate, p: Programme, locale: string): string {
  const text = programmeText(p, locale);
  const chineseName = text.name.text !== p.name ? ` (${escapeHtml(p.name)})` : "";
  const lines = [t("bot-answer-programme", { name: `${shownHtml(t, text.name)}${chineseName}` })];
  if (p.status === "ended") lines.push(`<i>${t("bot-card-ended")}</i>`);
  lines.push(shownHtml(t, text.description), ...benefitLines(t, text.benefits));
  if (text.howToApply) lines.push(`<b>${t("bot-card-apply")}</b>${shownHtml(t, text.howToApply)}`);
  else if (!p.contact) lines.push(t("bot-card-ask-union"));
  if (p.sources[0]) lines.push("", ...sourceLines(t, p.sources[0], locale));
  return lines.join("\n");
}

function programmeCard(t: Translate, p: Programme, locale: string): string {
  const text = programmeText(p, locale);
  const shown = (value: ShownText) => shownHtml(t, value);
  const lines = [`<b>${shown(text.name)}</b> · ${hitKindLabel(t, "programme")}`];
  if (p.status === "ended") lines.push(`<i>${t("bot-card-ended")}</i>`);
  lines.push("", shown(text.description));
  const field = (key: string, value: ShownText | null) => {
    if (value) lines.push(`<b>${t(key)}</b>${shown(value)}`);
  };
  lines.push("");
  field("bot-card-provider", text.provider);
  field("bot-card-region", text.region);
  field("bot-card-audience", text.audience);
  lines.push(...benefitLines(t, text.benefits));
  field("bot-card-eligibility", text.summary);
  field("bot-card-apply", text.howToApply);
  field("bot-card-contact", text.contact);
  field("bot-card-period", text.period ?? periodDates(p));
  if (!p.how_to_apply && !p.contact) lines.push(t("bot-card-ask-union"));
  lines.push("");
  for (const source of p.sources) lines.push(...sourceLines(t, source, locale));
  return lines.join("\n");
}

function periodDates(p: Programme): ShownText | null {
  const dates = [p.period?.valid_from, p.period?.valid_to].filter(Boolean).join(" – ");
  return dates ? { text: dates, chineseOnly: false } : null;
}

function articleCard(t: Translate, a: StoredArticle, locale: string): string {
  const lines = [`<b>${escapeHtml(a.title)}</b> · ${hitKindLabel(t, "article")}`];
  if (a.kicker) lines.push(`<i>${escapeHtml(a.kicker)}</i>`);
  lines.push("", escapeHtml(truncate(a.body.trim(), MAX_ARTICLE_CHARS)), "");
  if (a.byline) lines.push(escapeHtml(a.byline));
  lines.push(
    t("bot-hit-source", {
      source: formatSource(t, { paper: a.issue.paper, date: a.issue.date, issue: a.issue.number, title: a.title }, locale, "article"),
    }),
  );
  if (a.url) lines.push(escapeHtml(a.url));
  return lines.join("\n");
}
