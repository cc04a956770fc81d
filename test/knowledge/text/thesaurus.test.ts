/** The domain thesaurus: member words reach the printed words, concepts are named, bad files are refused clearly. */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeQuery } from "../../../src/knowledge/text/analyze.js";
import { loadLexicon } from "../../../src/knowledge/text/lexicon.js";
import { conceptsOf, parseThesaurus, ThesaurusError } from "../../../src/knowledge/text/thesaurus.js";

const lexicon = loadLexicon(path.resolve("data/dict"));
const concepts = lexicon.concepts ?? [];
// jieba loads its dictionaries on first use (seconds on a busy machine).
beforeAll(() => void analyzeQuery("预热", lexicon), 120_000);

describe("data/dict/thesaurus.yaml", () => {
  it("covers the service areas, worker groups and topics members ask about", () => {
    const ids = concepts.map((c) => c.id);
    for (const id of ["stations", "hardship-aid", "medical-aid", "training", "jobs", "membership", "legal-help", "wages", "safety", "heat", "cold", "festival-care"]) {
      expect(ids).toContain(id);
    }
    expect(concepts.some((c) => c.area === "group")).toBe(true);
  });

  it("a member's words search the words the papers print (没活干 -> 失业, 学手艺 -> 技能培训, 热个饭 -> 热饭)", () => {
    const terms = (q: string) => analyzeQuery(q, lexicon).terms;
    expect(terms("没活干了")).toContain("失业");
    expect(terms("想学手艺")).toContain("技能培训");
    expect(terms("哪里能热个饭")).toContain("热饭");
    expect(terms("老板欠工资不给")).toContain("欠薪");
  });

  it("English and typed variants go through the same concepts", () => {
    expect(analyzeQuery("where can I get a job after being laid off", lexicon).terms).toContain("失业");
    expect(conceptsOf("lost my job, any training?", concepts).map((c) => c.id)).toEqual(expect.arrayContaining(["jobs", "training"]));
  });
});

describe("conceptsOf", () => {
  it("names the concepts a question touches, the narrower first and its broader one too", () => {
    const ids = conceptsOf("跑外卖的哪里能热个饭", concepts).map((c) => c.id);
    expect(ids).toContain("stations-meal");
    expect(ids).toContain("delivery-riders");
    expect(ids.indexOf("stations-meal")).toBeLessThan(ids.indexOf("stations"));
  });

  it("finds nothing in an off-topic question", () => {
    expect(conceptsOf("红烧肉怎么做才好吃", concepts)).toEqual([]);
  });
});

describe("parseThesaurus errors name the file, concept and field", () => {
  const file = "data/dict/thesaurus.yaml";
  it("refuses an unknown area", () => {
    expect(() => parseThesaurus(file, "concepts:\n  x:\n    area: shop\n    label: {zh: 甲, en: a}\n    terms: [培训]\n")).toThrow(/thesaurus\.yaml: concepts\.x\.area: "shop" is not allowed/);
  });
  it("refuses a missing terms list", () => {
    expect(() => parseThesaurus(file, "concepts:\n  x:\n    area: service\n    label: {zh: 甲, en: a}\n")).toThrow(/concepts\.x\.terms: missing/);
  });
  it("refuses a one-character member word and an unknown broader concept", () => {
    expect(() => parseThesaurus(file, "concepts:\n  x:\n    area: service\n    label: {zh: 甲, en: a}\n    terms: [培训]\n    says: [冻]\n")).toThrow(ThesaurusError);
    expect(() => parseThesaurus(file, "concepts:\n  x:\n    area: service\n    label: {zh: 甲, en: a}\n    terms: [培训]\n    broader: y\n")).toThrow(/broader: unknown concept "y"/);
  });
  it("refuses an unknown field", () => {
    expect(() => parseThesaurus(file, "concepts:\n  x:\n    area: service\n    label: {zh: 甲, en: a}\n    terms: [培训]\n    sayz: [学技术]\n")).toThrow(/concepts\.x\.sayz: unknown field/);
  });
});
