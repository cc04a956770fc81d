/** Staff-written answers: every validation error names the file, the field and the wrong value. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FaqError, loadFaq, parseFaqFile, servedEntries } from "../../../src/knowledge/faq/index.js";

const VALID = `id: join-union
questions:
  - 怎么入会
  - 如何加入工会
answer: 测试用解答文本。
written_by: 测试科室
written_on: 2026-11-02
link: https://example.org/join
`;

function problemsOf(text: string, file = "data/faq/join-union.yaml") {
  return parseFaqFile(text, file, "join-union").problems;
}

describe("FAQ file validation", () => {
  it("reads a valid entry", () => {
    const { entry, problems } = parseFaqFile(VALID, "data/faq/join-union.yaml", "join-union");
    expect(problems).toEqual([]);
    expect(entry).toMatchObject({
      id: "join-union",
      questions: ["怎么入会", "如何加入工会"],
      writtenBy: "测试科室",
      writtenOn: "2026-11-02",
      link: "https://example.org/join",
      example: false,
    });
  });

  it.each([
    ["written_on: 2026-13-01", "written_on", '"2026-13-01"'],
    ["written_on: last week", "written_on", '"last week"'],
    ["link: example.org/join", "link", '"example.org/join"'],
    ["written_by: ''", "written_by", '""'],
    ["answer: ''", "answer", '""'],
    ["example: yes please", "example", '"yes please"'],
  ])("%s is reported at its field with the wrong value", (line, field, value) => {
    const key = line.split(":")[0];
    const text = VALID.split("\n").filter((l) => !l.startsWith(`${key}:`)).join("\n") + `\n${line}\n`;
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "data/faq/join-union.yaml", field });
    expect(problems[0].message).toContain(value);
  });

  it("reports a missing field, an empty question and an unknown field", () => {
    const text = VALID.replace("written_by: 测试科室\n", "").replace("  - 如何加入工会", "  - ''") + "autor: 张三\n";
    const fields = problemsOf(text).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(["written_by", "questions[1]", "autor"]));
  });

  it("reports an id that does not match the file name, with the id", () => {
    const problems = problemsOf(VALID.replace("id: join-union", "id: join"));
    expect(problems[0]).toMatchObject({ field: "id" });
    expect(problems[0].message).toContain('"join"');
  });

  it("loadFaq throws one error listing every problem as file: field: message", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-faq-"));
    fs.writeFileSync(path.join(dir, "join-union.yaml"), VALID);
    fs.writeFileSync(path.join(dir, "hotline.yaml"), VALID.replace("id: join-union", "id: hotline").replace("written_on: 2026-11-02", "written_on: 2026-02-30"));
    fs.writeFileSync(path.join(dir, "again.yaml"), VALID.replace("id: join-union", "id: again"));
    const error = await loadFaq(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FaqError);
    const message = (error as FaqError).message;
    expect(message).toMatch(/hotline\.yaml: written_on: .*"2026-02-30"/);
    expect(message).toMatch(/(again|join-union)\.yaml: questions\[0\]: "怎么入会" is also asked in /);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("a missing folder means no staff answers", async () => {
    expect(await loadFaq(path.join(os.tmpdir(), "niangjia-no-such-faq-folder"))).toEqual([]);
  });

  it("the shipped example file is valid, marked as an example and never served", async () => {
    const entries = await loadFaq(path.resolve("data/faq"));
    const example = entries.find((e) => e.id === "example-format");
    expect(example?.example).toBe(true);
    expect(servedEntries(entries).map((e) => e.id)).not.toContain("example-format");
  });
});
