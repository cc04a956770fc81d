/**
 * The gap report keeps unanswered questions without who asked, masked, for 90 days (injected clock), grouped
 * by what they ask about; recording never breaks or delays an answer when storage fails.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGapRecorder, gapReport, GAP_RETENTION_DAYS, maskSensitive } from "../../../src/knowledge/gaps/index.js";
import { openStore } from "../../../src/storage/open.js";
import type { GapRepository } from "../../../src/knowledge/gaps/repository.js";
import type { Store } from "../../../src/storage/store.js";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1, 4, 0, 0);

describe("masking before a question is kept", () => {
  it.each([
    ["我电话13812345678,能回我吗", "我电话[电话],能回我吗"],
    ["call me on +86 138 1234 5678", "call me on [电话]"],
    ["单位电话0571-87654321", "单位电话[电话]"],
    ["身份证330102199001011234补贴能领吗", "身份证[身份证号]补贴能领吗"],
    ["ID 33010219900101123X", "ID [身份证号]"],
    ["看病自己花了四千多,工会能兜底吗", "看病自己花了[金额],工会能兜底吗"],
    ["补贴3000块钱什么时候到", "补贴[金额]什么时候到"],
    ["借了1.5万元还不上", "借了[金额]还不上"],
    ["got ¥500 only", "got [金额] only"],
    ["工资欠了两万多", "工资欠了[金额]"],
  ])("%s", (question, kept) => {
    expect(maskSensitive(question)).toBe(kept);
  });

  it("keeps the hotline and years, which say what was asked, not who asked", () => {
    expect(maskSensitive("12351是什么")).toBe("12351是什么");
    expect(maskSensitive("2026年春节江苏工会送温暖每人发多少钱")).toBe("2026年春节江苏工会送温暖每人发多少钱");
  });
});

describe("recording and retention", () => {
  let store: Store;
  let now: number;
  beforeEach(async () => {
    store = await openStore("sqlite::memory:");
    now = T0;
  });
  afterEach(async () => store.close());

  const recorder = () => createGapRecorder({ repo: store.gaps, concepts: (q) => (q.includes("入会") ? ["入会"] : ["工伤"]), now: () => now });

  it("keeps related and none answers, masked and without any user id; not confident answers only", async () => {
    const gaps = recorder();
    await gaps.record("怎么入会?我电话13812345678", "none");
    await gaps.record("工伤认定要多长时间", "related");
    await gaps.record("余杭哪里能热饭", "answer");
    const kept = await store.gaps.list(0);
    expect(kept).toEqual([
      { askedAt: T0, question: "怎么入会?我电话[电话]", confidence: "none", concepts: ["入会"] },
      { askedAt: T0, question: "工伤认定要多长时间", confidence: "related", concepts: ["工伤"] },
    ]);
    expect(JSON.stringify(kept)).not.toContain("13812345678");
  });

  it(`deletes questions older than ${GAP_RETENTION_DAYS} days and never reports them`, async () => {
    const gaps = recorder();
    await gaps.record("怎么入会", "none");
    now = T0 + 60 * DAY;
    await gaps.record("工伤认定要多长时间", "related");
    now = T0 + 89 * DAY;
    expect((await gapReport(store.gaps, { now })).total).toBe(2);
    now = T0 + 91 * DAY;
    const report = await gapReport(store.gaps, { now });
    expect(report.total).toBe(1);
    expect(report.groups[0].examples).toEqual(["工伤认定要多长时间"]);
    expect((await store.gaps.list(0)).map((g) => g.question)).toEqual(["工伤认定要多长时间"]);
    // Recording purges too (no report needed): 151 days after T0 the second one goes.
    now = T0 + 151 * DAY;
    await gaps.record("怎么入会", "none");
    expect((await store.gaps.list(0)).map((g) => g.question)).toEqual(["怎么入会"]);
  });

  it("groups by concepts with counts, related/none, the last day asked and examples, most asked first", async () => {
    const gaps = recorder();
    await gaps.record("怎么入会", "none");
    now += DAY;
    await gaps.record("工伤认定要多长时间", "related");
    now += DAY;
    await gaps.record("如何入会", "related");
    await gaps.record("怎么入会", "none");
    const report = await gapReport(store.gaps, { now });
    expect(report.groups.map((g) => [g.concepts, g.count, g.related, g.none])).toEqual([
      [["入会"], 3, 1, 2],
      [["工伤"], 1, 1, 0],
    ]);
    expect(report.groups[0].lastAsked).toBe(T0 + 2 * DAY);
    expect(report.groups[0].examples).toEqual(["如何入会", "怎么入会"]);
    expect((await gapReport(store.gaps, { now, since: T0 + 2 * DAY })).total).toBe(2);
  });

  it("a failing store neither throws nor rejects", async () => {
    const broken: GapRepository = {
      record: async () => {
        throw new Error("disk full");
      },
      list: async () => [],
      purge: async () => 0,
    };
    const warnings: unknown[] = [];
    const gaps = createGapRecorder({ repo: broken, concepts: () => [], logger: { warn: (...a: unknown[]) => warnings.push(a) } as never });
    await expect(gaps.record("怎么入会", "none")).resolves.toBeUndefined();
    expect(warnings).toHaveLength(1);
  });
});
