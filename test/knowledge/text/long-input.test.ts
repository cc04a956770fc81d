/** Hostile or careless input: very long questions must neither hang the analysis nor reach it at all. */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeQuery } from "../../../src/knowledge/text/analyze.js";
import { loadLexicon, type Lexicon } from "../../../src/knowledge/text/lexicon.js";
import { runCommand } from "../../support/cli.js";

let lexicon: Lexicon;
beforeAll(() => {
  lexicon = loadLexicon(path.resolve("data/dict"));
});

describe("long input", () => {
  it("a long run of letters is analysed without hanging, and codes such as 1+1+N are still found", () => {
    // The time ratio (4x the letters) is printed by `npm run bench search`; here: it finishes and finds nothing.
    expect(analyzeQuery(`${"a".repeat(80_000)}!`, lexicon).literals).toEqual([]);
    expect(analyzeQuery("1+1+N帮扶是什么", lexicon).literals).toEqual(["1+1+n"]);
  });

  it("ask refuses a question over 1000 characters with a clear message (argument and stdin line)", async () => {
    const arg = await runCommand(["ask", "a".repeat(300_000)]);
    expect(arg.code).toBe(2);
    expect(arg.stderr).toContain("the question is too long (300000 characters; at most 1000)");
    const stdin = await runCommand(["ask", "--json"], { stdin: `${"问".repeat(1001)}\n`, env: { DATABASE_URL: "sqlite::memory:" } });
    expect(stdin.code).toBe(1);
    expect(stdin.stderr).toContain("stdin line 1: the question is too long (1001 characters; at most 1000)");
    expect(stdin.stdout).toBe("");
  }, 120_000);
});
