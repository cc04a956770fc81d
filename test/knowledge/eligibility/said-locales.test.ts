// Every open text fact (typed answers beyond the listed values) has an English wording in the "from what you
// said" line, so an English reader never gets a bare Chinese word without knowing what it is.
import { describe, expect, it } from "vitest";
import { FACTS, saidLine } from "../../../src/knowledge/eligibility/index.js";

describe("English wording of typed values", () => {
  it("each open text fact names its kind around a Chinese value", () => {
    const open = [...FACTS.values()].filter((f) => f.type === "string" && f.open);
    expect(open.length).toBeGreaterThan(2);
    for (const spec of open) {
      const line = saidLine({ [spec.name]: "某某" }, "en")!;
      expect(line, spec.name).toMatch(/^From what you said: [a-z ]+ \(某某\)$/);
      expect(saidLine({ [spec.name]: "某某" }, "zh-CN"), spec.name).toBe("按您说的：某某");
    }
  });
});
