import { describe, expect, it } from "vitest";
import { checkEligibility, nextQuestionAcross, resolverFromChains } from "../../../src/knowledge/eligibility/index.js";
import type { Rule } from "../../../src/knowledge/eligibility/rules.js";
import { programmeWith, reasonTexts, region } from "./helpers.js";

const TODAY = "2026-06-01";
const verdict = (rule: Rule, facts: Record<string, unknown>, extra = {}) =>
  checkEligibility(programmeWith(rule, extra), facts, { today: TODAY }).verdict;

const selfPaid: Rule = { fact: "self_paid_medical_yuan", op: "gt", value: 3000, label: "自费超过3000元", source: "个人自费部分超过3000元的" };

describe("comparison operators follow the source wording at the boundary", () => {
  it("超过3000元 (gt): 3000 does not qualify, 3001 does", () => {
    expect(verdict(selfPaid, { self_paid_medical_yuan: 3000 })).toBe("not_eligible");
    expect(verdict(selfPaid, { self_paid_medical_yuan: 3001 })).toBe("eligible");
  });

  it("60岁以上 (gte): 60 qualifies, 59 does not", () => {
    const rule: Rule = { fact: "age", op: "gte", value: 60, source: "60岁以上老年人" };
    expect(verdict(rule, { age: 60 })).toBe("eligible");
    expect(verdict(rule, { age: 59 })).toBe("not_eligible");
  });

  it("lt, lte and between", () => {
    expect(verdict({ fact: "age", op: "lt", value: 35, source: "s" }, { age: 35 })).toBe("not_eligible");
    expect(verdict({ fact: "age", op: "lte", value: 35, source: "s" }, { age: 35 })).toBe("eligible");
    const between: Rule = { fact: "age", op: "between", value: [16, 60], source: "s" };
    expect(verdict(between, { age: 16 })).toBe("eligible");
    expect(verdict(between, { age: 61 })).toBe("not_eligible");
  });

  it("a range answer decides only when the whole range is on one side", () => {
    expect(verdict(selfPaid, { self_paid_medical_yuan: "四千多" })).toBe("eligible");
    expect(verdict(selfPaid, { self_paid_medical_yuan: "不到3000" })).toBe("not_eligible");
    const r = checkEligibility(programmeWith(selfPaid), { self_paid_medical_yuan: "3000左右" }, { today: TODAY });
    expect(r.verdict).toBe("unknown");
    expect(r.missing).toEqual(["self_paid_medical_yuan"]);
  });

  it("reads amounts typed with units", () => {
    expect(verdict(selfPaid, { self_paid_medical_yuan: "4200元" })).toBe("eligible");
  });
});

describe("derived facts", () => {
  it("self-paid = total − reimbursed", () => {
    expect(verdict(selfPaid, { medical_total_yuan: 10000, insurance_reimbursed_yuan: 6500 })).toBe("eligible");
    expect(verdict(selfPaid, { medical_total_yuan: 10000, insurance_reimbursed_yuan: 7000 })).toBe("not_eligible");
  });

  it("a total that is itself not above the line rules it out even without the reimbursement", () => {
    expect(verdict(selfPaid, { medical_total_yuan: 2500 })).toBe("not_eligible");
    const r = checkEligibility(programmeWith(selfPaid), { medical_total_yuan: 8000 }, { today: TODAY });
    expect(r.verdict).toBe("unknown");
    // Half given: ask for the other half.
    expect(r.missing).toEqual(["insurance_reimbursed_yuan"]);
    expect(r.next_question).toBe("其中医保报销了多少钱(元)?");
  });

  it("a directly given self-paid amount wins over the parts", () => {
    expect(verdict(selfPaid, { self_paid_medical_yuan: 3500, medical_total_yuan: 1000, insurance_reimbursed_yuan: 900 })).toBe("eligible");
  });
});

describe("equality, lists and levels", () => {
  it("equals / not_equals", () => {
    expect(verdict({ fact: "gender", op: "equals", value: "女", source: "s" }, { gender: "女的" })).toBe("eligible");
    expect(verdict({ fact: "gender", op: "equals", value: "女", source: "s" }, { gender: "男" })).toBe("not_eligible");
    expect(verdict({ fact: "gender", op: "not_equals", value: "女", source: "s" }, { gender: "男" })).toBe("eligible");
  });

  it("in / not_in map colloquial words to the canonical value", () => {
    const rule: Rule = { fact: "occupation", op: "in", value: ["快递员", "外卖配送员"], source: "s" };
    expect(verdict(rule, { occupation: "外卖小哥" })).toBe("eligible");
    expect(verdict(rule, { occupation: "环卫工人" })).toBe("not_eligible");
    expect(verdict({ fact: "occupation", op: "not_in", value: ["医务人员"], source: "s" }, { occupation: "快递员" })).toBe("eligible");
  });

  it("an open list (\"……等\") leaves other values unknown, with the reason", () => {
    const rule: Rule = { fact: "occupation", op: "in", value: ["快递员"], source: "快递员等", otherwise: "unknown", otherwise_reason: "原文列举的是快递员等" };
    const r = checkEligibility(programmeWith(rule), { occupation: "代驾司机" }, { today: TODAY });
    expect(r.verdict).toBe("unknown");
    expect(r.missing).toEqual([]);
    expect(reasonTexts(r).join()).toContain("原文列举的是快递员等");
  });

  it("includes_any matches a kind inside a longer answer", () => {
    const rule: Rule = { fact: "disability", op: "includes_any", value: ["智力", "精神"], source: "s" };
    expect(verdict(rule, { disability: "智力残疾" })).toBe("eligible");
    expect(verdict(rule, { disability: "视力" })).toBe("not_eligible");
    expect(verdict(rule, { disability: false })).toBe("not_eligible");
  });

  it("'yes' without the level is not enough for a level condition, and the level is asked", () => {
    const rule: Rule = { fact: "social_worker_certificate", op: "equals", value: "高级", source: "考取高级社会工作者证书的" };
    expect(verdict(rule, { social_worker_certificate: "高级" })).toBe("eligible");
    expect(verdict(rule, { social_worker_certificate: "初级" })).toBe("not_eligible");
    const r = checkEligibility(programmeWith(rule), { social_worker_certificate: true }, { today: TODAY });
    expect(r.verdict).toBe("unknown");
    expect(r.missing).toEqual(["social_worker_certificate"]);
  });

  it("truthy / falsy on booleans and yes/no words", () => {
    const rule: Rule = { fact: "hardship_registered", op: "truthy", source: "s" };
    expect(verdict(rule, { hardship_registered: "是的" })).toBe("eligible");
    expect(verdict(rule, { hardship_registered: "不是" })).toBe("not_eligible");
    expect(verdict({ fact: "hardship_registered", op: "falsy", source: "s" }, { hardship_registered: false })).toBe("eligible");
  });
});

describe("three-valued logic", () => {
  const a: Rule = { fact: "hardship_registered", op: "truthy", source: "a" };
  const b: Rule = { fact: "mutual_aid_member", op: "truthy", source: "b" };

  it("a missing fact is neither passed nor failed", () => {
    const r = checkEligibility(programmeWith(a), {}, { today: TODAY });
    expect(r.verdict).toBe("unknown");
    expect(r.missing).toEqual(["hardship_registered"]);
    expect(checkEligibility(programmeWith(a), { hardship_registered: null }, { today: TODAY }).verdict).toBe("unknown");
  });

  it("all: one false decides, otherwise unknown until every part is known", () => {
    expect(verdict({ all: [a, b] }, { hardship_registered: false })).toBe("not_eligible");
    expect(verdict({ all: [a, b] }, { hardship_registered: true })).toBe("unknown");
    expect(verdict({ all: [a, b] }, { hardship_registered: true, mutual_aid_member: true })).toBe("eligible");
  });

  it("any: one true decides, otherwise unknown until every part is known", () => {
    expect(verdict({ any: [a, b] }, { mutual_aid_member: true })).toBe("eligible");
    expect(verdict({ any: [a, b] }, { mutual_aid_member: false })).toBe("unknown");
    expect(verdict({ any: [a, b] }, { mutual_aid_member: false, hardship_registered: false })).toBe("not_eligible");
  });

  it("a rule the source does not state is unknown, never eligible or not eligible, and quotes the gap", () => {
    const rule: Rule = { all: [b, { unstated: "原文没有列出哪些疾病属于特殊疾病", about: ["diagnosis"] }] };
    const r = checkEligibility(programmeWith(rule), { mutual_aid_member: true, diagnosis: "尿毒症" }, { today: TODAY });
    expect(r.verdict).toBe("unknown");
    expect(reasonTexts(r).join()).toContain("原文没有列出哪些疾病属于特殊疾病");
    expect(reasonTexts(r).join()).not.toContain("原文未说明:原文");
    expect(r.missing).toEqual([]);
    expect(r.next_question).toBeNull();
    // A known failing condition still decides.
    expect(verdict(rule, { mutual_aid_member: false })).toBe("not_eligible");
  });

  it("everyone passes", () => {
    expect(verdict({ everyone: "群众都可以提建议", source: "向群众广泛征集" }, {})).toBe("eligible");
  });

  it("a programme without rules is unknown", () => {
    expect(checkEligibility(programmeWith(null), {}, { today: TODAY }).verdict).toBe("unknown");
  });

  it("reasons quote the source of the deciding condition", () => {
    const r = checkEligibility(programmeWith(selfPaid), { self_paid_medical_yuan: 3000 }, { today: TODAY });
    expect(reasonTexts(r)).toEqual([expect.stringContaining("原文:「个人自费部分超过3000元的」")]);
    expect(reasonTexts(r)[0]).toMatch(/^不符合/);
  });
});

describe("region", () => {
  const everyone: Rule = { everyone: "所有人", source: "s" };
  const huaian = { region: region("江苏省", "淮安市") };
  const haiyan = { region: region("浙江省", null, "海盐县") };

  it("compares names with or without the suffix", () => {
    expect(verdict(everyone, { city: "淮安" }, huaian)).toBe("eligible");
    expect(verdict(everyone, { city: "淮安市", province: "江苏" }, huaian)).toBe("eligible");
  });

  it("a programme tied to a place does not apply elsewhere", () => {
    expect(verdict(everyone, { city: "南通", province: "江苏" }, huaian)).toBe("not_eligible");
    expect(verdict(everyone, { province: "浙江" }, huaian)).toBe("not_eligible");
  });

  it("asks for the place when it is not known, at the programme's level", () => {
    const r = checkEligibility(programmeWith(everyone, haiyan), { province: "浙江" }, { today: TODAY });
    expect(r.verdict).toBe("unknown");
    expect(r.missing).toEqual(["county"]);
  });

  it("uses the resolver for a county inside a city", () => {
    const resolvePlace = resolverFromChains([{ province: "浙江省", city: "嘉兴市", county: "海盐县" }, { province: "浙江省", city: "杭州市", county: null }]);
    const run = (facts: Record<string, unknown>) => checkEligibility(programmeWith(everyone, haiyan), facts, { today: TODAY, resolvePlace }).verdict;
    expect(run({ city: "杭州" })).toBe("not_eligible");
    expect(run({ city: "嘉兴" })).toBe("unknown");
    expect(run({ county: "海盐" })).toBe("eligible");
    // Without a resolver a city name alone cannot decide a county programme.
    expect(verdict(everyone, { city: "杭州" }, haiyan)).toBe("unknown");
  });

  it("a county named as the member's city still identifies the place", () => {
    expect(verdict(everyone, { city: "海盐" }, haiyan)).toBe("eligible");
  });
});

describe("time-bound programmes", () => {
  const rule: Rule = { fact: "hardship_registered", op: "truthy", source: "s" };
  const twoFestivals = { period: { valid_from: "2022-01-01", valid_to: "2022-02-28", text: "2022年两节期间" } };

  it("answers by the date fact", () => {
    expect(verdict(rule, { hardship_registered: true, date: "2022-01-25" }, twoFestivals)).toBe("eligible");
    expect(verdict(rule, { hardship_registered: true, date: "2022-02-28" }, twoFestivals)).toBe("eligible");
  });

  it("outside the period the source describes, the answer is unknown with the reason", () => {
    const r = checkEligibility(programmeWith(rule, twoFestivals), { hardship_registered: true, date: "2025-01-25" }, { today: TODAY });
    expect(r.verdict).toBe("unknown");
    expect(reasonTexts(r).join()).toContain("原文只说明「2022年两节期间」的安排");
    expect(r.missing).toEqual([]);
  });

  it("a failing condition still decides outside the period", () => {
    expect(verdict(rule, { hardship_registered: false, date: "2025-01-25" }, twoFestivals)).toBe("not_eligible");
  });

  it("uses today when no date is given", () => {
    const p = programmeWith(rule, twoFestivals);
    expect(checkEligibility(p, { hardship_registered: true }, { today: "2022-02-01" }).verdict).toBe("eligible");
    expect(checkEligibility(p, { hardship_registered: true }, { today: "2026-02-01" }).verdict).toBe("unknown");
  });

  it("date_between as an explicit condition", () => {
    const d: Rule = { fact: "date", op: "date_between", value: ["2024-01-01", "2024-12-31"], source: "2024年" };
    expect(verdict(d, { date: "2024-05-01" })).toBe("eligible");
    expect(verdict(d, { date: "2025-05-01" })).toBe("not_eligible");
  });
});

describe("next question", () => {
  const rule: Rule = {
    all: [
      { fact: "hardship_registered", op: "truthy", source: "a" },
      { fact: "self_paid_medical_yuan", op: "gt", value: 3000, source: "b" },
      { fact: "union_member", op: "truthy", source: "c" },
    ],
  };

  it("asks only missing facts, non-sensitive first", () => {
    const r = checkEligibility(programmeWith(rule), { hardship_registered: true }, { today: TODAY });
    expect(r.missing).toEqual(["union_member", "self_paid_medical_yuan"]);
    expect(r.next_question).toBe("您是工会会员吗?");
  });

  it("asks nothing once the verdict is decided", () => {
    const r = checkEligibility(programmeWith(rule), { union_member: false }, { today: TODAY });
    expect(r.verdict).toBe("not_eligible");
    expect(r.missing).toEqual([]);
    expect(r.next_question).toBeNull();
  });

  it("skips facts of an any-branch that is already satisfied", () => {
    const anyRule: Rule = { any: [{ fact: "hardship_registered", op: "truthy", source: "a" }, { fact: "near_hardship", op: "truthy", source: "b" }] };
    const r = checkEligibility(programmeWith({ all: [anyRule, { fact: "age", op: "gte", value: 18, source: "c" }] }), { near_hardship: true }, { today: TODAY });
    expect(r.missing).toEqual(["age"]);
  });

  it("across programmes, picks the fact most open programmes need", () => {
    const p1 = programmeWith({ fact: "union_member", op: "truthy", source: "a" }, { id: "a1" });
    const p2 = programmeWith({ all: [{ fact: "age", op: "gte", value: 60, source: "b" }, { fact: "union_member", op: "truthy", source: "a" }] }, { id: "a2" });
    const results = [checkEligibility(p1, {}, { today: TODAY }), checkEligibility(p2, {}, { today: TODAY })];
    expect(nextQuestionAcross(results)).toMatchObject({ fact: "union_member", programmes: ["a1", "a2"] });
    expect(nextQuestionAcross([checkEligibility(p1, { union_member: true }, { today: TODAY })])).toBeNull();
  });
});

describe("input handling", () => {
  it("ignores unknown fact names with a warning", () => {
    const r = checkEligibility(programmeWith(selfPaid), { salary: 5000, self_paid_medical_yuan: 4000 }, { today: TODAY });
    expect(r.verdict).toBe("eligible");
    expect(r.warnings).toEqual(["unknown fact 'salary' ignored"]);
  });

  it("treats an unreadable value as not known", () => {
    const r = checkEligibility(programmeWith(selfPaid), { self_paid_medical_yuan: "很多" }, { today: TODAY });
    expect(r.verdict).toBe("unknown");
    expect(r.warnings[0]).toContain("self_paid_medical_yuan");
  });
});
