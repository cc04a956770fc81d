// Placeholder until the owner of this command implements it.
import type { CliCommand } from "../command.js";

export const parseCommand: CliCommand = {
  name: "parse",
  summary: "(not implemented yet)",
  help: "Usage: npm run --silent cli -- parse\n\nNot implemented yet.",
  async run(_argv, io) {
    io.stderr.write("parse: not implemented yet\n");
    return 1;
  },
};
