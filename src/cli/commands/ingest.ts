// Placeholder until the owner of this command implements it.
import type { CliCommand } from "../command.js";

export const ingestCommand: CliCommand = {
  name: "ingest",
  summary: "(not implemented yet)",
  help: "Usage: npm run --silent cli -- ingest\n\nNot implemented yet.",
  async run(_argv, io) {
    io.stderr.write("ingest: not implemented yet\n");
    return 1;
  },
};
