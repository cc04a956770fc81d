// Placeholder until the owner of this command implements it.
import type { CliCommand } from "../command.js";

export const askCommand: CliCommand = {
  name: "ask",
  summary: "(not implemented yet)",
  help: "Usage: npm run --silent cli -- ask\n\nNot implemented yet.",
  async run(_argv, io) {
    io.stderr.write("ask: not implemented yet\n");
    return 1;
  },
};
