import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CatalogueError, loadCatalogue } from "../../../src/knowledge/catalogue/index.js";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "programmes-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function problemsOf(): Promise<Array<{ file: string; message: string }>> {
  try {
    await loadCatalogue(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogueError);
    return (error as CatalogueError).problems.map((p) => ({ file: path.basename(p.file), message: p.message }));
  }
  throw new Error("expected the catalogue to be refused");
}

describe("catalogue files that cannot be read", () => {
  it("names a folder called *.yaml instead of crashing with EISDIR", async () => {
    fs.mkdirSync(path.join(dir, "p99.yaml"));
    const problems = await problemsOf();
    expect(problems).toEqual([expect.objectContaining({ file: "p99.yaml", message: expect.stringContaining("cannot read the file") })]);
  });

  it("names the file whose aliases expand without bound", async () => {
    // Each level doubles the one before: 2^30 strings if expanded.
    const lines = ["a0: &a0 [x, x]"];
    for (let i = 1; i <= 30; i++) lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}]`);
    fs.writeFileSync(path.join(dir, "bomb.yaml"), `${lines.join("\n")}\n`);
    const problems = await problemsOf();
    expect(problems).toEqual([expect.objectContaining({ file: "bomb.yaml", message: expect.stringMatching(/^YAML could not be read: .*alias/i) })]);
  });
});
