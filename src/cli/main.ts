import "dotenv/config";
import type { CliCommand, CliIo } from "./command.js";
import { UsageError, writeLine } from "./command.js";
import { askCommand } from "./commands/ask.js";
import { checkCommand } from "./commands/check.js";
import { digestStatusCommand } from "./commands/digest-status.js";
import { gapsCommand } from "./commands/gaps.js";
import { importStationsCommand } from "./commands/import-stations.js";
import { ingestCommand } from "./commands/ingest.js";
import { nearbyCommand } from "./commands/nearby.js";
import { parseCommand } from "./commands/parse.js";
import { publishCommand } from "./commands/publish.js";

export const commands: CliCommand[] = [
  askCommand,
  parseCommand,
  ingestCommand,
  checkCommand,
  importStationsCommand,
  nearbyCommand,
  publishCommand,
  digestStatusCommand,
  gapsCommand,
];

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "niangjia command line (娘家 工会服务机器人)",
    "",
    "Usage: npm run --silent cli -- <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `npm run --silent cli -- <command> --help` for a command's options.",
  ].join("\n");
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    writeLine(io.stdout, overview());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    writeLine(io.stderr, `Unknown command "${name}".\n\n${overview()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    writeLine(io.stdout, command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      writeLine(io.stderr, `${name}: ${error.message}\nRun \`npm run --silent cli -- ${name} --help\` for usage.`);
      return error.exitCode;
    }
    writeLine(io.stderr, `${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

const isEntryPoint = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("src/cli/main.ts");
if (isEntryPoint) {
  const code = await runCli(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  });
  process.exitCode = code;
}
