/**
 * An outdoor-worker service station (户外劳动者服务站点 / 爱心驿站 / 小哥驿站), in the spirit of an
 * Open Referral HSDS location. Coordinates are WGS-84 (what Telegram sends).
 */
import type { AmenityId } from "./amenities.js";

export interface Station {
  /** Stable id from the operator's list (or derived from name + address when the list has none). */
  id: string;
  name: string;
  /** Which union or partner runs it, e.g. "余杭区总工会". */
  operator: string | null;
  address: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  street: string | null;
  lat: number;
  lon: number;
  amenities: AmenityId[];
  /** OpenStreetMap opening_hours syntax ("24/7", "Mo-Fr 08:00-18:00; PH off"); null = unknown. */
  openingHours: string | null;
  phone: string | null;
  notes: string | null;
  /** Where the record comes from (file name, list title, URL). */
  source: string | null;
  /** YYYY-MM-DD */
  lastVerified: string | null;
  /** Demo data: never to be shown as a real station without a SAMPLE mark. */
  sample: boolean;
}

/** A station found near a point, with what a member needs to decide. */
export interface StationResult {
  station: Station;
  distanceM: number;
  /** true/false, or null when the hours are unknown. */
  openNow: boolean | null;
}
