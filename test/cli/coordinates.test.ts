/** Coordinates are decimal degrees: hex (0x1e = 30) and other number forms Number() reads are refused. */
import { describe, expect, it } from "vitest";
import { decimalDegrees } from "../../src/knowledge/stations/import.js";
import { runCommand } from "../support/cli.js";

describe("coordinates", () => {
  it("nearby --lat 0x1e is refused with a clear message", async () => {
    const run = await runCommand(["nearby", "--lat", "0x1e", "--lon", "120.15"], { env: { DATABASE_URL: "sqlite::memory:" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--lat expects decimal degrees (-90 to 90), got "0x1e"');
  });

  it("reads decimal degrees only", () => {
    expect([decimalDegrees("30.27"), decimalDegrees(" -0.5 "), decimalDegrees("+120"), decimalDegrees(".5")]).toEqual([30.27, -0.5, 120, 0.5]);
    for (const bad of ["0x78", "0b11", "0o7", "1e2", "Infinity", "", "abc", "3O.2"]) expect(decimalDegrees(bad), bad).toBeNaN();
  });
});
