import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadCatalogue, programmeText } from "../../../src/knowledge/catalogue/index.js";
import { runCommand } from "../../support/cli.js";

const DATA = path.resolve("data/programmes");

const CHINESE_ONLY = `
id: p90
name: 测试救助项目
category: hardship_aid
provider: 测试市总工会
region: { province: 浙江省, city: 宁波市, county: null, locality: null, text: 宁波 }
audience: 困难职工
description: 测试用项目。
benefits: [慰问金, 年货礼包]
how_to_apply: 向社区工会申请
contact: null
period: null
status: active
sources:
  - { paper: null, date: null, issue: null, title: 测试标题, quote: 测试原文 }
eligibility:
  summary: 困难职工
  rule:
    all:
      - fact: hardship_registered
        op: truthy
        label: 困难职工
        source: 测试原文
      - unstated: 原文没有说明金额
        source: 测试原文
`;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "programmes-en-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("English catalogue fields", () => {
  it("every shipped programme has its member-facing fields in English", async () => {
    const catalogue = await loadCatalogue(DATA);
    expect(catalogue.programmes).toHaveLength(25);
    expect(catalogue.englishGaps).toEqual([]);
    for (const p of catalogue.programmes) {
      const text = programmeText(p, "en");
      const shown = [text.name, text.description, ...text.benefits, text.howToApply, text.audience, text.summary].filter((x) => x !== null);
      for (const s of shown) {
        expect(s!.chineseOnly, `${p.id}: ${s!.text}`).toBe(false);
        // English text may name a Chinese term in brackets, but is not Chinese prose.
        expect(s!.text.replace(/[（(《「“"][^)）》」”"]*[)）》」”"]/g, "").match(/[\u4e00-\u9fff]/g)?.length ?? 0, `${p.id}: ${s!.text}`).toBeLessThan(8);
      }
      // "原文未说明" is carried over as "not stated in the source", never dropped.
      const zh = [p.description, ...p.benefits, p.how_to_apply ?? "", p.audience ?? "", p.eligibility?.summary ?? ""].join(" ");
      const en = shown.map((s) => s!.text).join(" ");
      if (zh.includes("原文未说明")) expect(en, p.id).toMatch(/not stated in the source/i);
    }
  });

  it("English benefits state no amount the Chinese benefits do not state", async () => {
    const catalogue = await loadCatalogue(DATA);
    const numbers = (s: string) => (s.replace(/(\d),(\d{3})/g, "$1$2").match(/\d{2,}/g) ?? []).map(Number);
    for (const p of catalogue.programmes) {
      const zh = [...p.benefits, p.how_to_apply ?? ""].join(" ").replace(/一万/g, "10000");
      const en = [...(p.en?.benefits ?? []), p.en?.how_to_apply ?? ""].join(" ");
      for (const n of numbers(en)) expect(numbers(zh), `${p.id}: ${n} in "${en}"`).toContain(n);
    }
  });

  it("p18 promises what the source says: the union covers families whose self-paid part is over 3000 yuan, not 'the part over 3000'", async () => {
    const p18 = (await loadCatalogue(DATA)).get("p18")!;
    const zh = p18.benefits.join(" ");
    expect(zh).not.toMatch(/超过3000元的部分/);
    expect(zh).toContain("个人自费部分超过3000元的");
    expect(zh).toContain("原文未说明");
    const en = p18.en!.benefits!.join(" ");
    expect(en).not.toMatch(/part (above|over) 3,000/);
    expect(en).toContain("not stated in the source");
  });

  it("a programme without English still loads; validation names the file and each missing field", async () => {
    fs.writeFileSync(path.join(dir, "p90.yaml"), CHINESE_ONLY);
    const catalogue = await loadCatalogue(dir);
    const file = catalogue.programmes[0]!.file;
    expect(catalogue.englishGaps.map((g) => `${g.file}: ${g.field}: ${g.message}`)).toEqual([
      `${file}: en: missing: the English fields (en: name, description, benefits, ...) are not written yet`,
      `${file}: eligibility.rule.all[0].label_en: missing English translation of label`,
      `${file}: eligibility.rule.all[1].unstated_en: missing English translation of unstated`,
    ]);
    // At run time the Chinese text is shown, flagged as Chinese only.
    const text = programmeText(catalogue.programmes[0]!, "en");
    expect(text.name).toEqual({ text: "测试救助项目", chineseOnly: true });
    expect(programmeText(catalogue.programmes[0]!, "zh-CN").name.chineseOnly).toBe(false);
  });

  it("partial English: each missing field, a benefit without translation and an English field translating nothing are reported", async () => {
    const partial = `${CHINESE_ONLY}
en:
  name: Test relief
  description: A test programme.
  benefits: [Consolation money]
  region: Ningbo
  audience: Workers in hardship
  contact: "12351"
  eligibility_summary: Workers in hardship
`;
    fs.writeFileSync(path.join(dir, "p90.yaml"), partial);
    const catalogue = await loadCatalogue(dir);
    const fields = catalogue.englishGaps.map((g) => g.field);
    expect(fields).toEqual(expect.arrayContaining(["en.provider", "en.how_to_apply", "en.contact", "en.benefits[1]"]));
    expect(catalogue.englishGaps.find((g) => g.field === "en.contact")!.message).toMatch(/translates nothing: contact is empty/);
    expect(catalogue.englishGaps.find((g) => g.field === "en.how_to_apply")!.message).toBe("missing English translation of how_to_apply");
    const text = programmeText(catalogue.programmes[0]!, "en");
    expect(text.benefits).toEqual([
      { text: "Consolation money", chineseOnly: false },
      { text: "年货礼包", chineseOnly: true },
    ]);
  });

  it("an unknown field inside en: is refused with its path", async () => {
    fs.writeFileSync(path.join(dir, "p90.yaml"), `${CHINESE_ONLY}\nen:\n  nmae: Test\n`);
    await expect(loadCatalogue(dir)).rejects.toThrow(/p90\.yaml: en: unknown field\(s\): nmae/);
  });

  it("check reports missing English on stderr with file and field, and still answers", async () => {
    fs.writeFileSync(path.join(dir, "p90.yaml"), CHINESE_ONLY);
    const run = await runCommand(["check", "--programmes", dir, "--locale", "en", "p90", "hardship_registered=yes"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/check: note: .*p90\.yaml: en: missing/);
    expect(run.stderr).toMatch(/p90\.yaml: eligibility\.rule\.all\[0\]\.label_en: missing English translation of label/);
    expect(run.stdout).toContain("测试救助项目 (p90)");
  });

  it("check --locale en names the programme and its conditions in English, quoting the Chinese source", async () => {
    const run = await runCommand(["check", "--locale", "en", "p18", "city=淮安", "hardship_registered=yes", "self_paid_medical_yuan=4200"]);
    expect(run.stdout).toContain(`Huai'an Federation of Trade Unions medical "safety net" (兜底) for workers in hardship (p18)`);
    expect(run.stdout).toContain("Meets “Self-paid part of the year's medical costs after medical-insurance reimbursement over 3,000 yuan” (your answer: 4200 yuan)");
    expect(run.stdout).toContain("Source: “困难职工家庭年度医疗支出除去医保报销之后");
    expect(run.stderr).not.toContain("note:");
  });
});
