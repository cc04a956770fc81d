import type { Station } from "../../../src/knowledge/stations/types.js";

/** A station with defaults; only what a test cares about needs to be given. */
export function station(over: Partial<Station> & Pick<Station, "id" | "lat" | "lon">): Station {
  return {
    name: `驿站${over.id}`,
    operator: null,
    address: null,
    province: "浙江省",
    city: null,
    county: null,
    street: null,
    amenities: ["rest_area", "drinking_water"],
    openingHours: "24/7",
    phone: null,
    notes: null,
    source: null,
    lastVerified: null,
    sample: false,
    ...over,
  };
}
