/**
 * What a "details" button shows: the programme card from the catalogue, the article from the store,
 * or (for other hits, or when the full record is gone) the hit's own snippet. Content is escaped.
 */
import type { Programme } from "../knowledge/catalogue/types.js";
import type { StoredArticle } from "../storage/issues.js";
import type { BotDeps, StoredHit } from "./context.js";
import { formatHitCard, formatSource, hitKindLabel } from "./format.js";
import { escapeHtml, truncate } from "./html.js";
import { knowledgeCatalogue } from "./conversations/find-shared.js";

type Translate = (key: string, variables?: Record<string, string | number>) => string;

/** Longest article body shown in chat; the source line says where to read the rest. */
const MAX_ARTICLE_CHARS = 3000;

export async function hitDetailHtml(deps: BotDeps, t: Translate, hit: StoredHit, locale: string): Promise<string> {
  if (hit.kind === "programme") {
    const programme = knowledgeCatalogue(deps).get(hit.id);
    if (programme) return programmeCard(t, programme, locale);
  }
  if (hit.kind === "article") {
    const article = await deps.store.issues.getArticle(hit.id).catch(() => undefined);
    if (article) return articleCard(t, article, locale);
  }
  return formatHitCard(t, hit, locale);
}

function programmeCard(t: Translate, p: Programme, locale: string): string {
  const lines = [`<b>${escapeHtml(p.name)}</b> · ${hitKindLabel(t, "programme")}`];
  if (p.status === "ended") lines.push(`<i>${t("bot-card-ended")}</i>`);
  lines.push("", escapeHtml(p.description.trim()));
  const field = (key: string, value: string | null | undefined) => {
    if (value && value.trim()) lines.push(`<b>${t(key)}</b>${escapeHtml(value.trim())}`);
  };
  lines.push("");
  field("bot-card-provider", p.provider);
  field("bot-card-region", regionText(p));
  field("bot-card-audience", p.audience);
  if (p.benefits.length > 0) {
    lines.push(`<b>${t("bot-card-benefits")}</b>`);
    for (const benefit of p.benefits) lines.push(`• ${escapeHtml(benefit)}`);
  }
  field("bot-card-eligibility", p.eligibility?.summary);
  field("bot-card-apply", p.how_to_apply);
  field("bot-card-contact", p.contact);
  field("bot-card-period", p.period?.text ?? [p.period?.valid_from, p.period?.valid_to].filter(Boolean).join(" – "));
  if (!p.how_to_apply && !p.contact) lines.push(t("bot-card-ask-union"));
  lines.push("");
  for (const source of p.sources) {
    lines.push(t("bot-hit-source", { source: formatSource(t, { ...source, title: source.title }, locale) }));
  }
  return lines.join("\n");
}

function regionText(p: Programme): string | null {
  if (!p.region) return null;
  const parts = [p.region.province, p.region.city, p.region.county, p.region.locality].filter(Boolean).join("");
  return parts || p.region.text;
}

function articleCard(t: Translate, a: StoredArticle, locale: string): string {
  const lines = [`<b>${escapeHtml(a.title)}</b> · ${hitKindLabel(t, "article")}`];
  if (a.kicker) lines.push(`<i>${escapeHtml(a.kicker)}</i>`);
  lines.push("", escapeHtml(truncate(a.body.trim(), MAX_ARTICLE_CHARS)), "");
  if (a.byline) lines.push(escapeHtml(a.byline));
  lines.push(
    t("bot-hit-source", {
      source: formatSource(t, { paper: a.issue.paper, date: a.issue.date, issue: a.issue.number, title: a.title }, locale),
    }),
  );
  if (a.url) lines.push(escapeHtml(a.url));
  return lines.join("\n");
}
