import { describe, expect, it } from "vitest";
import { runCommand } from "../../support/cli.js";

const run = (args: string[], input = "") => runCommand(args, { stdin: input, env: { DATA_DIR: "./data" } });

const line = (programme: string, facts: Record<string, unknown>) => JSON.stringify({ programme, facts });

describe("check --json", () => {
  it("prints one result per input line in the contract's shape", async () => {
    const input = [
      line("p18", { city: "淮安", hardship_registered: true, self_paid_medical_yuan: 4200 }),
      line("淮安市总工会困难职工医疗\"兜底\"保障", { city: "淮安", hardship_registered: true, self_paid_medical_yuan: 3000 }),
      line("淮安兜底", { city: "淮安", hardship_registered: true }),
    ].join("\n");
    const { code, stdout } = await run(["check", "--json", "--date", "2026-06-01"], input);
    expect(code).toBe(0);
    const out = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(out).toHaveLength(3);
    expect(Object.keys(out[0]).sort()).toEqual(["missing", "next_question", "programme", "reasons", "verdict"]);
    expect(out[0]).toMatchObject({ programme: { id: "p18" }, verdict: "eligible", missing: [], next_question: null });
    expect(out[1].verdict).toBe("not_eligible");
    expect(out[1].reasons.join()).toContain("超过3000元");
    expect(out[2]).toMatchObject({ verdict: "unknown", missing: ["self_paid_medical_yuan"] });
    expect(out[2].next_question).toContain("医保报销以后自己还花了多少钱");
  });

  it("an unknown programme and a bad line give error lines and the run goes on", async () => {
    const input = [line("火星移民补贴", {}), "{not json", "", line("p14", { city: "宁波", social_worker_certificate: false })].join("\n");
    const { code, stdout } = await run(["check", "--json"], input);
    expect(code).toBe(0);
    const out = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(out).toHaveLength(3);
    expect(out[0].error).toMatch(/^line 1: unknown programme '火星移民补贴'/);
    expect(out[1].error).toMatch(/^line 2: not valid JSON/);
    expect(out[2]).toMatchObject({ programme: { id: "p14" }, verdict: "not_eligible" });
  });

  it("rejects a line without a programme", async () => {
    const { stdout } = await run(["check", "--json"], JSON.stringify({ facts: {} }));
    expect(JSON.parse(stdout).error).toMatch(/line 1: "programme" must be/);
  });

  it("takes one check from the arguments and prints it readably", async () => {
    const { code, stdout } = await run(["check", "p18", "city=淮安", "hardship_registered=是", "self_paid_medical_yuan=四千多"]);
    expect(code).toBe(0);
    expect(stdout).toContain("符合条件 eligible");
  });

  it("--help documents input, output and facts", async () => {
    const { code, stdout } = await run(["check", "--help"]);
    expect(code).toBe(0);
    for (const word of ["--json", "--date", "next_question", "self_paid_medical_yuan", "Exit code"]) expect(stdout).toContain(word);
  });

  it("--locale en words the reasons in English, quoting the source as written; another locale is a usage error", async () => {
    const input = line("p18", { city: "淮安", hardship_registered: true, self_paid_medical_yuan: 3000 });
    const { code, stdout } = await run(["check", "--json", "--locale", "en", "--date", "2026-06-01"], input);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.verdict).toBe("not_eligible");
    expect(out.reasons).toEqual([expect.stringMatching(/^Does not meet “.*” \(your answer: 3000 yuan\)\. Source: “.*超过3000元/)]);
    const bad = await run(["check", "--locale", "fr", "p18"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--locale expects zh-CN or en");
  });

  it("--locale en asks the next question in English too", async () => {
    const input = line("p18", { city: "淮安", hardship_registered: true });
    const { stdout } = await run(["check", "--json", "--locale", "en", "--date", "2026-06-01"], input);
    const out = JSON.parse(stdout);
    expect(out.missing).toEqual(["self_paid_medical_yuan"]);
    expect(out.next_question).toBe("This year, how much did you pay for medical care yourself after insurance (yuan)?");
  });

  it("takes the facts a member's question states, explicit facts winning, and says what it understood", async () => {
    const input = [
      JSON.stringify({ programme: "p18", question: "我在淮安,看病自己花了四千多,我家是困难职工家庭" }),
      JSON.stringify({ programme: "p18", question: "我在淮安,看病自己花了两千到四千", facts: { hardship_registered: true } }),
      JSON.stringify({ programme: "p20", question: "Am I eligible for hardship aid in Huai'an? We are not registered as a hardship family." }),
      JSON.stringify({ programme: "p18", question: 42 }),
    ].join("\n");
    const { stdout } = await run(["check", "--json", "--locale", "en", "--date", "2026-06-01"], input);
    const out = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(out[0]).toMatchObject({ verdict: "eligible", understood: { city: "淮安市", self_paid_medical_yuan: { min: 4001, max: 4999 }, hardship_registered: true } });
    // 两千到四千 against "more than 3000": cannot tell, so the amount is asked (in English).
    expect(out[1]).toMatchObject({ verdict: "unknown", missing: ["self_paid_medical_yuan"] });
    expect(out[1].next_question).toContain("how much did you pay");
    // Not registered yet: ask the union to assess, not "not eligible".
    expect(out[2].verdict).toBe("unknown");
    expect(out[2].reasons.join(" ")).toContain("Ask your local union to assess your family");
    expect(out[3].error).toMatch(/line 4: "question" must be/);
    // The readable output says what it understood in one line.
    const human = await run(["check", "--date", "2026-06-01"], JSON.stringify({ programme: "p18", question: "我在淮安,看病自己花了四千多" }));
    expect(human.stdout).toContain("按您说的：淮安市，自费约4000多元");
  });

  it("a bad --date is a usage error", async () => {
    const { code, stderr } = await run(["check", "--date", "tomorrow"], "");
    expect(code).toBe(2);
    expect(stderr).toContain("--date");
  });
});

describe("check on the command line: mistakes", () => {
  it("an unknown programme asked for directly fails the command", async () => {
    const { code, stdout } = await run(["check", "--json", "不存在的项目xyz"]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout.trim()).error).toBeTruthy();
  });

  it("refuses a date that has the right shape but is no day", async () => {
    const { code, stderr } = await run(["check", "--date", "2024-02-30", "p18"]);
    expect(code).toBe(2);
    expect(stderr).toContain("--date");
  });
});
