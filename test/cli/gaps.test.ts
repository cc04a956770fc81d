/** `cli gaps`: the report staff read, as text and as JSON, with --since and clear errors. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/storage/open.js";
import { runCommand } from "../support/cli.js";

const DAY = 86_400_000;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-gaps-cli-"));
  env = { DATABASE_URL: `sqlite:${path.join(dir, "db.sqlite")}`, TIME_ZONE: "Asia/Shanghai", LOG_LEVEL: "silent" };
  const store = await openStore(env.DATABASE_URL!);
  const now = Date.now();
  await store.gaps.record({ askedAt: now - 10 * DAY, question: "怎么入会", confidence: "none", concepts: ["入会"] });
  await store.gaps.record({ askedAt: now - DAY, question: "如何入会", confidence: "related", concepts: ["入会"] });
  await store.gaps.record({ askedAt: now - 2 * DAY, question: "工伤认定要多长时间", confidence: "related", concepts: ["工伤", "认定"] });
  await store.gaps.record({ askedAt: now - 100 * DAY, question: "很久以前的问题", confidence: "none", concepts: ["过期"] });
  await store.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

describe("cli gaps", () => {
  it("prints the groups, most asked first, with counts, the last day asked and examples; nothing older than 90 days", async () => {
    const run = await runCommand(["gaps"], { env });
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(/^3 unanswered question\(s\) since \d{4}-\d{2}-\d{2}, in 2 group\(s\)/);
    expect(run.stdout).toContain(`1. 入会 — 2× (related 1, nothing 1), last asked ${day(Date.now() - DAY)}`);
    expect(run.stdout).toContain("2. 工伤 · 认定 — 1× (related 1, nothing 0)");
    expect(run.stdout).toContain("“如何入会”");
    expect(run.stdout).not.toContain("很久以前");
  });

  it("--json and --since", async () => {
    const since = day(Date.now() - 3 * DAY);
    const run = await runCommand(["gaps", "--json", "--since", since], { env });
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ since, total: 2 });
    expect(report.groups.map((g: { concepts: string[]; count: number }) => [g.concepts, g.count])).toEqual([
      [["入会"], 1],
      [["工伤", "认定"], 1],
    ]);
    expect(report.groups[0]).toMatchObject({ related: 1, none: 0, last_asked: day(Date.now() - DAY), examples: ["如何入会"] });
  });

  it("refuses a bad date with the value, and has help text", async () => {
    const bad = await runCommand(["gaps", "--since", "2026-13-01"], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since: expected a date YYYY-MM-DD, got "2026-13-01"');
    const help = await runCommand(["gaps", "--help"], { env });
    expect(help.stdout).toContain("Usage: npm run --silent cli -- gaps");
    const list = await runCommand(["--help"], { env });
    expect(list.stdout).toMatch(/gaps\s+questions the sources could not answer/);
  });
});
