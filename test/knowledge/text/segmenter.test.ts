import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadLexicon, LexiconError, parseUserDict } from "../../../src/knowledge/text/lexicon.js";
import { segment, segmentForSearch } from "../../../src/knowledge/text/segmenter.js";

describe("segment (jieba, HMM on, project user dictionary)", () => {
  it("keeps union vocabulary from data/dict/user.dict.txt whole", () => {
    const words = segment("外卖小哥和网约车司机都是户外劳动者，建档困难职工可以找工会兜底");
    for (const w of ["外卖小哥", "网约车司机", "户外劳动者", "建档困难职工", "兜底"]) expect(words).toContain(w);
  });

  it('keeps "APP" and "2024" whole instead of single characters', () => {
    const words = segment("我在APP上看到2024年的送温暖活动");
    expect(words).toContain("APP");
    expect(words).toContain("2024");
    expect(words).not.toContain("A");
    expect(words).not.toContain("2");
  });

  it("drops whitespace but keeps the characters as typed", () => {
    expect(segment("  外卖小哥  ")).toEqual(["外卖小哥"]);
    expect(segment("")).toEqual([]);
  });
});

describe("segmentForSearch", () => {
  it("folds full-width characters, removes OCR spaces between Chinese characters and drops punctuation", () => {
    const tokens = segmentForSearch("民营经济 主体，ＡＰＰ　２０２４！");
    expect(tokens).toContain("民营");
    expect(tokens).toContain("主体");
    expect(tokens).toContain("app");
    expect(tokens).toContain("2024");
    expect(tokens.some((t) => /[，！,!]/.test(t))).toBe(false);
  });

  it("also yields the sub-words of long words, so a search for part of a word finds it", () => {
    const tokens = segmentForSearch("户外劳动者服务站点");
    expect(tokens).toContain("户外劳动者服务站点");
    expect(tokens).toContain("劳动者");
    expect(tokens).toContain("站点");
  });
});

describe("word list files", () => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-dict-"));

  it("loads the shipped data/dict files", () => {
    const lexicon = loadLexicon(path.resolve("data/dict"));
    expect(lexicon.synonyms.get("骑手")).toContain("外卖配送员");
    expect(lexicon.stopWords.has("哪里")).toBe(true);
    expect(lexicon.english.get("station")).toContain("驿站");
    expect(lexicon.userWords.some((w) => w.word === "外卖小哥")).toBe(true);
  });

  it("names file and line of a malformed entry", () => {
    const dir = tmp();
    for (const f of ["user.dict.txt", "stopwords.txt"]) fs.writeFileSync(path.join(dir, f), "# ok\n");
    fs.writeFileSync(path.join(dir, "english.tsv"), "# comment\ncourier\t快递员\nrider 骑手\n");
    expect(() => loadLexicon(dir)).toThrowError(LexiconError);
    expect(() => loadLexicon(dir)).toThrowError(/english\.tsv:3: expected .*TAB/);
  });

  it("reads other spellings from the thesaurus' spellings and names a wrong entry", () => {
    const dir = tmp();
    for (const f of ["user.dict.txt", "stopwords.txt", "english.tsv"]) fs.writeFileSync(path.join(dir, f), "# ok\n");
    fs.writeFileSync(path.join(dir, "thesaurus.yaml"), "concepts: {}\nspellings:\n  骑手: [外卖配送员, 外卖骑手]\n");
    const lexicon = loadLexicon(dir);
    expect(lexicon.synonyms.get("骑手")).toEqual(["外卖配送员", "外卖骑手"]);
    expect(lexicon.equivalents?.get("骑手")).toEqual(["外卖配送员", "外卖骑手"]);
    fs.writeFileSync(path.join(dir, "thesaurus.yaml"), "concepts: {}\nspellings:\n  冻: [取暖]\n");
    expect(() => loadLexicon(dir)).toThrowError(/thesaurus\.yaml: spellings\.冻: .*one character/);
    fs.writeFileSync(path.join(dir, "thesaurus.yaml"), "concepts: {}\nspellings:\n  骑手: 外卖配送员\n");
    expect(() => loadLexicon(dir)).toThrowError(/thesaurus\.yaml: spellings\.骑手: expected a list/);
  });

  it("a leftover synonyms.tsv stops the start, saying where its lines go now", () => {
    const dir = tmp();
    for (const f of ["user.dict.txt", "stopwords.txt", "english.tsv"]) fs.writeFileSync(path.join(dir, f), "# ok\n");
    fs.writeFileSync(path.join(dir, "synonyms.tsv"), "骑手\t外卖配送员\n");
    expect(() => loadLexicon(dir)).toThrowError(/synonyms\.tsv: no longer read: .*thesaurus\.yaml under spellings/);
  });

  it("rejects a user dictionary frequency that is not a number, with the line number", () => {
    const dir = tmp();
    const file = path.join(dir, "user.dict.txt");
    fs.writeFileSync(file, "外卖小哥 n\n骑手驿站 lots n\n");
    expect(() => parseUserDict(file)).toThrowError(/user\.dict\.txt:2: frequency/);
  });
});
