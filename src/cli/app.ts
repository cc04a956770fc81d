import { type App, withApp } from "../app/app.js";
import type { Config } from "../config.js";
import { createLogger } from "../logger.js";
import type { CliIo } from "./command.js";

/**
 * A command's application: parts load when the command first asks for them and the store is closed at
 * the end. Only warnings reach stderr unless LOG_LEVEL asks for more, so output stays readable.
 */
export function withCliApp<T>(config: Config, io: CliIo, use: (app: App) => Promise<T>): Promise<T> {
  return withApp(config, { logger: createLogger(io.env.LOG_LEVEL ? config.LOG_LEVEL : "warn") }, use);
}
