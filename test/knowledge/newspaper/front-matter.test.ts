import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IssueFileError, parseIssueFile } from "../../../src/knowledge/newspaper/index.js";

const FIXTURE = path.join(path.dirname(new URL(import.meta.url).pathname), "fixtures", "2024-11-07-gongfu-gongfang.md");

function write(name: string, content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-fm-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

async function refusal(file: string): Promise<IssueFileError> {
  try {
    await parseIssueFile(file);
  } catch (error) {
    if (error instanceof IssueFileError) return error;
    throw error;
  }
  throw new Error(`${file} was not refused`);
}

describe("front-matter stories", () => {
  it("reads one story per file: headline, date, paper, issue number, clean body", async () => {
    const parsed = await parseIssueFile(FIXTURE);
    expect(parsed.issue).toMatchObject({ date: "2024-11-07", number: "12773", paper: null });
    expect(parsed.articles).toHaveLength(1);
    const [story] = parsed.articles;
    expect(story).toMatchObject({ title: "共富工坊 点亮残疾人就业梦", kind: "news", byline: "本报讯 通讯员陈虹报道", seq: 1 });
    expect(story.body.split("\n")[0]).toMatch(/^据悉,杏福花开共富工坊是中山村利用村里1600平方米闲置用房打造的/);
    expect(story.body).toContain("45名参加项目的残疾人每月可以获得500元至800元的收入。");
  });

  it("uses source as the paper when paper is not given, and keeps the url", async () => {
    const file = write(
      "story.md",
      "---\ntitle: 淮安市总兜底保障助力困难职工\ndate: 2022-01-06\nsource: 江苏工人报\nurl: https://example.org/a/1\n---\n工会“兜底”保障,就是困难职工家庭年度医疗支出除去医保报销之后,\n个人自费部分超过3000元的,市总工会将给予“兜底”解决。\n",
    );
    const parsed = await parseIssueFile(file);
    expect(parsed.issue).toMatchObject({ paper: "江苏工人报", date: "2022-01-06", number: null });
    expect(parsed.articles[0].url).toBe("https://example.org/a/1");
    expect(parsed.articles[0].body).toBe("工会“兜底”保障,就是困难职工家庭年度医疗支出除去医保报销之后,个人自费部分超过3000元的,市总工会将给予“兜底”解决。");
  });

  it("gives the same story the same id however often it is parsed", async () => {
    const a = await parseIssueFile(FIXTURE);
    const copy = write("copy.md", fs.readFileSync(FIXTURE, "utf8"));
    expect((await parseIssueFile(copy)).issue.id).toBe(a.issue.id);
  });

  it("refuses a story without a title, naming the file and the field", async () => {
    const file = write("no-title.md", "---\ndate: 2024-11-07\n---\n正文内容,工会帮扶困难职工。\n");
    const error = await refusal(file);
    expect(error.message).toContain(file);
    expect(error.message).toContain('"title" is missing');
    expect(error.where.field).toBe("title");
  });

  it("accepts a story without a date as undated, with a warning naming the file and the field", async () => {
    const file = write("no-date.md", "---\ntitle: 标题\nsource: 江苏工人报\n---\n正文内容,工会帮扶困难职工。\n");
    const parsed = await parseIssueFile(file);
    expect(parsed.issue).toMatchObject({ date: null, number: null, paper: "江苏工人报" });
    expect(parsed.articles[0].title).toBe("标题");
    expect(parsed.warnings).toHaveLength(1);
    expect(parsed.warnings![0]).toContain(file);
    expect(parsed.warnings![0]).toMatch(/"date" is missing.*undated/);
    const dated = await parseIssueFile(write("dated.md", "---\ntitle: 标题\ndate: 2024-11-07\n---\n正文内容,工会帮扶困难职工。\n"));
    expect(dated.warnings).toBeUndefined();
  });

  it("refuses an impossible or unreadable date, naming the field", async () => {
    const impossible = await refusal(write("bad-date.md", "---\ntitle: 标题\ndate: 2024-02-30\n---\n正文内容。\n"));
    expect(impossible.message).toMatch(/"date": expected a date such as 2024-11-07, got "2024-02-30" \(no such day\)/);
    const words = await refusal(write("word-date.md", "---\ntitle: 标题\ndate: last tuesday\n---\n正文内容。\n"));
    expect(words.where.field).toBe("date");
  });

  it("refuses broken YAML, unknown fields and a Markdown file without front matter", async () => {
    expect((await refusal(write("yaml.md", "---\ntitle: [unclosed\ndate: 2024-11-07\n---\n正文。\n"))).message).toMatch(/not valid YAML/);
    expect((await refusal(write("typo.md", "---\ntitel: 标题\ndate: 2024-11-07\n---\n正文。\n"))).message).toMatch(/"titel" is not known/);
    expect((await refusal(write("plain.md", "只是一段文字,没有头信息。\n"))).message).toMatch(/needs YAML front matter/);
    expect((await refusal(write("empty-body.md", "---\ntitle: 标题\ndate: 2024-11-07\n---\n\n"))).message).toMatch(/no text below the front matter/);
  });
});
