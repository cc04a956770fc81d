/** `ask` argument mistakes, answered before any knowledge is loaded. */
import { PassThrough, Readable } from "node:stream";
import { expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";

it("an empty QUESTION argument is refused instead of silently reading stdin", async () => {
  const stderr = new PassThrough();
  let err = "";
  stderr.on("data", (c) => (err += c));
  const code = await runCli(["ask", "--json", "  "], { stdin: Readable.from([]), stdout: new PassThrough(), stderr, env: { LOG_LEVEL: "silent" } });
  expect(code).toBe(2);
  expect(err).toContain("QUESTION argument is empty");
});
