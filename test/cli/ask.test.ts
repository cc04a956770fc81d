/**
 * The `ask` command in-process through runCli with fake streams: the JSON contract, stdin mode, errors.
 * Each run loads the knowledge from the shipped data into an in-memory database (jieba itself loads once per file).
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCommand } from "../support/cli.js";

const ask = (args: string[], stdinText = "") =>
  runCommand(["ask", ...args], {
    stdin: stdinText,
    env: { DATABASE_URL: "sqlite::memory:", DATA_DIR: path.resolve("data"), LOG_LEVEL: "silent" },
  });

const jsonLines = (text: string) =>
  text
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe("ask --json", () => {
  it("prints exactly one JSON object with the contract's fields and nothing else on stdout", async () => {
    const run = await ask(["--json", "淮安困难职工看病自己花的钱工会能兜底吗？"]);
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(1);
    const obj = lines[0];
    expect(Object.keys(obj).sort()).toEqual(["answer", "confidence", "found", "hits", "q"]);
    expect(obj.q).toBe("淮安困难职工看病自己花的钱工会能兜底吗？");
    expect(obj.found).toBe(true);
    expect(obj.confidence).toBe("answer");
    const hits = obj.hits as Array<Record<string, unknown>>;
    expect(hits.length).toBeGreaterThan(0);
    // The self-paid medical programme (兜底 above 3000元) is what answers this, not the mutual-aid fund.
    expect(hits[0].kind).toBe("programme");
    expect(hits[0].id).toBe("p18");
    expect(obj.answer).toMatch(/3000元/);
    for (const hit of hits) {
      expect(Object.keys(hit).sort()).toEqual(["id", "kind", "snippet", "source", "title"]);
      expect(["programme", "article", "station"]).toContain(hit.kind);
      expect(Object.keys(hit.source as object).sort()).toEqual(["date", "issue", "paper", "title"]);
    }
  });

  it("answers stdin questions in order, plain lines and JSON lines with q, skipping blank lines", async () => {
    const input = ["没工作了有免费培训吗？", "", JSON.stringify({ q: "周末去哪里钓鱼比较好？" }), "Where can couriers rest in Zhejiang?"].join("\n");
    const run = await ask(["--json"], `${input}\n`);
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines.map((l) => l.q)).toEqual(["没工作了有免费培训吗？", "周末去哪里钓鱼比较好？", "Where can couriers rest in Zhejiang?"]);
    expect(lines[0].found).toBe(true);
    expect(lines[1].found).toBe(false);
    expect(lines[1].confidence).toBe("none");
    expect(lines[1].hits).toEqual([]);
    expect(String(lines[1].answer)).toContain("12351");
  });

  it("reports a bad stdin line on stderr with its line number, answers the rest and exits 1", async () => {
    const run = await ask(["--json"], '{"question":"no q field"}\n没工作了有免费培训吗？\n');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/line 1: .*"q"/);
    expect(jsonLines(run.stdout)).toHaveLength(1);
  });
});

describe("ask (text)", () => {
  it("prints the answer and the cited hits", async () => {
    const run = await ask(["没工作了有免费培训吗？"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/根据|服务项目/);
    expect(run.stdout).toMatch(/1\. \[(programme|article)\]/);
  });

  it("rejects an unknown option with exit code 2 and a hint", async () => {
    const run = await ask(["--jsn", "test"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown option --jsn/);
    expect(run.stdout).toBe("");
  });

  it("documents stdin mode and the JSON shape in --help", async () => {
    const run = await ask(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/stdin/);
    expect(run.stdout).toMatch(/"hits"/);
  });
});
