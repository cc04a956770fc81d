// Placeholder until the owner of this command implements it.
import type { CliCommand } from "../command.js";

export const digestStatusCommand: CliCommand = {
  name: "digest-status",
  summary: "(not implemented yet)",
  help: "Usage: npm run --silent cli -- digest-status\n\nNot implemented yet.",
  async run(_argv, io) {
    io.stderr.write("digest-status: not implemented yet\n");
    return 1;
  },
};
