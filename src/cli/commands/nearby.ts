// Placeholder until the owner of this command implements it.
import type { CliCommand } from "../command.js";

export const nearbyCommand: CliCommand = {
  name: "nearby",
  summary: "(not implemented yet)",
  help: "Usage: npm run --silent cli -- nearby\n\nNot implemented yet.",
  async run(_argv, io) {
    io.stderr.write("nearby: not implemented yet\n");
    return 1;
  },
};
