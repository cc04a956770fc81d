import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../../../src/knowledge/catalogue/index.js";
import { checkEligibility } from "../../../src/knowledge/eligibility/index.js";
import { formatReason } from "../../../src/knowledge/eligibility/reasons.js";
import type { Rule } from "../../../src/knowledge/eligibility/rules.js";
import { programmeWith, reasonTexts, region } from "./helpers.js";

const TODAY = "2026-06-01";
const selfPaid: Rule = { fact: "self_paid_medical_yuan", op: "gt", value: 3000, label: "自费超过3000元", source: "个人自费部分超过3000元的" };

describe("eligibility reasons in the member's language", () => {
  it("English framing around the catalogue's own words, which are quoted as written", () => {
    const r = checkEligibility(programmeWith(selfPaid), { self_paid_medical_yuan: 4200 }, { today: TODAY });
    expect(r.verdict).toBe("eligible");
    expect(reasonTexts(r, "en")).toEqual(["Meets “自费超过3000元” (your answer: 4200 yuan). Source: “个人自费部分超过3000元的”"]);
  });

  it("the same result worded in Chinese by default, and the data behind it says what kind of reason it is", () => {
    const r = checkEligibility(programmeWith(selfPaid), { self_paid_medical_yuan: 2000 }, { today: TODAY });
    expect(reasonTexts(r)).toEqual(["不符合「自费超过3000元」(您的情况:2000元)。原文:「个人自费部分超过3000元的」"]);
    expect(r.reasons.map((d) => d.kind)).toEqual(["not-met"]);
    expect(formatReason(r.reasons[0], "en")).toBe("Does not meet “自费超过3000元” (your answer: 2000 yuan). Source: “个人自费部分超过3000元的”");
  });

  it("yes/no answers, ranges, regions and the hotline sentence are translated too", () => {
    const member: Rule = { fact: "union_member", op: "truthy", label: "工会会员", source: "工会会员" };
    const outside = checkEligibility(programmeWith(member, { region: region("浙江省", "宁波市") }), { city: "杭州", union_member: false }, { today: TODAY });
    expect(reasonTexts(outside, "en").join("\n")).toMatch(/^Area does not match: you are in 杭州.*only for 浙江省宁波市/);
    const vague = checkEligibility(programmeWith(selfPaid), { self_paid_medical_yuan: "3000左右" }, { today: TODAY });
    expect(reasonTexts(vague, "en")[0]).toMatch(/^Needs confirming: “自费超过3000元” \(your answer: \d+–\d+ yuan\)/);
    const open = checkEligibility(programmeWith(null), {}, { today: TODAY });
    expect(reasonTexts(open, "en")).toEqual([
      "The source does not state who can apply",
      "The sources do not allow a definite answer. Call the workers' hotline 12351 or ask your local union.",
    ]);
    const no = checkEligibility(programmeWith(member), { union_member: false }, { today: TODAY });
    expect(reasonTexts(no, "en")[0]).toContain("(your answer: no)");
  });

  it("the short form leaves out the quoted source and the area's wording", () => {
    const r = checkEligibility(programmeWith(selfPaid, { region: region("江苏省", "淮安市") }), { city: "淮安", self_paid_medical_yuan: 2000 }, { today: TODAY });
    const short = r.reasons.map((d) => formatReason(d, "zh-CN", { short: true }));
    expect(short).toEqual(["不符合「自费超过3000元」(您的情况:2000元)"]);
    expect(formatReason(r.reasons[0], "en", { short: true })).toBe("Does not meet “自费超过3000元” (your answer: 2000 yuan)");
  });
});

describe("what the source leaves unstated", () => {
  it("a catalogue note that already says so is shown once, not behind a second '原文未说明' (zh and en)", () => {
    const note: Rule = {
      unstated: "原文没有列出哪些疾病属于\"特殊疾病\"",
      unstated_en: "The source does not list which illnesses count as \"special illnesses\"",
      source: "市职工特殊疾病互助会",
    };
    const r = checkEligibility(programmeWith(note), {}, { today: TODAY });
    const [zh] = reasonTexts(r);
    expect(zh.startsWith("原文没有列出哪些疾病属于")).toBe(true);
    expect(zh).not.toContain("原文未说明");
    const [en] = reasonTexts(r, "en");
    expect(en.startsWith("The source does not list which illnesses")).toBe(true);
    expect(en).not.toContain("The source does not say:");
  });

  it("every shipped note says itself what the source leaves out, in both languages", async () => {
    const catalogue = await loadCatalogue(path.resolve("data/programmes"));
    const notes: Rule[] = [];
    const walk = (rule: Rule | null | undefined): void => {
      if (!rule) return;
      if ("unstated" in rule) notes.push(rule);
      if ("all" in rule) rule.all.forEach(walk);
      if ("any" in rule) rule.any.forEach(walk);
    };
    for (const p of catalogue.programmes) walk(p.eligibility?.rule);
    expect(notes.length).toBeGreaterThan(5);
    for (const note of notes) {
      const n = note as { unstated: string; unstated_en?: string };
      expect(n.unstated, n.unstated).toMatch(/原文|没有|未/);
      expect(n.unstated_en ?? "", n.unstated).toMatch(/source|no published|not /i);
    }
  });
});
