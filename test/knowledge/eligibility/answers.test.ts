import { describe, expect, it } from "vitest";
import { parseAmount, parseAnswer, parseChineseNumber, todayIn } from "../../../src/knowledge/eligibility/answers.js";

describe("typed answers", () => {
  it("reads Chinese and Arabic numbers", () => {
    expect(parseChineseNumber("三千五")).toBe(3500);
    expect(parseChineseNumber("一万二")).toBe(12000);
    expect(parseChineseNumber("两万")).toBe(20000);
    expect(parseChineseNumber("4.5万")).toBe(45000);
    expect(parseChineseNumber("4,200")).toBe(4200);
    expect(parseChineseNumber("十二")).toBe(12);
    expect(parseChineseNumber("很多")).toBeUndefined();
  });

  it("reads amounts as numbers or ranges", () => {
    expect(parseAmount("4200元")).toBe(4200);
    expect(parseAmount("四千多")).toEqual({ min: 4001, max: 4999 });
    expect(parseAmount("一万多块")).toEqual({ min: 10001, max: 19999 });
    expect(parseAmount("不到3000")).toEqual({ min: 0, max: 2999 });
    expect(parseAmount("超过3000元")).toEqual({ min: 3001, max: null });
    expect(parseAmount("六十多岁")).toEqual({ min: 61, max: 69 });
    expect(parseAmount("60岁以上")).toEqual({ min: 60, max: null });
    expect(parseAmount("3000元以下")).toEqual({ min: 0, max: 3000 });
  });

  it("reads yes and no", () => {
    for (const yes of ["是", "是的", "对", "有", "嗯"]) expect(parseAnswer("hardship_registered", yes)).toEqual({ ok: true, value: true });
    for (const no of ["不是", "没有", "否", "不是的", "还没"]) expect(parseAnswer("hardship_registered", no)).toEqual({ ok: true, value: false });
  });

  it("maps colloquial words to canonical values", () => {
    expect(parseAnswer("occupation", "我是送外卖的")).toEqual({ ok: true, value: "外卖配送员" });
    expect(parseAnswer("occupation", "快递小哥")).toEqual({ ok: true, value: "快递员" });
    expect(parseAnswer("occupation", "保安")).toEqual({ ok: true, value: "保安" });
    expect(parseAnswer("disability", "智力残疾")).toEqual({ ok: true, value: "智力" });
    expect(parseAnswer("social_worker_certificate", "中级")).toEqual({ ok: true, value: "中级" });
    expect(parseAnswer("social_worker_certificate", "报名了还没考")).toEqual({ ok: true, value: false });
  });

  it("reads dates and places", () => {
    expect(parseAnswer("date", "2022年1月25日")).toEqual({ ok: true, value: "2022-01-25" });
    expect(parseAnswer("date", "今天", "2026-01-02")).toEqual({ ok: true, value: "2026-01-02" });
    expect(parseAnswer("date", "2022-02-30").ok).toBe(false);
    expect(parseAnswer("city", "我在淮安")).toEqual({ ok: true, value: "淮安" });
  });

  it("gives an example when it cannot read the answer", () => {
    expect(parseAnswer("self_paid_medical_yuan", "不记得了")).toEqual({ ok: false, example: "4200" });
    expect(parseAnswer("union_member", "随便")).toEqual({ ok: false, example: "是" });
  });

  it("gives today's date where the member is, not where the server is", () => {
    const lateUtc = new Date("2024-12-31T16:30:00Z");
    expect(todayIn("Asia/Shanghai", lateUtc)).toBe("2025-01-01");
    expect(todayIn("UTC", lateUtc)).toBe("2024-12-31");
    expect(todayIn(undefined, new Date("2024-03-05T01:00:00Z"))).toBe("2024-03-05");
  });
});
