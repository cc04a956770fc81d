/**
 * English questions: words and phrases are looked up in data/dict/english.tsv and searched in Chinese.
 * Numbers stay as they are (2025, 100%). Place names in pinyin go to the gazetteer first.
 */
import type { Gazetteer, PlaceMatch } from "../places/types.js";
import { countCjk } from "./normalize.js";

/** Mostly English: more Latin letters than twice the CJK characters and few CJK characters. */
export function isMostlyEnglish(text: string): boolean {
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  const cjk = countCjk(text);
  return latin >= 6 && latin > cjk * 3;
}

/** Plural/verb forms reduced to candidates to try against the table, most specific first. */
function wordForms(word: string): string[] {
  const forms = [word];
  const add = (f: string) => {
    if (f.length >= 3 && !forms.includes(f)) forms.push(f);
  };
  if (word.endsWith("ies")) add(`${word.slice(0, -3)}y`);
  if (word.endsWith("es")) add(word.slice(0, -2));
  if (word.endsWith("s") && !word.endsWith("ss")) add(word.slice(0, -1));
  if (word.endsWith("ing")) {
    add(word.slice(0, -3));
    add(`${word.slice(0, -3)}e`);
  }
  if (word.endsWith("ed")) {
    add(word.slice(0, -2));
    add(word.slice(0, -1));
  }
  if (word.endsWith("'s")) add(word.slice(0, -2));
  return forms;
}

export interface EnglishMapping {
  /** Chinese terms from the table, in question order; `group` is the English word or phrase they translate. */
  chinese: Array<{ text: string; group: string }>;
  /** Numbers and percentages as typed. */
  numbers: string[];
  places: PlaceMatch[];
  /** Words neither the table nor the gazetteer knows (reported by the eval, useful to grow the table). */
  unknown: string[];
  /**
   * "What is the minimum wage ...": the Chinese terms of the table entry right after the question words.
   * The answer must mention one of them (as with 多少会费 in Chinese).
   */
  askedDetail: string[] | null;
}

const ENGLISH_STOP = new Set(
  (
    "a an the of for to in on at by with from and or but is are was were be been being do does did has have had " +
    "i me my we our you your he she it its they them their this that these those there here what which who whom " +
    "whose how why if can could would should will shall may might must not no yes any some all about into than " +
    "then so such very just also more most much many one get got set up out over under as per each other s " +
    "would like want need know tell please there's what's where's who's it's i'm don't doesn't " +
    "where when before after during his her him hers take taken took show shown showed number get gets did done"
  ).split(" "),
);

export function mapEnglish(text: string, table: ReadonlyMap<string, readonly string[]>, gazetteer?: Gazetteer): EnglishMapping {
  const result: EnglishMapping = { chinese: [], numbers: [], places: [], unknown: [], askedDetail: null };
  const words = text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .match(/[a-z][a-z'-]*|\d+(?:[.,]\d+)*%?/g)
    ?.map((w) => w.replace(/'+$/, "")) ?? [];
  const maxPhrase = 5;
  // Index of the first word after "what is the" / "what are" / "what's the" ...
  // "Which hospitals does …", "what documents do I need": the noun after the question word is what is asked.
  const lead =
    words.join(" ").match(/^(what|which) (is|are|was|were|'s)( the| a| an)? /) ??
    words.join(" ").match(/^what's( the| a| an)? /) ??
    words.join(" ").match(/^(what|which) (?=[a-z]+ (does|do|did|is|are|can|will|should|would) )/);
  const detailAt = lead ? lead[0].trim().split(" ").length : -1;
  let i = 0;
  while (i < words.length) {
    const word = words[i];
    if (/^\d/.test(word)) {
      result.numbers.push(word.replace(/,/g, ""));
      i++;
      continue;
    }
    let matched = 0;
    // Longest phrase first; the last word of a phrase may be inflected ("service stations").
    for (let n = Math.min(maxPhrase, words.length - i); n >= 1 && matched === 0; n--) {
      const head = words.slice(i, i + n - 1).join(" ");
      for (const form of wordForms(words[i + n - 1])) {
        const key = head ? `${head} ${form}` : form;
        const terms = table.get(key);
        if (terms) {
          result.chinese.push(...terms.map((text) => ({ text, group: `en:${key}` })));
          // The first known word after "what is the" (skipping unknown ones: "office address" -> address).
          if (detailAt >= 0 && i >= detailAt && result.askedDetail === null) result.askedDetail = [...terms];
          matched = n;
          break;
        }
        if (n <= 2 && gazetteer && /^[a-z]/.test(key)) {
          const place = gazetteer.resolve(key);
          // "hangzhou high temperature": a two-word phrase is a place only when both words make it ("taizhou
          // huangyan" is not: each word is a place of its own), else "high" would be swallowed with the city.
          const oneWordNames = n === 2 && place ? key.split(" ").some((w) => gazetteer.resolve(w)?.id === place.id) : false;
          if (place && !oneWordNames) {
            result.places.push({ place, matched: key, start: -1, end: -1 });
            result.chinese.push({ text: place.shortName, group: `en:${key}` });
            matched = n;
            break;
          }
        }
      }
    }
    if (matched === 0) {
      if (!ENGLISH_STOP.has(word) && word.length > 2) result.unknown.push(word);
      matched = 1;
    }
    i += matched;
  }
  return result;
}
