import { describe, expect, it } from "vitest";
import { hoursError, hoursProblem, isOpenAt, wallClock } from "../../../src/knowledge/stations/hours.js";

/** An instant given as Shanghai wall-clock time (UTC+8, no daylight saving). */
const shanghai = (iso: string) => new Date(`${iso}+08:00`);

describe("opening hours in Asia/Shanghai", () => {
  it("24/7 is always open", () => {
    expect(isOpenAt("24/7", shanghai("2025-10-15T03:00:00"))).toBe(true);
    expect(isOpenAt("24/7", shanghai("2026-01-01T12:00:00"))).toBe(true);
  });

  it("evaluates weekday ranges in Shanghai time, whatever the server's zone", () => {
    // Wednesday 2025-10-15 09:00 in Shanghai is Wednesday 01:00 UTC.
    expect(isOpenAt("Mo-Fr 08:00-18:00", shanghai("2025-10-15T09:00:00"))).toBe(true);
    expect(isOpenAt("Mo-Fr 08:00-18:00", shanghai("2025-10-15T07:59:00"))).toBe(false);
    expect(isOpenAt("Mo-Fr 08:00-18:00", shanghai("2025-10-15T18:00:00"))).toBe(false);
    // Saturday
    expect(isOpenAt("Mo-Fr 08:00-18:00", shanghai("2025-10-18T10:00:00"))).toBe(false);
    // The same instant read in another zone would be a different weekday/hour.
    expect(isOpenAt("Mo-Fr 08:00-18:00", shanghai("2025-10-15T09:00:00"), "America/Los_Angeles")).toBe(false);
  });

  it("handles ranges past midnight", () => {
    const night = "Mo-Su 20:00-06:00";
    expect(isOpenAt(night, shanghai("2025-10-15T23:30:00"))).toBe(true);
    expect(isOpenAt(night, shanghai("2025-10-16T05:30:00"))).toBe(true);
    expect(isOpenAt(night, shanghai("2025-10-16T12:00:00"))).toBe(false);
  });

  it("closes on public holidays with PH off (National Day, New Year)", () => {
    const hours = "Mo-Fr 08:00-18:00; PH off";
    expect(isOpenAt(hours, shanghai("2025-10-01T10:00:00"))).toBe(false); // Wednesday, 国庆节
    expect(isOpenAt(hours, shanghai("2025-10-15T10:00:00"))).toBe(true); // an ordinary Wednesday
    expect(isOpenAt(hours, shanghai("2025-01-01T10:00:00"))).toBe(false); // Wednesday, 元旦
  });

  it("returns null when the hours are unknown", () => {
    expect(isOpenAt(null, new Date())).toBeNull();
    expect(isOpenAt("Mo-Su unknown", shanghai("2025-10-15T10:00:00"))).toBeNull();
  });

  it("explains invalid hours and accepts valid ones", () => {
    expect(hoursError("sometimes")).toMatch(/./);
    expect(hoursError("周一到周五")).toMatch(/./);
    expect(hoursError("Mo-Fr 08:00-18:00; PH off")).toBeUndefined();
    expect(hoursError("24/7")).toBeUndefined();
  });

  it("refuses hours the library only guesses at, suggesting its corrected value when it has one", () => {
    expect(hoursProblem("周一-周五 8:00-18:00")).toEqual({
      detail: expect.stringContaining('"Mo"'),
      suggestion: "Mo-Fr 08:00-18:00",
    });
    // "every day" would become "Mo-Su", itself too vague (no time): no suggestion, only the reason.
    expect(hoursProblem("every day")).toEqual({ detail: 'Please use notation "Mo-Su" for "every day".' });
    expect(hoursProblem("Mo-Fr 08:00-18:00")).toBeUndefined();
  });

  it("gives the wall-clock time of a zone as local fields", () => {
    const local = wallClock(new Date("2025-10-15T16:30:00Z"), "Asia/Shanghai");
    expect([local.getDate(), local.getHours(), local.getMinutes()]).toEqual([16, 0, 30]);
  });
});
