/**
 * 找驿站: the main-menu button (menu:stations) or /stations asks for the member's location with a
 * "share my location" keyboard button and need buttons (热饭, 充电, 喝水, 厕所, 歇脚). A location message
 * gets the nearest stations as Telegram venues (map pins), each followed by a line with distance,
 * open/closed, hours and services. Sample stations are marked on the pin and in the line.
 */
import { Composer, Keyboard } from "grammy";
import { NEEDS, needById, needName, type Need } from "../../knowledge/stations/amenities.js";
import { detailLine, displayName, needLabel } from "../../knowledge/stations/format.js";
import type { StationResult } from "../../knowledge/stations/types.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { MENU } from "../menu.js";
import type { Locale } from "../../locale.js";

/** The need buttons under the location button, in this order. */
const NEED_BUTTONS = ["heat_food", "charge", "water", "toilet", "rest"].map((id) => needById(id)!);
/** Venues per location: each is a separate message, keep it short. */
const RESULTS = 3;
/** Farther than this is not "nearby": the member is told none is near and given the hotline. */
const MAX_DISTANCE_M = 100_000;

/** Kept in the session between the button and the location (no location is ever stored). */
interface StationsSession {
  awaiting: boolean;
  need?: string;
}

async function localeOf(ctx: BotContext): Promise<Locale> {
  return (await ctx.i18n.getLocale()) === "en" ? "en" : "zh-CN";
}

function needText(need: Need, locale: Locale): string {
  return needName(need, locale);
}

function locationKeyboard(ctx: BotContext, locale: Locale): Keyboard {
  const keyboard = new Keyboard().requestLocation(ctx.t("stations-button-location")).row();
  for (const need of NEED_BUTTONS) keyboard.text(needText(need, locale));
  return keyboard.resized().oneTime();
}

function stationsSession(ctx: BotContext): StationsSession | undefined {
  return ctx.session.stations as StationsSession | undefined;
}

async function askForLocation(ctx: BotContext): Promise<void> {
  await offerLocation(ctx);
}

/**
 * Asks for the member's location (with the need already chosen, when known), as the 找驿站 button does: a
 * question such as "附近哪有驿站能热饭" names no place, so only a location says where "nearby" is.
 */
export async function offerLocation(ctx: BotContext, needId?: string): Promise<void> {
  const locale = await localeOf(ctx);
  const need = needId ? needById(needId) : undefined;
  ctx.session.stations = { awaiting: true, ...(need ? { need: need.id } : {}) } satisfies StationsSession;
  const text = need ? ctx.t("stations-ask-location-need", { need: needText(need, locale) }) : ctx.t("stations-ask-location");
  await ctx.reply(text, { reply_markup: locationKeyboard(ctx, locale) });
}

function venueTitle(result: StationResult, ctx: BotContext): string {
  return result.station.sample ? `${ctx.t("stations-venue-sample")}${result.station.name}` : result.station.name;
}

export const stationsFeature: Feature = {
  name: "stations",
  commands: [{ command: "stations", descriptionKey: "stations-command" }],
  composer(deps) {
    const composer = new Composer<BotContext>();

    // Locations are asked for and answered in private chats only (the session is per user and chat).
    const privateChat = composer.chatType("private");

    composer.callbackQuery(MENU.stations, async (ctx, next) => {
      // In a group (or on an inline message) there is no private chat to ask in: the catch-all points there.
      if (ctx.chat?.type !== "private") return next();
      await ctx.answerCallbackQuery();
      await askForLocation(ctx);
    });
    privateChat.command("stations", askForLocation);

    // A need button ("热饭") only counts right after the location prompt; other text goes on to the search.
    privateChat.on("message:text", async (ctx, next) => {
      const state = stationsSession(ctx);
      if (!state?.awaiting) return next();
      const locale = await localeOf(ctx);
      const text = ctx.message.text.trim();
      const need = NEEDS.find((n) => needName(n, "zh-CN") === text || needName(n, "en").toLowerCase() === text.toLowerCase());
      if (!need) return next();
      ctx.session.stations = { awaiting: true, need: need.id } satisfies StationsSession;
      await ctx.reply(ctx.t("stations-ask-location-need", { need: needText(need, locale) }), {
        reply_markup: locationKeyboard(ctx, locale),
      });
    });

    privateChat.on("message:location", async (ctx) => {
      const locale = await localeOf(ctx);
      const state = stationsSession(ctx);
      const need = state?.need ? needById(state.need) : undefined;
      const needs = need ? [need] : [];
      ctx.session.stations = undefined;
      const { latitude, longitude } = ctx.message.location;
      // Clients send numbers, but an update is only JSON: a forged or broken location must not become NaN km.
      if (!isCoordinate(latitude, 90) || !isCoordinate(longitude, 180)) {
        await ctx.reply(ctx.t("stations-bad-location"), { reply_markup: locationKeyboard(ctx, locale) });
        return;
      }
      const finder = await deps.stations.finder();
      const results = finder.nearest({ lat: latitude, lon: longitude }, { needs, limit: RESULTS, maxDistanceM: MAX_DISTANCE_M });
      ctx.logger.info({ need: need?.id ?? null, results: results.length }, "stations near a location");
      const removeKeyboard = { reply_markup: { remove_keyboard: true as const } };
      const label = needLabel(needs, locale);
      if (results.length === 0) {
        const key = finder.size === 0 ? "stations-empty" : need ? "stations-none-near-need" : "stations-none-near";
        await ctx.reply(`${ctx.t(key, { need: label })}\n${ctx.t("stations-next-step")}`, removeKeyboard);
        return;
      }
      const header = [
        results.some((r) => r.station.sample) ? ctx.t("stations-sample-notice") : null,
        ctx.t(need ? "stations-results-header-need" : "stations-results-header", { need: label }),
      ]
        .filter(Boolean)
        .join("\n");
      await ctx.reply(header, removeKeyboard);
      for (const [i, result] of results.entries()) {
        const { station } = result;
        await ctx.replyWithVenue(station.lat, station.lon, venueTitle(result, ctx), station.address ?? "");
        const lines = [`${i + 1}. ${displayName(station, locale)}`, detailLine(result, locale)];
        if (station.phone) lines.push(`☎ ${station.phone}`);
        await ctx.reply(lines.join("\n"));
      }
    });
    return composer;
  },
};

function isCoordinate(value: unknown, limit: number): value is number {
  return typeof value === "number" && Number.isFinite(value) && Math.abs(value) <= limit;
}
