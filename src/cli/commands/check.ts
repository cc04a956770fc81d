// Placeholder until the owner of this command implements it.
import type { CliCommand } from "../command.js";

export const checkCommand: CliCommand = {
  name: "check",
  summary: "(not implemented yet)",
  help: "Usage: npm run --silent cli -- check\n\nNot implemented yet.",
  async run(_argv, io) {
    io.stderr.write("check: not implemented yet\n");
    return 1;
  },
};
