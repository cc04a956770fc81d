/**
 * How a station is described to a member (bot, ask hits) and to an operator (CLI). Sample stations
 * always carry the sample marker.
 */
import { translate } from "../../i18n.js";
import { amenityLabel, needName, type Need } from "./amenities.js";
import { describeHours } from "./hours-text.js";
import type { Station, StationResult } from "./types.js";
import type { Locale } from "../../locale.js";


export function formatDistance(metres: number, locale: Locale): string {
  if (metres < 1000) return translate(locale, "stations-distance-m", { m: String(Math.max(10, Math.round(metres / 10) * 10)) });
  const km = metres < 10_000 ? (metres / 1000).toFixed(1) : String(Math.round(metres / 1000));
  return translate(locale, "stations-distance-km", { km });
}

export function openLabel(open: boolean | null, locale: Locale): string {
  return translate(locale, open === true ? "stations-open" : open === false ? "stations-closed" : "stations-hours-unknown");
}

/** "开放时间：周一至周五 08:00–18:00；周六、周日 休息" for the week from `at`. */
export function hoursLabel(station: Station, locale: Locale, at?: Date, timeZone?: string): string | null {
  if (!station.openingHours) return null;
  const hours = station.openingHours === "24/7" ? translate(locale, "stations-hours-24-7") : describeHours(station.openingHours, locale, at, timeZone);
  return translate(locale, "stations-hours", { hours });
}

export function amenitiesLabel(station: Station, locale: Locale): string {
  if (station.amenities.length === 0) return translate(locale, "stations-amenities-none");
  const separator = locale === "en" ? ", " : "、";
  return translate(locale, "stations-amenities", { list: station.amenities.map((a) => amenityLabel(a, locale)).join(separator) });
}

/** "【示例数据】示例驿站·余杭01" for sample stations, else the plain name. */
export function displayName(station: Station, locale: Locale): string {
  return station.sample ? `${translate(locale, "sample-marker")}${station.name}` : station.name;
}

/** One line under a station: distance · open/closed · hours · services. */
export function detailLine(result: StationResult, locale: Locale, distanceText?: string): string {
  const parts = [distanceText ?? formatDistance(result.distanceM, locale), openLabel(result.openNow, locale)];
  const hours = hoursLabel(result.station, locale);
  if (hours && result.station.openingHours !== "24/7") parts.push(hours);
  else if (hours) parts.push(translate(locale, "stations-hours-24-7"));
  parts.push(amenitiesLabel(result.station, locale));
  return parts.join(" · ");
}

const COMPASS = ["n", "ne", "e", "se", "s", "sw", "w", "nw"] as const;

/** Which way `to` lies from `from` (initial great-circle bearing), as one of eight compass words. */
export function directionLabel(from: { lat: number; lon: number }, to: { lat: number; lon: number }, locale: Locale): string {
  const rad = Math.PI / 180;
  const dLon = (to.lon - from.lon) * rad;
  const y = Math.sin(dLon) * Math.cos(to.lat * rad);
  const x = Math.cos(from.lat * rad) * Math.sin(to.lat * rad) - Math.sin(from.lat * rad) * Math.cos(to.lat * rad) * Math.cos(dLon);
  const bearing = (Math.atan2(y, x) / rad + 360) % 360;
  return translate(locale, `stations-dir-${COMPASS[Math.round(bearing / 45) % 8]}`);
}

export function needLabel(needs: readonly Need[], locale: Locale): string {
  return needs.map((n) => needName(n, locale)).join(locale === "en" ? " and " : "、");
}
