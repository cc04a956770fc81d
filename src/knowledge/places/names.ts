/** Place-name comparison shared by eligibility, stations and anything else matching names people type. */

const SUFFIXES = ["特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "地区", "新区", "街道", "省", "市", "县", "区", "盟", "旗", "镇", "乡", "村"];

/** "淮安市" -> "淮安", "浙江省" -> "浙江"; never strips a name down to a single character. */
export function stripPlaceSuffix(name: string): string {
  let n = name.replace(/\s+/g, "").trim();
  for (const suffix of SUFFIXES) {
    if (n.length > suffix.length + 1 && n.endsWith(suffix)) {
      n = n.slice(0, -suffix.length);
      break;
    }
  }
  return n;
}

/** The same place, with or without its suffix (淮安 = 淮安市). */
export function samePlace(a: string, b: string): boolean {
  return stripPlaceSuffix(a) === stripPlaceSuffix(b);
}
