/** Stations and their finding (issue 5). See README "Stations". */
export { AMENITIES, AMENITY_IDS, NEEDS, needById, needName, needsInText, parseNeed, type AmenityId, type Need } from "./amenities.js";
export { StationFinder, type FindOptions, type PlaceResult } from "./finder.js";
export { createStationHitProvider, isStationQuestion } from "./hit-provider.js";
export { isOpenAt } from "./hours.js";
export { StationDirectory, ensureSampleStations, loadStationFinder } from "./service.js";
export type { Station, StationResult } from "./types.js";
