/**
 * /gaps for staff (ADMIN_IDS): the most asked questions the sources could not answer, grouped, with counts and
 * the day last asked. Kept out of the command menu and /help, like /stats.
 */
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { escapeHtml } from "../html.js";
import { gapReport, GAP_RETENTION_DAYS } from "../../knowledge/gaps/index.js";
import { localDate } from "../../knowledge/gaps/format.js";

const MAX_GROUPS = 10;

export const gapsFeature: Feature = {
  name: "gaps",
  composer(deps) {
    const composer = new Composer<BotContext>();
    composer.command("gaps", async (ctx) => {
      if (ctx.from === undefined || !deps.config.ADMIN_IDS.includes(ctx.from.id)) {
        await ctx.reply(ctx.t("gaps-admin-only"));
        return;
      }
      const zone = deps.config.TIME_ZONE;
      const report = await gapReport(deps.store.gaps);
      if (report.total === 0) {
        await ctx.reply(ctx.t("gaps-empty", { days: GAP_RETENTION_DAYS }));
        return;
      }
      const lines = [ctx.t("gaps-heading", { total: report.total, groups: report.groups.length, days: GAP_RETENTION_DAYS }), ""];
      report.groups.slice(0, MAX_GROUPS).forEach((g, i) => {
        const about = g.concepts.length > 0 ? g.concepts.join(" · ") : ctx.t("gaps-no-concept");
        lines.push(
          `${i + 1}. <b>${escapeHtml(about)}</b> — ${ctx.t("gaps-group", { count: g.count, related: g.related, none: g.none, last: localDate(g.lastAsked, zone) })}`,
        );
        for (const example of g.examples) lines.push(`   “${escapeHtml(example)}”`);
      });
      lines.push("", ctx.t("gaps-footer"));
      await ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
    });
    return composer;
  },
};
