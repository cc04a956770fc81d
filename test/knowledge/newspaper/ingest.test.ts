import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ingestFiles, syncIssueDir } from "../../../src/knowledge/newspaper/index.js";
import { openStore } from "../../../src/storage/open.js";
import type { Store } from "../../../src/storage/store.js";
import { ISSUES_DIR, SEEDS, seedPath } from "./seeds.js";

let store: Store;
let tmp: string;

beforeEach(async () => {
  store = await openStore("sqlite::memory:");
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-ingest-"));
});
afterEach(async () => store.close());

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
}

const allSeeds = () => Object.keys(SEEDS).map((k) => seedPath(k as keyof typeof SEEDS));

describe("ingesting issues", () => {
  it("stores the issue and its articles so they can be cited", async () => {
    const [result] = await ingestFiles(store, [seedPath("zj2024")]);
    expect(result).toMatchObject({ status: "new", articleCount: 6, issue: { date: "2024-11-07", number: "12773" } });
    const articles = await store.issues.allArticles();
    expect(articles).toHaveLength(6);
    const photo = await store.issues.getArticle(`${result.issue!.id}/3`);
    expect(photo).toMatchObject({ title: "学做年糕 传承民俗", kind: "photo", issue: { date: "2024-11-07", number: "12773", paper: null } });
    expect((await store.issues.listIssues())[0]).toMatchObject({ articleCount: 6, sourceFile: path.resolve(seedPath("zj2024")) });
  });

  it("cites a page that prints only its CN number with the paper name another issue prints beside that number", async () => {
    const [page] = await ingestFiles(store, [seedPath("zj2024")]);
    expect((await store.issues.getIssue(page.issue!.id))?.paper).toBeNull();
    await ingestFiles(store, [seedPath("zj2022")]); // its masthead prints 浙江工人日报 next to CN33—0018
    expect((await store.issues.getIssue(page.issue!.id))?.paper).toBe("浙江工人日报");
    const article = await store.issues.getArticle(`${page.issue!.id}/3`);
    expect(article?.issue.paper).toBe("浙江工人日报");
  });

  it("replaces an issue ingested again instead of duplicating it", async () => {
    await ingestFiles(store, allSeeds());
    const before = await store.issues.count();
    expect(before.issues).toBe(5);
    const again = await ingestFiles(store, [seedPath("zj2022"), seedPath("outdoor")]);
    // The same files unchanged: already stored, nothing written.
    expect(again.map((r) => r.status)).toEqual(["unchanged", "unchanged"]);
    expect(await store.issues.count()).toEqual(before);
    // A re-OCR'd copy of the same dated issue (different bytes, same paper/date/number) replaces it too.
    const copy = write("copy.txt", fs.readFileSync(seedPath("zj2024"), "utf8").replace("学做年糕 传承民俗", "学做年糕  传承民俗"));
    expect((await ingestFiles(store, [copy]))[0].status).toBe("replaced");
    expect(await store.issues.count()).toEqual(before);
  });

  it("replaces an edited undated page instead of keeping the old version beside it", async () => {
    const page = write("undated.txt", fs.readFileSync(seedPath("socialWork")));
    const other = write("other.txt", fs.readFileSync(seedPath("jiangsu")));
    const [first] = await ingestFiles(store, [page, other]);
    expect(first.issue!.id).toMatch(/^h-/);
    const before = await store.issues.count();

    fs.appendFileSync(page, "\n(本报记者 王小明)\n");
    const [edited] = await ingestFiles(store, [page]);
    expect(edited.issue!.id).not.toBe(first.issue!.id); // the text changed, so did the text-derived id
    expect(edited).toMatchObject({ status: "replaced", superseded: [first.issue!.id] });
    expect(await store.issues.getIssue(first.issue!.id)).toBeUndefined();
    expect(await store.issues.count()).toEqual(before);
    const titles = (await store.issues.allArticles()).map((a) => `${a.issue.id}|${a.title}`);
    expect(new Set(titles.map((t) => t.split("|")[1])).size).toBe(titles.length);
    // The other file's issue is not touched.
    expect((await store.issues.listIssues()).map((i) => i.sourceFile).sort()).toEqual([other, page].sort());
  });

  it("replaces the old issue when a file's date is corrected", async () => {
    const file = write("page.txt", fs.readFileSync(seedPath("zj2024"), "utf8"));
    const [wrong] = await ingestFiles(store, [file]);
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replaceAll("2024年11月7日", "2024年11月8日"));
    const [fixed] = await ingestFiles(store, [file]);
    expect(fixed.issue!.date).toBe("2024-11-08");
    expect(fixed.superseded).toEqual([wrong.issue!.id]);
    expect((await store.issues.listIssues()).map((i) => i.date)).toEqual(["2024-11-08"]);
  });

  it("keeps an issue stored from another file with the same text", async () => {
    const a = write("a.txt", fs.readFileSync(seedPath("socialWork")));
    const b = write("b.txt", fs.readFileSync(seedPath("socialWork")));
    await ingestFiles(store, [a, b]);
    fs.appendFileSync(a, "\n(本报记者 王小明)\n");
    await ingestFiles(store, [a]);
    // b still holds the original page, a the edited one: two different texts from two files.
    expect((await store.issues.listIssues()).map((i) => path.basename(i.sourceFile)).sort()).toEqual(["a.txt", "b.txt"]);
  });

  it("refuses empty, binary and non-newspaper files with the file and the reason, storing nothing", async () => {
    await ingestFiles(store, [seedPath("zj2024")]);
    const before = await store.issues.count();
    const files = [
      write("empty.txt", ""),
      write("blank.txt", "\n  \n\n"),
      write("scan.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])),
      write("english.txt", "Meeting notes\nNothing here is a newspaper page.\n"),
      path.join(tmp, "missing.txt"),
    ];
    const results = await ingestFiles(store, files);
    expect(results.map((r) => r.status)).toEqual(["refused", "refused", "refused", "refused", "refused"]);
    expect(results[0].error).toBe(`${files[0]}: the file is empty (0 bytes)`);
    expect(results[1].error).toMatch(/blank\.txt: the file is empty/);
    expect(results[2].error).toMatch(/scan\.txt: the file is binary/);
    expect(results[3].error).toMatch(/english\.txt: no recognisable newspaper text/);
    expect(results[4].error).toMatch(/missing\.txt: no such file/);
    expect(await store.issues.count()).toEqual(before);
  });

  it("stores the good files of a batch and refuses only the bad one", async () => {
    const bad = write("bad.md", "---\ntitle: 标题\ndate: 2024-13-01\n---\n正文,工会帮扶。\n");
    const progress: string[] = [];
    const results = await ingestFiles(store, [seedPath("zj2024"), bad, seedPath("zj2022")], (done, total, r) =>
      progress.push(`${done}/${total} ${r.status}`),
    );
    expect(progress).toEqual(["1/3 new", "2/3 refused", "3/3 new"]);
    expect(results[1].error).toMatch(/bad\.md: front matter field "date"/);
    expect(await store.issues.count()).toEqual({ issues: 2, articles: 12 });
  });

  it("reads a GBK-encoded OCR file like a UTF-8 one", async () => {
    const fixtures = path.join(path.dirname(new URL(import.meta.url).pathname), "fixtures");
    const [gbk, utf8] = await ingestFiles(store, [path.join(fixtures, "gbk-page.txt"), path.join(fixtures, "gbk-page.utf8.txt")]);
    expect(gbk).toMatchObject({ status: "new", articleCount: 3, issue: { date: "2024-11-07", number: "12773" } });
    expect(utf8.status).toBe("replaced");
    expect((await store.issues.allArticles()).map((a) => a.title)).toContain("学做年糕 传承民俗");
  });
});

describe("syncing the shipped issue folder", () => {
  it("stores every shipped issue once and does nothing when nothing changed", async () => {
    expect(await syncIssueDir(store, ISSUES_DIR)).toBe(5);
    const counts = await store.issues.count();
    expect(counts.issues).toBe(5);
    expect(await syncIssueDir(store, ISSUES_DIR)).toBe(0);
    expect(await store.issues.count()).toEqual(counts);
  });

  it("stores a changed or added file, and reports a broken one", async () => {
    fs.copyFileSync(seedPath("zj2024"), path.join(tmp, "a.txt"));
    expect(await syncIssueDir(store, tmp)).toBe(1);
    fs.appendFileSync(path.join(tmp, "a.txt"), "\n\n新闻服务热线:88851111\n");
    fs.copyFileSync(seedPath("jiangsu"), path.join(tmp, "b.txt"));
    write("broken.txt", "not a newspaper\n");
    await expect(syncIssueDir(store, tmp)).rejects.toThrow(/broken\.txt: no recognisable newspaper text/);
    expect(await store.issues.count()).toMatchObject({ issues: 1 });
    const refused: string[] = [];
    const stored = await syncIssueDir(store, tmp, { onRefused: (e) => refused.push(e.file) });
    expect(refused).toEqual([path.join(tmp, "broken.txt")]);
    expect(stored).toBe(2);
    expect(await store.issues.count()).toMatchObject({ issues: 2 });
  });

  it("replaces an edited undated file on the next sync, leaving one copy", async () => {
    const page = path.join(tmp, "undated-social-work-conference.txt");
    fs.copyFileSync(seedPath("socialWork"), page);
    expect(await syncIssueDir(store, tmp)).toBe(1);
    const before = await store.issues.count();
    fs.appendFileSync(page, "\n(本报记者 王小明)\n");
    expect(await syncIssueDir(store, tmp)).toBe(1);
    expect(await store.issues.count()).toEqual(before);
  });

  it("leaves alone an issue an operator stored from a corrected file", async () => {
    const corrected = write("corrected.txt", fs.readFileSync(seedPath("zj2024"), "utf8").replace("飞机维修哪家强?", "飞机维修哪家强？"));
    await ingestFiles(store, [corrected]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-shipped-"));
    fs.copyFileSync(seedPath("zj2024"), path.join(dir, "zjgrb-2024-11-07-12773.txt"));
    expect(await syncIssueDir(store, dir)).toBe(0);
    const titles = (await store.issues.allArticles()).map((a) => a.title);
    expect(titles).toContain("飞机维修哪家强？");
  });

  it("treats a missing folder as empty", async () => {
    expect(await syncIssueDir(store, path.join(tmp, "nope"))).toBe(0);
  });
});
