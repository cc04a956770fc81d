/** `ask` argument mistakes, answered before any knowledge is loaded. */
import { expect, it } from "vitest";
import { runCommand } from "../support/cli.js";

it("an empty QUESTION argument is refused instead of silently reading stdin", async () => {
  const { code, stderr } = await runCommand(["ask", "--json", "  "], { env: { LOG_LEVEL: "silent" } });
  expect(code).toBe(2);
  expect(stderr).toContain("QUESTION argument is empty");
});
