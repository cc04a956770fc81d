import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/storage/open.js";
import { seedPath } from "../knowledge/newspaper/seeds.js";
import { runCommand } from "../support/cli.js";

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCommand(args, { env });

function tempDb(): { url: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-cli-"));
  return { url: `sqlite:${path.join(dir, "test.db")}`, dir };
}

describe("parse", () => {
  it("prints the issue and its articles as one JSON object, storing nothing", async () => {
    const { url, dir } = tempDb();
    const result = await cli(["parse", "--json", seedPath("zj2024")], { DATABASE_URL: url });
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.issue).toEqual({ paper: null, date: "2024-11-07", number: "12773" });
    expect(parsed.articles).toHaveLength(6);
    expect(Object.keys(parsed.articles[0]).sort()).toEqual(["body", "kicker", "kind", "title"]);
    expect(parsed.articles[2]).toMatchObject({ title: "学做年糕 传承民俗", kind: "photo", kicker: null });
    expect(fs.existsSync(path.join(dir, "test.db"))).toBe(false);
  });

  it("prints a readable summary without --json", async () => {
    const result = await cli(["parse", seedPath("zj2022")]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("浙江工人日报 · 2022-04-08 · 总第12079号");
    expect(result.stdout).toContain("[news] 跨境电商综试区评估前十浙江占三席");
  });

  it("refuses an unreadable file with its name and exit code 1, and explains usage errors", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-cli-"));
    const empty = path.join(dir, "empty.txt");
    fs.writeFileSync(empty, "");
    const refused = await cli(["parse", "--json", empty]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toContain(`${empty}: the file is empty`);
    expect((await cli(["parse"])).code).toBe(2);
    const help = await cli(["parse", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('{"issue": {"paper", "date", "number"}');
  });
});

describe("ingest", () => {
  it("skips a story file ingested again unchanged (one copy, says so), and replaces it once its text changed", async () => {
    const { url, dir } = tempDb();
    const story = path.join(dir, "story.md");
    fs.writeFileSync(story, "---\ntitle: 示例 夜班骑手 有了歇脚点\ndate: 2026-11-02\nsource: 测试日报\n---\n本报讯 某区工会在街道设立骑手歇脚点，提供热水和充电。\n");
    const first = await cli(["ingest", "--locale", "en", story], { DATABASE_URL: url });
    expect(first.stdout).toMatch(/^new /);
    const again = await cli(["ingest", "--json", story], { DATABASE_URL: url });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout.trim())).toMatchObject({ status: "unchanged", articles: 1 });
    const plain = await cli(["ingest", "--locale", "en", story], { DATABASE_URL: url });
    expect(plain.stdout).toMatch(/^unchanged .*story\.md -> .*: already stored, skipped$/m);
    expect(plain.stderr).toContain("stored 0 of 1 files (0 new, 0 replaced, 1 already stored)");

    fs.writeFileSync(story, fs.readFileSync(story, "utf8").replace("热水和充电", "热水、充电和雨具"));
    const edited = await cli(["ingest", "--locale", "en", story], { DATABASE_URL: url });
    expect(edited.stdout).toMatch(/^replaced /);
    const store = await openStore(url);
    try {
      expect(await store.issues.count()).toEqual({ issues: 1, articles: 1 });
      expect((await store.issues.allArticles())[0]!.body).toContain("雨具");
    } finally {
      await store.close();
    }
  });

  it("words its lines and summary for union staff in Chinese (DEFAULT_LOCALE), in English with --locale en", async () => {
    const { url, dir } = tempDb();
    const story = path.join(dir, "story.md");
    fs.writeFileSync(story, "---\ntitle: 示例 夜班骑手 有了歇脚点\ndate: 2026-11-02\nsource: 测试日报\n---\n本报讯 某区工会在街道设立骑手歇脚点，提供热水和充电。\n");
    const bad = path.join(dir, "empty.txt");
    fs.writeFileSync(bad, "");
    const first = await cli(["ingest", story, bad], { DATABASE_URL: url });
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/^新增 .*story\.md -> \S+（2026-11-02 无期号，1 篇）$/m);
    expect(first.stdout).toContain(`拒收 ${bad}: the file is empty`);
    expect(first.stderr).toContain("ingest：共 2 个文件，存储 1 个（新增 1 个，替换 0 个，0 个已存储），拒收 1 个：这些文件的内容均未存储");
    const again = await cli(["ingest", story], { DATABASE_URL: url });
    expect(again.stdout).toMatch(/^未变 .*story\.md -> .*：已存储，跳过$/m);
    const english = await cli(["ingest", story], { DATABASE_URL: url, DEFAULT_LOCALE: "en" });
    expect(english.stdout).toMatch(/^unchanged .*story\.md -> .*\(2026-11-02 no number, 1 article\): already stored, skipped$/m);
    expect(english.stderr).toContain("ingest: stored 0 of 1 files (0 new, 0 replaced, 1 already stored)");
    const wrong = await cli(["ingest", "--locale", "fr", story], { DATABASE_URL: url });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--locale expects zh-CN or en, got "fr"');
  });

  it("stores good files, refuses a bad one with exit code 1, and replaces on re-ingest", async () => {
    const { url, dir } = tempDb();
    const bad = path.join(dir, "scan.txt");
    fs.writeFileSync(bad, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]));
    const first = await cli(["ingest", "--json", "--locale", "en", seedPath("zj2024"), bad, seedPath("outdoor")], { DATABASE_URL: url });
    expect(first.code).toBe(1);
    const lines = first.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.status)).toEqual(["new", "refused", "new"]);
    expect(lines[0]).toMatchObject({ issue: { id: "cn33-0018-2024-11-07-12773", date: "2024-11-07", number: "12773" }, articles: 6 });
    expect(lines[1].error).toContain(`${bad}: the file is binary`);
    expect(first.stderr).toContain("[3/3]");
    expect(first.stderr).toContain("refused 1");

    // The same file again: already stored, nothing written.
    const second = await cli(["ingest", "--locale", "en", seedPath("zj2024")], { DATABASE_URL: url });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^unchanged .* -> cn33-0018-2024-11-07-12773 \(2024-11-07 总第12773号, 6 articles\): already stored, skipped/);

    const store = await openStore(url);
    try {
      expect(await store.issues.count()).toEqual({ issues: 2, articles: 12 });
    } finally {
      await store.close();
    }
  });

  it("takes a folder, and needs at least one file", async () => {
    const { url } = tempDb();
    const folder = path.dirname(seedPath("zj2024"));
    const result = await cli(["ingest", folder], { DATABASE_URL: url });
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n")).toHaveLength(5);
    expect((await cli(["ingest"], { DATABASE_URL: url })).code).toBe(2);
  });
});

describe("publish", () => {
  it("takes a folder like ingest does, publishing each issue file in it", async () => {
    const { url, dir } = tempDb();
    const folder = path.join(dir, "issues");
    fs.mkdirSync(folder);
    fs.copyFileSync(seedPath("zj2024"), path.join(folder, "a.txt"));
    fs.copyFileSync(seedPath("socialWork"), path.join(folder, "b.txt"));
    fs.writeFileSync(path.join(folder, "README.md"), "# not an issue\n");
    const env = { DATABASE_URL: url, DATA_DIR: path.resolve("data") };
    const result = await cli(["publish", "--json", folder], env);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => [path.basename(l.file), l.status])).toEqual([
      ["a.txt", "published"],
      ["b.txt", "published"],
    ]);
    const empty = path.join(dir, "empty");
    fs.mkdirSync(empty);
    const none = await cli(["publish", empty], env);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`no issue files (.txt, .md) in ${empty}`);
  });
});

describe("ingest after an edit", () => {
  it("reports the edited undated file as replaced and keeps one copy", async () => {
    const { url, dir } = tempDb();
    const page = path.join(dir, "undated.txt");
    fs.copyFileSync(seedPath("socialWork"), page);
    const first = JSON.parse((await cli(["ingest", "--json", page], { DATABASE_URL: url })).stdout);
    fs.appendFileSync(page, "\n(本报记者 王小明)\n");
    const second = JSON.parse((await cli(["ingest", "--json", page], { DATABASE_URL: url })).stdout);
    expect(second.status).toBe("replaced");
    expect(second.issue.id).not.toBe(first.issue.id);
    const store = await openStore(url);
    try {
      expect((await store.issues.listIssues()).map((i) => i.id)).toEqual([second.issue.id]);
      expect((await store.issues.count()).articles).toBe(first.articles);
    } finally {
      await store.close();
    }
  });
});
