import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CatalogueError, loadCatalogue, matchProgramme } from "../../../src/knowledge/catalogue/index.js";

const DATA = path.resolve("data/programmes");

const VALID = `
id: p90
name: 测试救助项目
category: hardship_aid
provider: 测试市总工会
region: { province: 浙江省, city: 宁波市, county: null, locality: null, text: 宁波 }
audience: 困难职工
description: 测试用项目。
benefits: [慰问金]
how_to_apply: null
contact: null
period: null
status: active
sources:
  - { paper: null, date: null, issue: null, title: 测试标题, quote: 测试原文 }
eligibility:
  summary: 困难职工
  rule:
    fact: hardship_registered
    op: truthy
    source: 测试原文
`;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "programmes-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): void {
  fs.writeFileSync(path.join(dir, name), text);
}

async function problemsOf(): Promise<string[]> {
  try {
    await loadCatalogue(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogueError);
    return (error as CatalogueError).problems.map((p) => `${path.basename(p.file)}: ${p.field}: ${p.message}`);
  }
  throw new Error("expected the catalogue to be refused");
}

describe("shipped catalogue", () => {
  it("loads all 25 programmes from data/programmes", async () => {
    const catalogue = await loadCatalogue(DATA);
    expect(catalogue.programmes).toHaveLength(25);
    expect(catalogue.programmes.map((p) => p.id)).toEqual(Array.from({ length: 25 }, (_, i) => `p${String(i + 1).padStart(2, "0")}`));
  });

  it("finds programmes by id (any case), name and alias", async () => {
    const catalogue = await loadCatalogue(DATA);
    expect(catalogue.get("P18")?.name).toBe('淮安市总工会困难职工医疗"兜底"保障');
    expect(catalogue.findByName("淮安市总工会困难职工医疗“兜底”保障")?.id).toBe("p18");
    expect(catalogue.findByName("越温暖系统")?.id).toBe("p01");
    expect(catalogue.findByName("没有这个项目")).toBeUndefined();
  });

  it("never invents a contact: every programme's contact is null (the seeds print none)", async () => {
    const catalogue = await loadCatalogue(DATA);
    expect(catalogue.programmes.filter((p) => p.contact !== null).map((p) => p.id)).toEqual([]);
  });

  it("cites the masthead of seed 000 and 004 and null where the seed prints none", async () => {
    const catalogue = await loadCatalogue(DATA);
    expect(catalogue.get("p01")!.sources[0]).toMatchObject({ paper: "浙江工人日报", date: "2024-11-07", issue: "12773" });
    expect(catalogue.get("p23")!.sources[0]).toMatchObject({ date: "2022-04-08", issue: "12079" });
    expect(catalogue.get("p18")!.sources[0]).toMatchObject({ paper: null, date: null, issue: null });
  });

  it("quotes only sentences that are in the seed issues", async () => {
    const seedDir = path.resolve("..", "shared", "seeds");
    const issuesDir = path.resolve("data", "issues");
    const texts = [seedDir, issuesDir]
      .filter((d) => fs.existsSync(d))
      .flatMap((d) => fs.readdirSync(d).filter((f) => /\.(txt|md)$/.test(f)).map((f) => fs.readFileSync(path.join(d, f), "utf8")));
    if (texts.length === 0) return; // no seeds on this machine
    const norm = (s: string) => s.replace(/[\s"“”「」'‘’]/g, "");
    const corpus = norm(texts.join("\n"));
    const catalogue = await loadCatalogue(DATA);
    const quotes: string[] = [];
    const walk = (rule: unknown) => {
      const r = rule as Record<string, unknown>;
      if (typeof r.source === "string") quotes.push(r.source);
      for (const k of ["all", "any"]) if (Array.isArray(r[k])) (r[k] as unknown[]).forEach(walk);
    };
    for (const p of catalogue.programmes) {
      for (const s of p.sources) if (s.quote) quotes.push(s.quote);
      if (p.eligibility) walk(p.eligibility.rule);
    }
    const missing = quotes.filter((q) => !corpus.includes(norm(q)));
    expect(missing).toEqual([]);
  });
});

describe("validation", () => {
  it("accepts a valid file", async () => {
    write("p90.yaml", VALID);
    const catalogue = await loadCatalogue(dir);
    expect(catalogue.get("p90")?.region?.city).toBe("宁波市");
  });

  it("names the file and the rule field for an unknown fact", async () => {
    write("p90.yaml", VALID.replace("fact: hardship_registered", "fact: foo"));
    expect(await problemsOf()).toEqual(["p90.yaml: eligibility.rule.fact: unknown fact 'foo' (known facts are listed in src/knowledge/eligibility/facts.ts)"]);
  });

  it("accepts granted_by_union on a yes/no status and reports it elsewhere or with a wrong type", async () => {
    write("p90.yaml", VALID.replace("op: truthy", "op: truthy\n    granted_by_union: true"));
    await expect(loadCatalogue(dir)).resolves.toBeDefined();
    write("p90.yaml", VALID.replace("fact: hardship_registered\n    op: truthy", "fact: age\n    op: gte\n    value: 60\n    granted_by_union: true"));
    expect(await problemsOf()).toContain(
      "p90.yaml: eligibility.rule.granted_by_union: a status the union grants is a yes/no fact with op truthy, got 'age' (number) with op gte",
    );
    write("p90.yaml", VALID.replace("op: truthy", "op: truthy\n    granted_by_union: yes please"));
    expect((await problemsOf()).join("\n")).toContain("granted_by_union");
  });

  it("reports a condition whose value does not fit its operator", async () => {
    write("p90.yaml", VALID.replace("op: truthy", "op: gt\n    value: 三千"));
    const problems = await problemsOf();
    expect(problems).toContain("p90.yaml: eligibility.rule.value: gt needs a number");
    expect(problems).toContain("p90.yaml: eligibility.rule.op: gt needs a number fact, 'hardship_registered' is boolean");
  });

  it("reports a missing required field, a wrong enum value and an unknown field", async () => {
    write("p90.yaml", VALID.replace("name: 测试救助项目\n", "").replace("category: hardship_aid", "category: money").replace("status: active", "status: active\nphone: 123"));
    const problems = await problemsOf();
    expect(problems.some((p) => p.startsWith("p90.yaml: name:"))).toBe(true);
    expect(problems.some((p) => p.startsWith("p90.yaml: category:") && p.includes("hardship_aid"))).toBe(true);
    expect(problems).toContain("p90.yaml: : unknown field(s): phone");
  });

  it("requires a source for every condition and at least one source per programme", async () => {
    write("p90.yaml", VALID.replace("    source: 测试原文\n", "").replace(/sources:\n.*\n/, "sources: []\n"));
    const problems = await problemsOf();
    expect(problems.some((p) => p.startsWith("p90.yaml: sources:"))).toBe(true);
    expect(problems.some((p) => p.startsWith("p90.yaml: eligibility.rule"))).toBe(true);
  });

  it("points at nested rules by path", async () => {
    write("p90.yaml", VALID.replace(/  rule:\n[\s\S]*$/, "  rule:\n    all:\n      - { fact: age, op: gte, value: 60, source: x }\n      - any:\n          - { fact: bar, op: truthy, source: y }\n"));
    expect(await problemsOf()).toEqual([expect.stringContaining("p90.yaml: eligibility.rule.all[1].any[0].fact: unknown fact 'bar'")]);
  });

  it("inside a group, names the broken rule's own field and what is wrong with it", async () => {
    const group = (inner: string) =>
      VALID.replace(/  rule:\n[\s\S]*$/, `  rule:\n    all:\n      - { fact: age, op: gte, value: 60, source: x }\n      - any:\n          - ${inner}\n`);
    write("p90.yaml", group("{ fact: age, op: greater, value: 60, source: y }"));
    expect(await problemsOf()).toEqual([expect.stringMatching(/^p90\.yaml: eligibility\.rule\.all\[1\]\.any\[0\]\.op: 'greater' is not allowed \(allowed: .*gte/)]);
    write("p90.yaml", group("{ fact: age, op: gte, value: 60 }"));
    expect(await problemsOf()).toEqual(["p90.yaml: eligibility.rule.all[1].any[0].source: missing (required)"]);
    // Keys that fit no kind of rule: the rule itself is named, with the kinds it could be.
    write("p90.yaml", group("{ facts: age }"));
    expect(await problemsOf()).toEqual([expect.stringContaining("p90.yaml: eligibility.rule.all[1].any[0]: not a valid rule: expected a condition")]);
  });

  it("reports YAML syntax errors with the line", async () => {
    write("p90.yaml", VALID.replace("audience: 困难职工", 'audience: "困难职工" 和家属'));
    const [problem] = await problemsOf();
    expect(problem).toMatch(/^p90\.yaml: line \d+: YAML syntax error/);
  });

  it("refuses duplicate ids, an id that differs from the file name, and lists every broken file", async () => {
    write("p90.yaml", VALID);
    write("p91.yaml", VALID);
    write("p92.yaml", VALID.replace("fact: hardship_registered", "fact: nope"));
    const problems = await problemsOf();
    expect(problems).toContain("p91.yaml: id: id 'p90' must match the file name 'p91.yaml'");
    expect(problems.some((p) => p.startsWith("p92.yaml: eligibility.rule.fact"))).toBe(true);
  });

  it("puts every problem into the error message, one per line", async () => {
    write("p90.yaml", VALID.replace("fact: hardship_registered", "fact: foo"));
    await expect(loadCatalogue(dir)).rejects.toThrow(/p90\.yaml: eligibility\.rule\.fact: unknown fact 'foo'/);
  });

  it("refuses an empty or missing folder", async () => {
    await expect(loadCatalogue(dir)).rejects.toThrow(/no programme files/);
    await expect(loadCatalogue(path.join(dir, "nope"))).rejects.toThrow(/cannot read the programme folder/);
  });
});

describe("matchProgramme", () => {
  it("matches exact id, exact name, then the closest name", async () => {
    const catalogue = await loadCatalogue(DATA);
    expect(matchProgramme(catalogue, "p14")).toMatchObject({ how: "id" });
    expect(matchProgramme(catalogue, "宁波社会工作者资格证书补贴")).toMatchObject({ how: "name" });
    expect(matchProgramme(catalogue, "宁波社工证书补贴")?.programme.id).toBe("p14");
    expect(matchProgramme(catalogue, "淮安困难职工医疗兜底")?.programme.id).toBe("p18");
    expect(matchProgramme(catalogue, "海盐县就在海盐培训")?.programme.id).toBe("p04");
    expect(matchProgramme(catalogue, "火星移民补贴")).toBeUndefined();
  });
});
