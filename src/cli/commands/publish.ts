// Placeholder until the owner of this command implements it.
import type { CliCommand } from "../command.js";

export const publishCommand: CliCommand = {
  name: "publish",
  summary: "(not implemented yet)",
  help: "Usage: npm run --silent cli -- publish\n\nNot implemented yet.",
  async run(_argv, io) {
    io.stderr.write("publish: not implemented yet\n");
    return 1;
  },
};
