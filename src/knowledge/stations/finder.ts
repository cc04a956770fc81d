/**
 * Finding stations: nearest to a point (k-d tree over the stations, great-circle distances), filtered by
 * the member's needs, open-now first; and stations in a named place (county/city/province), nearest to
 * the place's centre, with the nearest ones outside it when the place has none.
 */
import KDBush from "kdbush";
import { around } from "geokdbush";
import type { Place } from "../places/types.js";
import { distanceMetres } from "../places/gazetteer.js";
import { samePlace } from "../places/names.js";
import { meetsNeeds, type Need } from "./amenities.js";
import { isOpenAt } from "./hours.js";
import type { Station, StationResult } from "./types.js";

export interface FindOptions {
  needs?: readonly Need[];
  /** Only stations open at `at`. */
  openNow?: boolean;
  /** Default 5. */
  limit?: number;
  /** Default: now. */
  at?: Date;
  /** Only stations within this distance (metres). */
  maxDistanceM?: number;
}

export interface PlaceResult {
  place: Place;
  /** Stations in the place, nearest to its centre first (open ones first). */
  inside: StationResult[];
  /** How many stations the place has in total (before need/limit filters). */
  totalInside: number;
  /** With `openNow`: stations in the place that have what is needed but are not open now (not listed). */
  notOpenInside: number;
  /**
   * When `inside` is empty: the nearest matching stations outside the place, from its centre. For a
   * county, stations in its own city come first; other cities only when the city has none in range.
   */
  nearestOutside: StationResult[];
}

/** More candidates looked at outside a place, so that its own city's stations can be preferred. */
const OUTSIDE_EXTRA_CANDIDATES = 20;

/** How many nearest candidates are considered before open-now ordering, per result asked for. */
const CANDIDATES_PER_RESULT = 4;

/**
 * "Open now first" applies among stations near enough to walk or ride to: within this distance, or 3x the
 * nearest one's. An open station 140 km away does not jump ahead of one round the corner whose hours
 * are unknown; closed stations always come last.
 */
const OPEN_FIRST_RADIUS_M = 5000;

function tier(result: StationResult, radiusM: number): number {
  if (result.openNow === false) return 4;
  const far = result.distanceM > radiusM ? 2 : 0;
  return far + (result.openNow === true ? 0 : 1);
}

export class StationFinder {
  readonly stations: readonly Station[];
  private readonly index: KDBush | null;

  constructor(
    stations: readonly Station[],
    private readonly timeZone = "Asia/Shanghai",
  ) {
    this.stations = stations;
    if (stations.length === 0) {
      this.index = null;
      return;
    }
    const index = new KDBush(stations.length);
    for (const s of stations) index.add(s.lon, s.lat);
    this.index = index.finish();
  }

  get size(): number {
    return this.stations.length;
  }

  /** Nearest stations to a WGS-84 point: nearby open ones first, then unknown hours, then closed (see tier()). */
  nearest(point: { lat: number; lon: number }, options: FindOptions = {}): StationResult[] {
    if (!this.index) return [];
    const limit = options.limit ?? 5;
    const at = options.at ?? new Date();
    const needs = options.needs ?? [];
    const predicate = (i: number) => {
      const s = this.stations[i];
      if (needs.length > 0 && !meetsNeeds(s.amenities, needs)) return false;
      return !options.openNow || isOpenAt(s.openingHours, at, this.timeZone) === true;
    };
    const maxKm = options.maxDistanceM === undefined ? Infinity : options.maxDistanceM / 1000;
    const ids = around(this.index, point.lon, point.lat, options.openNow ? limit : limit * CANDIDATES_PER_RESULT, maxKm, predicate);
    return this.order(ids.map((i) => this.result(this.stations[i], point, at))).slice(0, limit);
  }

  /** Stations whose province/city/county field names the place (full name, short name or alias). */
  stationsIn(place: Place): Station[] {
    const names = new Set([place.name, place.shortName, ...place.aliases]);
    const field = place.level === "province" ? "province" : place.level === "city" ? "city" : "county";
    return this.stations.filter((s) => {
      const value = s[field];
      if (!value || !names.has(value)) return false;
      // Namesakes (two 鼓楼区): a county must also sit in the same city when the station says which.
      return place.level !== "county" || !s.city || !place.city || samePlace(s.city, place.city);
    });
  }

  /** Stations in a named place, nearest to its centre; or none there plus the nearest ones outside. */
  inPlace(place: Place, options: FindOptions = {}): PlaceResult {
    const limit = options.limit ?? 5;
    const at = options.at ?? new Date();
    const needs = options.needs ?? [];
    const all = this.stationsIn(place);
    const withNeeds = all.filter((s) => needs.length === 0 || meetsNeeds(s.amenities, needs));
    const matching = withNeeds.filter((s) => !options.openNow || isOpenAt(s.openingHours, at, this.timeZone) === true);
    const inside = this.order(matching.map((s) => this.result(s, place, at))).slice(0, limit);
    let nearestOutside: StationResult[] = [];
    if (inside.length === 0) {
      const insideIds = new Set(all.map((s) => s.id));
      const candidates = this.nearest(place, { ...options, limit: limit + insideIds.size + OUTSIDE_EXTRA_CANDIDATES }).filter((r) => !insideIds.has(r.station.id));
      // A county's own city first: a station 37 km away in another city is no answer while the city has nearer ones.
      const sameCity = place.level === "county" && place.city ? candidates.filter((r) => r.station.city && samePlace(r.station.city, place.city!)) : [];
      nearestOutside = (sameCity.length > 0 ? sameCity : candidates).slice(0, limit);
    }
    return { place, inside, totalInside: all.length, notOpenInside: withNeeds.length - matching.length, nearestOutside };
  }

  private result(station: Station, from: { lat: number; lon: number }, at: Date): StationResult {
    return {
      station,
      distanceM: Math.round(distanceMetres(from, station)),
      openNow: isOpenAt(station.openingHours, at, this.timeZone),
    };
  }

  private order(results: StationResult[]): StationResult[] {
    const nearest = Math.min(...results.map((r) => r.distanceM));
    const radius = Math.max(OPEN_FIRST_RADIUS_M, 3 * nearest);
    return results.sort((a, b) => tier(a, radius) - tier(b, radius) || a.distanceM - b.distanceM);
  }
}
