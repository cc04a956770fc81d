/**
 * What the search indexes: programmes from the catalogue and newspaper articles, cut into passages of about
 * 300 characters (long articles would otherwise win on length, and a snippet must come from the part that
 * matched).
 */
import type { Programme, ProgrammeStatus } from "../catalogue/types.js";
import type { FaqEntry } from "../faq/types.js";
import type { SourceRef } from "../types.js";
import { sentenceUnits } from "./snippet.js";

export interface SearchDocument {
  kind: "programme" | "article" | "faq";
  /** Hit id: programme id or article id. */
  id: string;
  title: string;
  /** Sub-headline, aliases or keywords: indexed with the title. */
  extraTitle: string;
  body: string;
  source: SourceRef;
  /** Place names the document is about (programme region, newspaper's home province). */
  regionText: string;
  /** Programmes: whether it runs (ended/planned are marked in answers and rank below running ones). */
  status?: ProgrammeStatus;
  /** Programmes: the source's words about when it applies ("2022年"两节"期间"). */
  periodText?: string | null;
  /** Programmes: it lists what a member gets (answers "有什么补贴/福利"). */
  hasBenefits?: boolean;
}

export interface Passage {
  /** Index key. */
  key: number;
  doc: SearchDocument;
  /** Position of the passage in its document (0 = first). */
  part: number;
  text: string;
}

const TARGET = 300;
const MAX = 420;

/**
 * Splits at sentence ends (。！？；and line breaks) and packs sentences into passages of ~300 characters.
 * Line breaks inside a passage stay, so a section heading is not glued to the sentence after it.
 */
export function splitPassages(body: string): string[] {
  const units = sentenceUnits(body.replace(/\r/g, ""));
  const out: string[] = [];
  let current = "";
  for (const { text: sentence, lineEnd } of units) {
    const piece = lineEnd ? `${sentence}\n` : sentence;
    if (current && current.trimEnd().length + sentence.length > TARGET) {
      out.push(current.trimEnd());
      current = "";
    }
    current += piece;
    while (current.length > MAX) {
      out.push(current.slice(0, TARGET));
      current = current.slice(TARGET);
    }
  }
  if (current.trim()) out.push(current.trimEnd());
  return out.length > 0 ? out : [""];
}

/**
 * The catalogue's advice to call the hotline (可咨询12351或当地工会) is the curators' pointer, added where the source
 * is silent, not a fact of the source: searched, it made the card answer "12351是什么". Clauses naming the hotline
 * are left out of the searched text of how to apply; the card shown to the member keeps them.
 */
const HOTLINE_CLAUSE = /[^;；。]*12351[^;；。]*[;；。]?/g;

export function withoutHotlinePointer(text: string): string {
  return text.replace(HOTLINE_CLAUSE, "").replace(/[;；]$/, "。");
}

export function programmeDocument(p: Programme): SearchDocument {
  const src = p.sources[0];
  const region = p.region ? [p.region.province, p.region.city, p.region.county, p.region.locality, p.region.text] : [];
  const howToApply = p.how_to_apply ? withoutHotlinePointer(p.how_to_apply) : "";
  const lines = [
    p.description,
    p.audience ? `对象：${p.audience}` : null,
    p.benefits.length > 0 ? `内容：${p.benefits.join("；")}` : null,
    howToApply ? `申请：${howToApply}` : null,
    p.contact ? `联系：${p.contact}` : null,
    p.provider ? `提供方：${p.provider}` : null,
    p.eligibility?.summary ? `条件：${p.eligibility.summary}` : null,
    p.period?.text ? `时间：${p.period.text}` : null,
    ...p.sources.map((s) => s.quote).filter((q): q is string => !!q),
  ].filter((l): l is string => !!l);
  return {
    kind: "programme",
    id: p.id,
    title: p.name,
    extraTitle: [...p.aliases, ...p.keywords].join(" "),
    body: lines.join("\n"),
    source: {
      paper: src?.paper ?? null,
      date: src?.date ?? null,
      issue: src?.issue ?? null,
      title: src?.title ?? null,
    },
    regionText: region.filter(Boolean).join(" "),
    status: p.status,
    periodText: p.period?.text ?? null,
    hasBenefits: p.benefits.length > 0,
  };
}

/**
 * A staff-written answer: its questions are the title (members' own words, matched like a headline), the
 * answer the body; cited as written by union staff, with the date.
 */
export function faqDocument(entry: FaqEntry): SearchDocument {
  return {
    kind: "faq",
    id: entry.id,
    title: entry.questions[0],
    extraTitle: entry.questions.slice(1).join(" "),
    body: entry.answer,
    source: { paper: null, date: entry.writtenOn, issue: null, title: entry.questions[0], url: entry.link, author: entry.writtenBy },
    regionText: "",
  };
}

/** Programmes and staff answers are short and cited whole; articles are cut into passages. */
export function toPassages(docs: SearchDocument[]): Passage[] {
  const passages: Passage[] = [];
  for (const doc of docs) {
    const parts = doc.kind === "article" ? splitPassages(doc.body) : [doc.body];
    parts.forEach((text, part) => passages.push({ key: passages.length, doc, part, text }));
  }
  return passages;
}
