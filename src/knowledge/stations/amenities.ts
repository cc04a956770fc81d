/**
 * The fixed amenity vocabulary of stations and the words people use (in import files and in questions);
 * the labels members read are in the locale files (stations-amenity-<id>, stations-need-<id>). "Needs"
 * are what a member asks for (热饭, 充电); one need can be met by several amenities (充电: phone charging or e-bike battery charging), and a question can narrow it
 * ("给电动车充电" needs e-bike charging; "手机没电了" needs phone charging).
 */
import { translate } from "../../i18n.js";
import type { Locale } from "../../locale.js";

export const AMENITY_IDS = [
  "rest_area",
  "drinking_water",
  "microwave",
  "toilet",
  "phone_charging",
  "ebike_charging",
  "air_conditioning",
  "fridge",
  "first_aid",
  "rain_gear",
  "tools",
  "wifi",
  "books",
  "mother_baby_room",
] as const;

export type AmenityId = (typeof AMENITY_IDS)[number];

export interface Amenity {
  id: AmenityId;
  /** Other names accepted in import files (case-insensitive). */
  synonyms: string[];
}

export const AMENITIES: Record<AmenityId, Amenity> = {
  rest_area: { id: "rest_area", synonyms: ["休息", "歇脚", "座椅", "休息区", "rest", "seats", "rest area"] },
  drinking_water: {
    id: "drinking_water",
    synonyms: ["饮水", "喝水", "热水", "开水", "饮水机", "water", "hot water"],
  },
  microwave: {
    id: "microwave",
    synonyms: ["微波炉", "热饭", "加热", "热餐", "microwave", "heat food"],
  },
  toilet: { id: "toilet", synonyms: ["卫生间", "洗手间", "如厕", "公厕", "toilets", "restroom", "wc"] },
  phone_charging: {
    id: "phone_charging",
    synonyms: ["充电", "手机充电", "充电宝", "phone charging", "charging", "charger"],
  },
  ebike_charging: {
    id: "ebike_charging",
    synonyms: ["电动车充电", "电瓶车充电", "换电", "充换电", "电池", "e-bike charging", "battery swap", "ebike"],
  },
  air_conditioning: { id: "air_conditioning", synonyms: ["冷气", "暖气", "避暑", "取暖", "ac", "air-conditioning"] },
  fridge: { id: "fridge", synonyms: ["冷藏", "refrigerator"] },
  first_aid: { id: "first_aid", synonyms: ["急救箱", "药箱", "常用药", "应急药品", "first aid", "medicine"] },
  rain_gear: { id: "rain_gear", synonyms: ["雨衣", "雨伞", "爱心伞", "umbrella", "raincoat"] },
  tools: { id: "tools", synonyms: ["工具", "打气筒", "打气", "修车", "tool kit", "pump"] },
  wifi: { id: "wifi", synonyms: ["wi-fi", "wifi", "无线网", "上网", "网络"] },
  books: { id: "books", synonyms: ["书报", "阅读", "书籍", "报刊", "reading"] },
  mother_baby_room: { id: "mother_baby_room", synonyms: ["哺乳室", "母婴", "nursing room"] },
};

/** Labels are accepted as input in either language, whatever the member's own. */
const LABEL_LOCALES: readonly Locale[] = ["zh-CN", "en"];

let lookup: Map<string, AmenityId> | undefined;

/** Built on first use: the labels come from the locale files. */
function amenityLookup(): Map<string, AmenityId> {
  if (lookup) return lookup;
  lookup = new Map();
  for (const amenity of Object.values(AMENITIES)) {
    const labels = LABEL_LOCALES.map((locale) => amenityLabel(amenity.id, locale));
    for (const word of [amenity.id, ...labels, ...amenity.synonyms]) lookup.set(word.toLowerCase(), amenity.id);
  }
  return lookup;
}

/** An amenity from an import cell token (id, label or synonym), or undefined. */
export function parseAmenity(token: string): AmenityId | undefined {
  return amenityLookup().get(token.trim().toLowerCase().replace(/\s+/g, " "));
}

/** Splits an amenity cell ("热饭、充电; wifi") into tokens. */
export function splitAmenityCell(cell: string): string[] {
  return cell
    .split(/[;；,，、|\n]+/u)
    .map((t) => t.trim())
    .filter(Boolean);
}

export function amenityLabel(id: AmenityId, locale: string): string {
  return translate(locale, `stations-amenity-${id}`);
}

/** What a member asks for; each need is met by any one of its amenities. */
export interface Need {
  id: string;
  /** Locale key of its label: stations-need-<id>, or stations-amenity-<id> for a one-amenity need. */
  labelKey: string;
  amenities: AmenityId[];
  /** Words in a question that express the need. */
  words: string[];
  /**
   * A narrower form of another need (its id): recognised in a question only together with that need
   * ("电动车" + "充电"), through one of `words`, and then it replaces that need.
   */
  narrows?: string;
}

export const NEEDS: Need[] = [
  { id: "heat_food", labelKey: "stations-need-heat_food", amenities: ["microwave"], words: ["热饭", "热菜", "加热", "微波炉", "吃饭", "热一下", "heat", "microwave", "warm up food", "lunch"] },
  {
    id: "charge",
    labelKey: "stations-need-charge",
    amenities: ["phone_charging", "ebike_charging"],
    // Not 电瓶 alone: 电瓶车 is the e-bike itself ("电瓶车哪里能修" is not about charging).
    words: ["充电", "充个电", "没电", "换电", "电池", "charge", "charging", "charger", "battery"],
  },
  {
    id: "ebike_charge",
    labelKey: "stations-need-ebike_charge",
    amenities: ["ebike_charging"],
    narrows: "charge",
    words: [
      // Not 电池 alone: phones have batteries too (手机电池没电了).
      "电动车", "电瓶车", "电驴", "电摩", "电动自行车", "电瓶", "换电",
      "e-bike", "ebike", "e-bikes", "electric bike", "scooter", "battery swap", "swap",
    ],
  },
  {
    id: "phone_charge",
    labelKey: "stations-need-phone_charge",
    amenities: ["phone_charging"],
    narrows: "charge",
    words: ["手机", "充电宝", "充电线", "phone", "phones", "mobile", "power bank"],
  },
  { id: "water", labelKey: "stations-need-water", amenities: ["drinking_water"], words: ["喝水", "饮水", "热水", "开水", "口渴", "喝口水", "water", "drink"] },
  { id: "toilet", labelKey: "stations-need-toilet", amenities: ["toilet"], words: ["厕所", "如厕", "卫生间", "洗手间", "上厕所", "方便一下", "toilet", "restroom", "bathroom", "loo"] },
  { id: "rest", labelKey: "stations-need-rest", amenities: ["rest_area"], words: ["歇脚", "歇歇", "休息", "歇一下", "坐一下", "rest", "sit down"] },
  { id: "cool", labelKey: "stations-need-cool", amenities: ["air_conditioning"], words: ["避暑", "取暖", "空调", "太热", "太冷", "中暑", "air conditioning", "cool down"] },
  { id: "rain", labelKey: "stations-need-rain", amenities: ["rain_gear"], words: ["雨衣", "雨伞", "避雨", "下雨", "umbrella", "raincoat"] },
  { id: "first_aid", labelKey: "stations-need-first_aid", amenities: ["first_aid"], words: ["药箱", "急救", "创可贴", "受伤", "first aid", "medicine"] },
  { id: "repair", labelKey: "stations-need-repair", amenities: ["tools"], words: ["修车", "打气", "工具", "repair", "pump", "tools"] },
  { id: "wifi", labelKey: "stations-need-wifi", amenities: ["wifi"], words: ["wifi", "wi-fi", "上网", "无线网"] },
  { id: "nursing", labelKey: "stations-need-nursing", amenities: ["mother_baby_room"], words: ["母婴", "哺乳", "喂奶", "nursing", "breastfeed"] },
];

export function needName(need: Need, locale: string): string {
  return translate(locale, need.labelKey);
}

export function needById(id: string): Need | undefined {
  return NEEDS.find((n) => n.id === id);
}

/**
 * Resolves a `--need` value or a button: a need id ("charge"), a need label ("充电"), or an amenity
 * (id, label or synonym) which becomes a one-amenity need.
 */
export function parseNeed(value: string): Need | undefined {
  const key = value.trim().toLowerCase();
  const need = NEEDS.find((n) => n.id === key || LABEL_LOCALES.some((locale) => needName(n, locale).toLowerCase() === key));
  if (need) return need;
  const amenity = parseAmenity(key);
  if (!amenity) return undefined;
  return { id: amenity, labelKey: `stations-amenity-${amenity}`, amenities: [amenity], words: [] };
}

/**
 * Needs expressed in a question, in order of appearance: "余杭哪里能热饭充电" -> heat_food, charge;
 * "哪里可以给电动车充电" -> ebike_charge (not charge: a phone charger does not help); "手机和电动车都没电了"
 * -> ebike_charge and phone_charge (both are needed).
 */
export function needsInText(text: string): Need[] {
  const lower = text.toLowerCase();
  const found: Array<{ need: Need; at: number }> = [];
  for (const need of NEEDS) {
    if (need.narrows) continue;
    const at = firstWordAt(lower, need.words);
    if (at < 0) continue;
    const narrower = NEEDS.filter((n) => n.narrows === need.id && firstWordAt(lower, n.words) >= 0);
    if (narrower.length === 0) found.push({ need, at });
    else for (const n of narrower) found.push({ need: n, at: Math.min(at, firstWordAt(lower, n.words)) });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.need);
}

/** Where the first of `words` occurs in lower-cased text (English words as whole words), or -1. */
function firstWordAt(lower: string, words: readonly string[]): number {
  let at = -1;
  for (const word of words) {
    const i = /^[a-z -]+$/.test(word) ? indexOfWord(lower, word) : lower.indexOf(word);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  return at;
}

/** Whole-word patterns of the English need words, built once (needsInText runs on every question). */
const WORD_PATTERNS = new Map<string, RegExp>();

function indexOfWord(text: string, word: string): number {
  let pattern = WORD_PATTERNS.get(word);
  if (!pattern) {
    pattern = new RegExp(`(?<![a-z])${word.replace(/[-]/g, "\\-")}(?![a-z])`);
    WORD_PATTERNS.set(word, pattern);
  }
  return pattern.exec(text)?.index ?? -1;
}

/** True when a station offers at least one amenity for every need. */
export function meetsNeeds(amenities: readonly AmenityId[], needs: readonly Need[]): boolean {
  return needs.every((need) => need.amenities.some((a) => amenities.includes(a)));
}
