import { describe, expect, it } from "vitest";
import { describeHours } from "../../../src/knowledge/stations/hours-text.js";

// Monday 23 November 2026, noon in Shanghai: the week described runs Mon 23 – Sun 29 (no public holiday).
const MONDAY = new Date("2026-11-23T04:00:00Z");

describe("opening hours in words", () => {
  it("names the days together that share hours, Monday first, in Chinese and in English", () => {
    expect(describeHours("Mo-Fr 08:00-18:00", "zh-CN", MONDAY)).toBe("周一至周五 08:00–18:00；周六、周日 休息");
    expect(describeHours("Mo-Fr 08:00-18:00", "en", MONDAY)).toBe("Mon–Fri 08:00–18:00; Sat, Sun closed");
    expect(describeHours("Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00", "zh-CN", MONDAY)).toBe(
      "周一至周五 08:00–12:00、14:00–18:00；周六 09:00–12:00；周日 休息",
    );
    expect(describeHours("Mo,We,Fr 09:00-17:00", "zh-CN", MONDAY)).toBe("周一、周三、周五 09:00–17:00；周二、周四、周六、周日 休息");
  });

  it("says every day, overnight and round the clock as a member would", () => {
    expect(describeHours("Mo-Su 10:00-02:00", "zh-CN", MONDAY)).toBe("每天 10:00–次日02:00");
    expect(describeHours("Mo-Su 10:00-02:00", "en", MONDAY)).toBe("daily 10:00–02:00 (next day)");
    expect(describeHours("Mo-Su 00:00-24:00", "zh-CN", MONDAY)).toBe("24小时开放");
  });

  it("describes the coming seven days as the library evaluates them, closures included", () => {
    // From Tuesday 29 September 2026: the station closes for the National Day week from Thursday 1 October.
    const beforeNationalDay = new Date("2026-09-29T04:00:00Z");
    expect(describeHours("Mo-Su 08:00-20:00; 2026 Oct 01-07 off", "zh-CN", beforeNationalDay)).toBe("周一、周四至周日 休息；周二、周三 08:00–20:00");
  });

  it("shows a value the library cannot evaluate as written", () => {
    expect(describeHours("every day sometimes", "zh-CN", MONDAY)).toBe("every day sometimes");
    expect(describeHours("Mo-Fr 08:00-18:00 unknown", "zh-CN", MONDAY)).toBe("Mo-Fr 08:00-18:00 unknown");
  });
});
