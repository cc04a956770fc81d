/**
 * The domain thesaurus (data/dict/thesaurus.yaml): concepts of union services, worker groups and topics, each
 * with the words the sources print (`terms`), what members say (`says`: colloquial words, dialect, typos,
 * voice-input slips) and English (`en`). A question saying a member word is searched with the concept's terms
 * too; `conceptsOf` names the concepts a question touches (the gap report groups questions by them).
 * The same file's `spellings` map holds other spellings of the same thing (骑手 -> 外卖配送员), counted nearly as
 * the word itself (`parseSpellings`).
 */
import fs from "node:fs";
import { parse } from "yaml";
import { normalizeText } from "./normalize.js";

export type ConceptArea = "service" | "group" | "place" | "topic";

export interface Concept {
  id: string;
  area: ConceptArea;
  label: { zh: string; en: string };
  /** A wider concept (热饭 is part of stations). */
  broader: string | null;
  terms: string[];
  says: string[];
  en: string[];
}

export class ThesaurusError extends Error {}

const AREAS: readonly ConceptArea[] = ["service", "group", "place", "topic"];
const FIELDS = new Set(["area", "label", "broader", "terms", "says", "en"]);

function words(file: string, id: string, field: string, value: unknown, required: boolean, lower = false): string[] {
  if (value === undefined || value === null) {
    if (required) throw new ThesaurusError(`${file}: concepts.${id}.${field}: missing (a list of words is required)`);
    return [];
  }
  if (!Array.isArray(value)) throw new ThesaurusError(`${file}: concepts.${id}.${field}: expected a list of words, got ${JSON.stringify(value)}`);
  return value.map((w, i) => {
    if (typeof w !== "string" && typeof w !== "number") throw new ThesaurusError(`${file}: concepts.${id}.${field}[${i}]: expected a word, got ${JSON.stringify(w)}`);
    const text = normalizeText(String(w)).replace(/\s+/g, " ").trim();
    if (!text) throw new ThesaurusError(`${file}: concepts.${id}.${field}[${i}]: empty word`);
    // One character matches inside too many words (冻 in 冻结): member words need two or more.
    if (field === "says" && /^\p{Script=Han}$/u.test(text)) throw new ThesaurusError(`${file}: concepts.${id}.${field}[${i}]: "${text}" is one character; member words need two or more`);
    return lower ? text.toLowerCase() : text;
  });
}

export function parseThesaurus(file: string, text: string): Concept[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    throw new ThesaurusError(`${file}: not valid YAML (${(error as Error).message.split("\n")[0]})`);
  }
  const concepts = (doc as { concepts?: unknown } | null)?.concepts;
  if (!concepts || typeof concepts !== "object" || Array.isArray(concepts)) throw new ThesaurusError(`${file}: concepts: missing (a map of concept id -> concept)`);
  const out: Concept[] = [];
  for (const [id, raw] of Object.entries(concepts as Record<string, unknown>)) {
    if (!/^[a-z0-9-]+$/.test(id)) throw new ThesaurusError(`${file}: concepts.${id}: the id must be lower-case letters, digits and -`);
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new ThesaurusError(`${file}: concepts.${id}: expected fields area, label, terms, says`);
    const c = raw as Record<string, unknown>;
    for (const key of Object.keys(c)) if (!FIELDS.has(key)) throw new ThesaurusError(`${file}: concepts.${id}.${key}: unknown field (known: ${[...FIELDS].join(", ")})`);
    if (!AREAS.includes(c.area as ConceptArea)) throw new ThesaurusError(`${file}: concepts.${id}.area: ${JSON.stringify(c.area)} is not allowed (allowed: ${AREAS.join(", ")})`);
    const label = c.label as { zh?: unknown; en?: unknown } | undefined;
    if (!label || typeof label.zh !== "string" || typeof label.en !== "string") throw new ThesaurusError(`${file}: concepts.${id}.label: expected { zh: 中文名, en: English name }`);
    if (c.broader !== undefined && typeof c.broader !== "string") throw new ThesaurusError(`${file}: concepts.${id}.broader: expected a concept id`);
    out.push({
      id,
      area: c.area as ConceptArea,
      label: { zh: label.zh, en: label.en },
      broader: (c.broader as string | undefined) ?? null,
      terms: words(file, id, "terms", c.terms, true),
      says: words(file, id, "says", c.says, false),
      en: words(file, id, "en", c.en, false, true),
    });
  }
  const ids = new Set(out.map((c) => c.id));
  for (const c of out) if (c.broader && !ids.has(c.broader)) throw new ThesaurusError(`${file}: concepts.${c.id}.broader: unknown concept "${c.broader}"`);
  return out;
}

export function loadThesaurus(file: string): Concept[] {
  if (!fs.existsSync(file)) return [];
  return parseThesaurus(file, fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
}

/**
 * The `spellings` map of the thesaurus file: a word members type -> the words the sources print for exactly
 * that thing. Optional; a wrong entry stops the start with the file and the word.
 */
export function parseSpellings(file: string, text: string): Map<string, string[]> {
  const doc = parse(text) as { spellings?: unknown } | null;
  const raw = doc?.spellings;
  const map = new Map<string, string[]>();
  if (raw === undefined || raw === null) return map;
  if (typeof raw !== "object" || Array.isArray(raw)) throw new ThesaurusError(`${file}: spellings: expected a map of word -> [printed words]`);
  for (const [word, value] of Object.entries(raw as Record<string, unknown>)) {
    const key = normalizeText(word).replace(/\s+/g, " ").trim();
    if (!key) throw new ThesaurusError(`${file}: spellings: an empty word`);
    // One character matches inside too many words (冻 in 冻结).
    if (/^\p{Script=Han}$/u.test(key)) throw new ThesaurusError(`${file}: spellings.${word}: "${key}" is one character; a spelling needs two or more`);
    if (!Array.isArray(value) || value.length === 0) throw new ThesaurusError(`${file}: spellings.${word}: expected a list of printed words, got ${JSON.stringify(value)}`);
    const values = value.map((w, i) => {
      const text = typeof w === "string" || typeof w === "number" ? normalizeText(String(w)).replace(/\s+/g, " ").trim() : "";
      if (!text) throw new ThesaurusError(`${file}: spellings.${word}[${i}]: expected a word, got ${JSON.stringify(w)}`);
      return text;
    });
    map.set(key, [...new Set([...(map.get(key) ?? []), ...values])]);
  }
  return map;
}

export function loadSpellings(file: string): Map<string, string[]> {
  if (!fs.existsSync(file)) return new Map();
  try {
    return parseSpellings(file, fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    if (error instanceof ThesaurusError) throw error;
    throw new ThesaurusError(`${file}: not valid YAML (${(error as Error).message.split("\n")[0]})`);
  }
}

const englishWord = (phrase: string) => new RegExp(`(^|[^a-z])${phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(e?s|ed|ing)?($|[^a-z])`);

/**
 * The concepts a question touches, most specific first (a narrower concept before its broader one, which is
 * added too): a member word, a printed term or an English word of the concept occurs in the question.
 */
export function conceptsOf(question: string, concepts: readonly Concept[]): Concept[] {
  const text = normalizeText(question).toLowerCase();
  const byId = new Map(concepts.map((c) => [c.id, c]));
  const found: Concept[] = [];
  for (const c of concepts) {
    const hit = c.says.some((w) => text.includes(w)) || c.terms.some((w) => text.includes(w)) || c.en.some((w) => englishWord(w).test(text));
    if (hit) found.push(c);
  }
  const out = [...found];
  for (const c of found) {
    const wider = c.broader ? byId.get(c.broader) : undefined;
    if (wider && !out.includes(wider)) out.push(wider);
  }
  return out;
}
