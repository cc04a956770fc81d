// Placeholder until the owner of this command implements it.
import type { CliCommand } from "../command.js";

export const importStationsCommand: CliCommand = {
  name: "import-stations",
  summary: "(not implemented yet)",
  help: "Usage: npm run --silent cli -- import-stations\n\nNot implemented yet.",
  async run(_argv, io) {
    io.stderr.write("import-stations: not implemented yet\n");
    return 1;
  },
};
