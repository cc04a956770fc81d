/** `ingest` given something that is not an issue file: refused at once, with the file named, nothing stored. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCommand } from "../support/cli.js";

describe("ingest: non-regular and oversized files", () => {
  it("refuses a FIFO (which would block forever) and /dev/zero (which never ends) without reading them", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-ingest-"));
    const fifo = path.join(dir, "pipe.txt");
    execFileSync("mkfifo", [fifo]);
    const env = { DATABASE_URL: `sqlite:${path.join(dir, "db.sqlite")}` };
    const run = await runCommand(["ingest", fifo, "/dev/zero"], { env });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${fifo}: is not a regular file`);
    expect(run.stdout).toContain("/dev/zero: is not a regular file");
  }, 60_000);

  it("refuses a file over 10 MB with its size and the limit", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-ingest-"));
    const big = path.join(dir, "big.txt");
    fs.writeFileSync(big, Buffer.alloc(11 * 1024 * 1024, "a"));
    const run = await runCommand(["ingest", big], { env: { DATABASE_URL: `sqlite:${path.join(dir, "db.sqlite")}` } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${big}: the file is too large (11.0 MB; an issue file may have at most 10 MB)`);
  }, 60_000);
});
