/** A place from the gazetteer (data/places/). Coordinates are WGS-84. */
export interface Place {
  /** Administrative code when the source has one (GB/T 2260), else a stable slug. */
  id: string;
  /** Full official name, e.g. 杭州市余杭区 -> "余杭区". */
  name: string;
  /** Short name without the suffix, e.g. "余杭". */
  shortName: string;
  /** Other names people type (old names, abbreviations). */
  aliases: string[];
  level: "province" | "city" | "county";
  /** Province name, e.g. "浙江省". */
  province: string;
  /** City (prefecture) name for counties and cities, e.g. "杭州市". */
  city: string | null;
  /** County-level name for counties. */
  county: string | null;
  parentId: string | null;
  lat: number;
  lon: number;
  /** English (pinyin) names, also in `aliases` (e.g. "Hangzhou"). */
  english?: string[];
  /** Where the centre comes from when it is not the map data's (a corrected centre: the government seat). */
  note?: string;
}

/** A place name found in free text. */
export interface PlaceMatch {
  place: Place;
  /** The text as typed, e.g. "余杭". */
  matched: string;
  start: number;
  end: number;
}

/** A town (乡镇、街道) named in free text, with the county-level places that have a town of that name. */
export interface TownMatch {
  matched: string;
  start: number;
  end: number;
  /** One place, or several when counties share the name (和平镇 in 长兴县 and in 淮安清江浦区). */
  places: Place[];
}

export interface Gazetteer {
  readonly places: readonly Place[];
  /** Resolves a typed name ("余杭", "余杭区", "杭州市余杭区", "Hangzhou") to the best place. */
  resolve(name: string): Place | undefined;
  /** Place names mentioned in a sentence, longest match first, overlapping matches removed. */
  findInText(text: string): PlaceMatch[];
  /** The place itself plus every place inside it (a city and its counties). */
  within(place: Place): Place[];
  /**
   * The county-level division whose outline holds the point (Zhejiang and Jiangsu, data/places/bounds.json);
   * undefined elsewhere or without outlines. A nearest centre is wrong for about a quarter of the locations.
   */
  countyAt?(point: { lat: number; lon: number }): Place | undefined;
  /** Town names (乡镇、街道 of Zhejiang and Jiangsu, data/places/towns.json) in a sentence; none without that file. */
  townsIn?(text: string): TownMatch[];
}
