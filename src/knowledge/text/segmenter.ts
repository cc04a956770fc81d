/**
 * Chinese word segmentation: nodejieba with HMM on (so "APP", "2024" and unknown words stay whole) and the
 * project user dictionary (data/dict/user.dict.txt) added to jieba's bundled one.
 *
 * jieba's dictionaries cost ~1.2 s and ~240 MB per process and are never freed, so they are loaded once,
 * lazily, on the first call. `configureSegmenter` chooses the dictionary folder before that; called later
 * (another DATA_DIR in the same process) it adds the folder's words to the loaded dictionary instead.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type * as Jieba from "nodejieba";
import { LEXICON_FILES, parseUserDict, type UserWord } from "./lexicon.js";
import { isWordToken, normalizeText } from "./normalize.js";

const require = createRequire(import.meta.url);

/** data/dict of the checkout; loadKnowledge points the segmenter at DATA_DIR/dict instead. */
export const DEFAULT_DICT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../data/dict");

let dictDir = DEFAULT_DICT_DIR;
/** The words of dictDir's user.dict.txt when configureSegmenter already read them (not read twice). */
let dictWords: UserWord[] | undefined;
let jieba: typeof Jieba | undefined;
const loadedDirs = new Set<string>();

function userDictLine(w: UserWord): string {
  if (w.freq !== null) return `${w.word} ${w.freq} ${w.tag ?? "n"}`;
  return w.tag ? `${w.word} ${w.tag}` : w.word;
}

/** jieba reads comments as words, so it gets a cleaned copy of the operator's file. */
function writeJiebaUserDict(words: UserWord[]): string {
  const text = words.map(userDictLine).join("\n") + "\n";
  const hash = crypto.createHash("sha1").update(text).digest("hex").slice(0, 12);
  const file = path.join(os.tmpdir(), `niangjia-user-dict-${hash}.txt`);
  if (!fs.existsSync(file)) fs.writeFileSync(file, text);
  return file;
}

function userWordsOf(dir: string): UserWord[] {
  const file = path.join(dir, LEXICON_FILES.userDict);
  return fs.existsSync(file) ? parseUserDict(file) : [];
}

function load(): typeof Jieba {
  if (jieba) return jieba;
  const lib = require("nodejieba") as typeof Jieba & { DEFAULT_USER_DICT: string };
  const words = dictWords ?? userWordsOf(dictDir);
  // load() REPLACES the bundled user dictionary: pass both.
  const userDict = words.length > 0 ? `${lib.DEFAULT_USER_DICT}|${writeJiebaUserDict(words)}` : lib.DEFAULT_USER_DICT;
  lib.load({ userDict });
  loadedDirs.add(path.resolve(dictDir));
  jieba = lib;
  return lib;
}

/**
 * Selects the dictionary folder (default: data/dict). Validates user.dict.txt right away so a broken file
 * is reported at start with its line number.
 */
export function configureSegmenter(options: { dictDir: string }): void {
  const dir = path.resolve(options.dictDir);
  const words = userWordsOf(dir);
  if (!jieba) {
    dictDir = dir;
    dictWords = words;
    return;
  }
  if (loadedDirs.has(dir)) return;
  for (const w of words) jieba.insertWord(w.word, w.tag ?? undefined);
  loadedDirs.add(dir);
}

/** Loads the dictionaries now (for cold-start measurements and to fail early). */
export function warmUpSegmenter(): void {
  load().cut("工会", true);
}

/**
 * Words of a text as jieba cuts them (precise mode, HMM on), whitespace dropped, characters unchanged.
 * "外卖小哥在APP上看到2024年" -> 外卖小哥 / 在 / APP / 上 / 看到 / 2024 / 年
 */
export function segment(text: string): string[] {
  if (text.trim() === "") return [];
  return load()
    .cut(text, true)
    .filter((t) => t.trim() !== "");
}

/**
 * Search tokens: the text normalised (full-width folded, OCR spaces removed, Latin lower case), cut in
 * search mode (long words also yield their dictionary sub-words: 劳动者 -> 劳动 / 劳动者), punctuation dropped.
 */
export function segmentForSearch(text: string): string[] {
  const normalized = normalizeText(text);
  if (normalized.trim() === "") return [];
  return load()
    .cutForSearch(normalized, true)
    .map((t) => t.trim())
    .filter(isWordToken);
}

/** Words with jieba part-of-speech tags (n noun, v verb, m numeral ...), precise mode. */
export function tagWords(text: string): Array<{ word: string; tag: string }> {
  if (text.trim() === "") return [];
  return load()
    .tag(text)
    .filter((t) => t.word.trim() !== "");
}
