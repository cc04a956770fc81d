import { describe, expect, it } from "vitest";
import { afterQuietHours, earliestDelivery, inQuietHours, nextLocalTime } from "../../src/delivery/schedule.js";

const TZ = "Asia/Shanghai";
const quiet = { start: "22:00", end: "07:00" };
/** Shanghai wall time -> epoch ms (UTC+8, no DST). */
const sh = (day: number, h: number, m = 0) => Date.UTC(2024, 10, day, h - 8, m);

describe("quiet hours and delivery time (Asia/Shanghai)", () => {
  it("knows the quiet window wraps past midnight", () => {
    expect(inQuietHours(sh(7, 21, 59), quiet, TZ)).toBe(false);
    expect(inQuietHours(sh(7, 22, 0), quiet, TZ)).toBe(true);
    expect(inQuietHours(sh(8, 3, 0), quiet, TZ)).toBe(true);
    expect(inQuietHours(sh(8, 7, 0), quiet, TZ)).toBe(false);
    expect(inQuietHours(sh(8, 3, 0), { start: "00:00", end: "00:00" }, TZ)).toBe(false);
  });

  it("holds a digest published at night until 07:00", () => {
    expect(afterQuietHours(sh(7, 23, 30), quiet, TZ)).toBe(sh(8, 7, 0));
    expect(afterQuietHours(sh(8, 1, 0), quiet, TZ)).toBe(sh(8, 7, 0));
    expect(afterQuietHours(sh(8, 12, 0), quiet, TZ)).toBe(sh(8, 12, 0));
  });

  it("delivers a daily subscriber's digest at their time, today or tomorrow", () => {
    expect(nextLocalTime(sh(7, 10, 0), "18:30", TZ)).toBe(sh(7, 18, 30));
    expect(nextLocalTime(sh(7, 19, 0), "18:30", TZ)).toBe(sh(8, 18, 30));
    expect(earliestDelivery(sh(7, 19, 0), { kind: "daily", time: "08:00" }, quiet, TZ)).toBe(sh(8, 8, 0));
    // A daily time inside quiet hours still waits for the end of the quiet window.
    expect(earliestDelivery(sh(7, 12, 0), { kind: "daily", time: "23:00" }, quiet, TZ)).toBe(sh(8, 7, 0));
    expect(earliestDelivery(sh(7, 12, 0), { kind: "immediate" }, quiet, TZ)).toBe(sh(7, 12, 0));
  });
});
