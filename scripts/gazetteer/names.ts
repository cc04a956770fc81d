/**
 * Names for the gazetteer build (scripts/build-gazetteer.ts): short names without the administrative suffix, and
 * English names from the sources' tone-marked pinyin, with the corrections the sources need.
 */

/**
 * The source's pinyin reads these polyphonic characters the common way; the place names read otherwise.
 * Also the usual English names where they are not the pinyin (阿里 is Ngari; "Ali" is an everyday English name),
 * and the pinyin of Zhejiang and Jiangsu divisions the source has none for: divisions newer than it (临平, 钱塘,
 * 龙港) and names it has only for a namesake in another province (its 西湖区 is Nanchang's). Left out: the two
 * Jiangsu 鼓楼区 (Nanjing, Xuzhou: one English name for two places) and the one-syllable 丰县 and 沛县.
 */
export const ENGLISH_CORRECTIONS: Record<string, string> = {
  临平区: "Linping",
  钱塘区: "Qiantang",
  龙港市: "Longgang",
  西湖区: "Xihu",
  江北区: "Jiangbei",
  普陀区: "Putuo",
  景宁畲族自治县: "Jingning",
  通州区: "Tongzhou",
  海州区: "Haizhou",
  乐清市: "Yueqing",
  睢宁县: "Suining",
  重庆市: "Chongqing",
  厦门市: "Xiamen",
  朝阳市: "Chaoyang",
  蚌埠市: "Bengbu",
  六安市: "Luan",
  阿里地区: "Ngari",
  香港特别行政区: "Hong Kong",
  澳门特别行政区: "Macau",
};

/** Usual English names that are not the pinyin; the pinyin stays as a second alias. */
export const USUAL_ENGLISH: Record<string, string> = {
  哈尔滨市: "Harbin",
  齐齐哈尔市: "Qiqihar",
  呼和浩特市: "Hohhot",
  鄂尔多斯市: "Ordos",
  呼伦贝尔市: "Hulunbuir",
  巴彦淖尔市: "Bayannur",
  乌兰察布市: "Ulanqab",
  锡林郭勒盟: "Xilingol",
  阿拉善盟: "Alxa",
  拉萨市: "Lhasa",
  日喀则市: "Shigatse",
  昌都市: "Qamdo",
  林芝市: "Nyingchi",
  那曲市: "Nagqu",
  乌鲁木齐市: "Urumqi",
  克拉玛依市: "Karamay",
  吐鲁番市: "Turpan",
  喀什地区: "Kashgar",
  和田地区: "Hotan",
  阿勒泰地区: "Altay",
  阿克苏地区: "Aksu",
};

export const stripTones = (s: string) => s.replace(/[0-9]/g, "");
export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The 55 officially recognised minorities, as they appear in the names of autonomous divisions. */
const MINORITIES =
  "蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|" +
  "柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|" +
  "塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺";
const AUTONOMOUS = new RegExp(`^(.{2,}?)(?:(?:${MINORITIES})族?)*自治(?:县|州|区|旗)$`, "u");

/** 余杭区 -> 余杭, 景宁畲族自治县 -> 景宁, 浙江省 -> 浙江, 广西壮族自治区 -> 广西, 西双版纳傣族自治州 -> 西双版纳. */
export function shortNameOf(name: string): string {
  const autonomous = AUTONOMOUS.exec(name);
  if (autonomous) return autonomous[1];
  const stripped = name.replace(/(?:特别行政区|地区|省|市|县|区|盟|旗)$/u, "");
  return stripped.length >= 1 ? stripped : name;
}

export type PinyinMap = Record<string, string>;

/** The most common province part ("guang3dong1") of the pinyin keys of these division names. */
export function majorityProvinceSegment(names: string[], pinyinMap: PinyinMap): string | undefined {
  return majority(names.map((n) => pinyinMap[n]?.split("_")[0]));
}

/**
 * English name of a prefecture (or municipality) from the source's pinyin keys of its own and its counties' names,
 * "province_city_county" ("guang3dong1_dong1guan1_dong1guan1shi4"): the city part agreed by most, cut to as many
 * syllables as the short name has characters (恩施土家族苗族自治州 -> en1shi1... -> "Enshi").
 */
export function englishFromPinyin(shortName: string, names: string[], pinyinMap: PinyinMap, provinceSegment: string | undefined): string[] {
  const keys = names.map((n) => pinyinMap[n]?.split("_")).filter((parts): parts is string[] => !!parts);
  // The source files a few cities under another province's key (沧州 under "he2nan2"): then any key agreed by two.
  const inProvince = majority(keys.filter((parts) => parts[0] === provinceSegment).map((parts) => parts[1]));
  const anywhere = majority(keys.map((parts) => parts[1]), 2);
  const cityPart = inProvince ?? anywhere;
  if (!cityPart) return [];
  const syllables = cityPart.match(/[a-z]+[1-5]/g) ?? [];
  if (syllables.length < shortName.length) return [];
  const own = stripTones(syllables.slice(0, shortName.length).join(""));
  return own.length >= 3 ? [capitalize(own)] : [];
}

/** The most frequent value, if it occurs at least `atLeast` times. */
function majority(values: Array<string | undefined>, atLeast = 1): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= atLeast ? best[0] : undefined;
}
