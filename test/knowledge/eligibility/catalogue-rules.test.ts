// The shipped rules (data/programmes) on cases a member would bring; not the eval scenarios.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Catalogue, loadCatalogue } from "../../../src/knowledge/catalogue/index.js";
import { checkEligibility, placeResolverFor } from "../../../src/knowledge/eligibility/index.js";

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await loadCatalogue(path.resolve("data/programmes"));
});

const check = (id: string, facts: Record<string, unknown>, today = "2026-06-01") =>
  checkEligibility(catalogue.get(id)!, facts, { today, resolvePlace: placeResolverFor(catalogue) });

describe("shipped rules", () => {
  it("淮安兜底: only in 淮安, only registered hardship families, self-paid strictly above 3000", () => {
    const base = { city: "淮安", hardship_registered: true };
    expect(check("p18", { ...base, self_paid_medical_yuan: 3000 }).verdict).toBe("not_eligible");
    expect(check("p18", { ...base, self_paid_medical_yuan: 3001 }).verdict).toBe("eligible");
    expect(check("p18", { ...base, medical_total_yuan: "一万", insurance_reimbursed_yuan: 6500 }).verdict).toBe("eligible");
    expect(check("p18", { city: "南京", hardship_registered: true, self_paid_medical_yuan: 9000 }).verdict).toBe("not_eligible");
    // Not registered yet is not "not eligible": the union assesses families (一户一档) and can register them.
    const notYet = check("p18", { city: "淮安", hardship_registered: false, self_paid_medical_yuan: 9000 });
    expect(notYet.verdict).toBe("unknown");
    expect(notYet.reasons.map((r) => r.kind)).toContain("union-assess");
    expect(notYet.reasons.map((r) => r.kind)).not.toContain("ask-union");
    // ... while a definite failure of another condition still decides.
    expect(check("p18", { city: "淮安", hardship_registered: false, self_paid_medical_yuan: 2000 }).verdict).toBe("not_eligible");
  });

  it("union-granted statuses are marked in the catalogue: 建档困难职工 and 临界困难 where the union grants them", () => {
    const granted = catalogue.programmes.flatMap((p) => {
      const out: string[] = [];
      const walk = (rule: unknown): void => {
        const r = rule as Record<string, unknown>;
        if (Array.isArray(r.all)) r.all.forEach(walk);
        else if (Array.isArray(r.any)) r.any.forEach(walk);
        else if (r.granted_by_union) out.push(`${p.id}:${String(r.fact)}`);
      };
      if (p.eligibility) walk(p.eligibility.rule);
      return out;
    });
    expect(granted.sort()).toEqual(["p01:hardship_registered", "p01:near_hardship", "p17:hardship_registered", "p18:hardship_registered", "p20:hardship_registered"]);
    expect(check("p20", { city: "淮安", hardship_registered: false }).verdict).toBe("unknown");
    expect(check("p20", { city: "淮安", hardship_registered: true }).verdict).toBe("eligible");
  });

  it("长兴 workshop: severe physical disability counts, a mild one does not, the kind matters", () => {
    const base = { county: "长兴", wants_to_work: true };
    expect(check("p03", { ...base, disability: "精神" }).verdict).toBe("eligible");
    expect(check("p03", { ...base, disability: "肢体", severe_disability: true }).verdict).toBe("eligible");
    expect(check("p03", { ...base, disability: "肢体", severe_disability: false }).verdict).toBe("not_eligible");
    expect(check("p03", { ...base, disability: "视力" }).verdict).toBe("not_eligible");
    const vague = check("p03", { ...base, disability: true });
    expect(vague.verdict).toBe("unknown");
    expect(vague.missing).toContain("disability");
  });

  it("社工证: 宁波 needs the certificate, 金华 needs the senior level, the county allowance never says which counties", () => {
    expect(check("p14", { city: "宁波", social_worker_certificate: "初级" }).verdict).toBe("eligible");
    expect(check("p15", { city: "金华", social_worker_certificate: "中级" }).verdict).toBe("not_eligible");
    expect(check("p15", { city: "金华", social_worker_certificate: "高级" }).verdict).toBe("eligible");
    expect(check("p16", { province: "浙江", social_worker_certificate: "中级", full_time_social_worker: true }).verdict).toBe("unknown");
    expect(check("p16", { province: "浙江", social_worker_certificate: false }).verdict).toBe("not_eligible");
  });

  it("2022 两节 送温暖 answers by date and by the five groups", () => {
    const jan2022 = { province: "江苏", date: "2022-01-20" };
    expect(check("p17", { ...jan2022, hardship_registered: true }).verdict).toBe("eligible");
    expect(check("p17", { ...jan2022, occupation: "快递小哥" }).verdict).toBe("eligible");
    expect(check("p17", { ...jan2022, on_duty_during_festival: true }).verdict).toBe("eligible");
    expect(check("p17", { ...jan2022, near_hardship: true, hardship_cause: "大病" }).verdict).toBe("unknown");
    expect(check("p17", { province: "浙江", date: "2022-01-20", hardship_registered: true }).verdict).toBe("not_eligible");
    expect(check("p17", { province: "江苏", hardship_registered: true }).verdict).toBe("unknown"); // today is after 2022
  });

  it("the flu vaccine is for 60 and over in 浙江 in 2024", () => {
    expect(check("p09", { province: "浙江", age: 60, date: "2024-10-01" }).verdict).toBe("eligible");
    expect(check("p09", { province: "浙江", age: 59, date: "2024-10-01" }).verdict).toBe("not_eligible");
    expect(check("p09", { province: "浙江", age: 70, date: "2026-10-01" }).verdict).toBe("unknown");
  });

  it("places the source leaves open never become a yes", () => {
    expect(check("p11", { province: "浙江", occupation: "外卖配送员" }).verdict).toBe("unknown");
    expect(check("p06", { province: "浙江", hardship_registered: true }).verdict).toBe("unknown");
    expect(check("p19", { city: "淮安", mutual_aid_member: true, diagnosis: "尿毒症" }).verdict).toBe("unknown");
  });

  it("海盐 training: unemployed, changing jobs or wanting to start a business, in 海盐", () => {
    expect(check("p04", { county: "海盐", registered_unemployed: true }).verdict).toBe("eligible");
    expect(check("p04", { county: "海盐", wants_to_start_business: true }).verdict).toBe("eligible");
    expect(check("p04", { county: "海盐", registered_unemployed: false, changing_jobs: false, wants_to_start_business: false }).verdict).toBe("not_eligible");
    expect(check("p04", { county: "海盐", registered_unemployed: false }).missing).toEqual(["changing_jobs", "wants_to_start_business"]);
    expect(check("p04", { county: "海宁", registered_unemployed: true }).verdict).toBe("not_eligible");
  });

  it("answers settle related facts: a courier works outdoors, 重度 in the disability answer", () => {
    expect(check("p05", { province: "浙江", occupation: "快递小哥" }).verdict).toBe("eligible");
    expect(check("p05", { province: "浙江", occupation: "快递小哥", works_outdoors: false }).verdict).toBe("not_eligible");
    expect(check("p05", { province: "浙江", occupation: "工厂工人" }).missing).toEqual(["works_outdoors"]);
    expect(check("p03", { county: "长兴", disability: "重度肢体残疾", wants_to_work: true }).verdict).toBe("eligible");
    expect(check("p03", { county: "长兴", disability: "肢体三级", wants_to_work: true }).verdict).toBe("not_eligible");
  });

  it("having only registered for the exam is not holding the certificate", () => {
    expect(check("p14", { city: "宁波", social_worker_certificate: "报名了" }).verdict).toBe("not_eligible");
    expect(check("p14", { city: "宁波", social_worker_certificate: "不清楚" }).verdict).toBe("unknown");
  });
});
