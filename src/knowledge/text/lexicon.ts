/**
 * The operator-editable word lists in data/dict/ (see data/README.md, "dict"):
 *   user.dict.txt   jieba user dictionary: `word [freq] [tag]` per line
 *   stopwords.txt   question words that carry no topic (哪里, 可以, 吗), one per line
 *   english.tsv     `english word or phrase<TAB>中文|中文`: English questions are searched in Chinese
 *   generic.txt     words too common to show on their own that a passage answers (工会, 休息); optional
 *   thesaurus.yaml  concepts (service areas, worker groups, topics): member words and English -> the words the
 *                   sources print; and `spellings`, other spellings of the same thing (骑手 -> 外卖配送员); merged
 *                   into the synonyms and the English table (see thesaurus.ts); optional
 * Lines starting with # and blank lines are ignored. A malformed line is an error naming file and line.
 */
import fs from "node:fs";
import path from "node:path";
import { normalizeText } from "./normalize.js";
import { loadSpellings, loadThesaurus, type Concept } from "./thesaurus.js";

export class LexiconError extends Error {}

export interface UserWord {
  word: string;
  freq: number | null;
  tag: string | null;
}

export interface Lexicon {
  readonly dir: string;
  readonly userWords: readonly UserWord[];
  /** Colloquial term -> document terms. Keys are normalised and iterate longest first (questions match the longest). */
  readonly synonyms: ReadonlyMap<string, readonly string[]>;
  readonly stopWords: ReadonlySet<string>;
  /** English word or phrase (lower case, single spaces) -> Chinese terms. */
  readonly english: ReadonlyMap<string, readonly string[]>;
  /**
   * Words too common in union content to show on their own that a passage is about the question (工会, 职工,
   * 休息): they still rank, but do not satisfy the "content words matched" check. Empty when the file is absent.
   */
  readonly genericWords?: ReadonlySet<string>;
  /**
   * The thesaurus' `spellings` alone: other spellings of the same thing (社工 = 社会工作者). An asked detail ("多少会费") is
   * accepted in these spellings only; a concept's terms are related words, not the detail itself.
   */
  readonly equivalents?: ReadonlyMap<string, readonly string[]>;
  /** The concepts of thesaurus.yaml (empty when the file is absent); their words are in `synonyms` and `english`. */
  readonly concepts?: readonly Concept[];
}

export const LEXICON_FILES = {
  userDict: "user.dict.txt",
  /** Read no more: its lines are the thesaurus' `spellings` now (a leftover file stops the start, saying so). */
  oldSynonyms: "synonyms.tsv",
  stopWords: "stopwords.txt",
  english: "english.tsv",
  genericWords: "generic.txt",
  thesaurus: "thesaurus.yaml",
} as const;

interface Line {
  text: string;
  number: number;
}

function readLines(file: string): Line[] {
  let raw: string;
  try {
    raw = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new LexiconError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return raw
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((text, i) => ({ text: text.trim(), number: i + 1 }))
    .filter((line) => line.text !== "" && !line.text.startsWith("#"));
}

function fail(file: string, line: Line, message: string): never {
  throw new LexiconError(`${file}:${line.number}: ${message} (line: "${line.text}")`);
}

export function parseUserDict(file: string): UserWord[] {
  return readLines(file).map((line) => {
    const fields = line.text.split(/\s+/);
    if (fields.length > 3) fail(file, line, "expected `word [freq] [tag]` (a word cannot contain spaces)");
    const [word, second, third] = fields;
    if (fields.length === 3) {
      if (!/^[1-9]\d*$/.test(second)) fail(file, line, `frequency must be a positive whole number, got "${second}"`);
      return { word, freq: Number(second), tag: third };
    }
    if (fields.length === 2) {
      if (/^\d+$/.test(second)) return { word, freq: Number(second), tag: "n" };
      return { word, freq: null, tag: second };
    }
    return { word, freq: null, tag: null };
  });
}

/** `left<TAB>right|right`; the right side may also be separated by commas. */
function parseMapping(file: string, what: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const line of readLines(file)) {
    const parts = line.text.split("\t");
    if (parts.length !== 2) fail(file, line, `expected ${what} separated by one TAB`);
    const key = normalizeText(parts[0]).replace(/\s+/g, " ").trim();
    const values = parts[1]
      .split(/[|,，]/)
      .map((v) => normalizeText(v).trim())
      .filter(Boolean);
    if (!key) fail(file, line, "the left column is empty");
    if (values.length === 0) fail(file, line, "the right column is empty");
    map.set(key, [...new Set([...(map.get(key) ?? []), ...values])]);
  }
  return map;
}

/** Adds `words -> targets` to a mapping (a word said for two concepts searches both concepts' terms). */
function merge(map: Map<string, string[]>, words: readonly string[], targets: readonly string[]): void {
  for (const w of words) map.set(w, [...new Set([...(map.get(w) ?? []), ...targets])]);
}

export function loadLexicon(dir: string): Lexicon {
  const file = (name: string) => path.join(dir, name);
  const stopWords = new Set(readLines(file(LEXICON_FILES.stopWords)).map((l) => normalizeText(l.text)));
  const concepts = loadThesaurus(file(LEXICON_FILES.thesaurus));
  if (fs.existsSync(file(LEXICON_FILES.oldSynonyms))) {
    throw new LexiconError(
      `${file(LEXICON_FILES.oldSynonyms)}: no longer read: move each line (word<TAB>printed|printed) into ${LEXICON_FILES.thesaurus} under spellings: (word: [printed, printed]) and delete the file`,
    );
  }
  const synonyms = loadSpellings(file(LEXICON_FILES.thesaurus));
  const english = parseMapping(file(LEXICON_FILES.english), "an English word and its Chinese terms");
  const equivalents = new Map([...synonyms].sort(([a], [b]) => b.length - a.length));
  for (const c of concepts) {
    merge(synonyms, c.says, c.terms);
    merge(english, c.en, c.terms);
  }
  return {
    dir,
    userWords: parseUserDict(file(LEXICON_FILES.userDict)),
    synonyms: new Map([...synonyms].sort(([a], [b]) => b.length - a.length)),
    stopWords,
    english,
    equivalents,
    concepts,
    genericWords: fs.existsSync(file(LEXICON_FILES.genericWords))
      ? new Set(readLines(file(LEXICON_FILES.genericWords)).map((l) => normalizeText(l.text).toLowerCase()))
      : new Set<string>(),
  };
}
