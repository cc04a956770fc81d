import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { BotCommand, Feature } from "../feature.js";

/** /help: every command of every feature, with its description, in the member's language. */
export function createHelpFeature(allCommands: () => BotCommand[]): Feature {
  return {
    name: "help",
    commands: [{ command: "help", descriptionKey: "bot-command-help" }],
    composer() {
      const composer = new Composer<BotContext>();
      composer.command("help", async (ctx) => {
        const lines = allCommands().map(({ command, descriptionKey }) => `/${command} — ${ctx.t(descriptionKey)}`);
        await ctx.reply([ctx.t("bot-help-header"), "", ...lines, "", ctx.t("bot-help-footer")].join("\n"), {
          parse_mode: "HTML",
        });
      });
      return composer;
    },
  };
}
