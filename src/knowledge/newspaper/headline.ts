/**
 * Splits a headline block (the lines printed above a story) into the main title and the rest
 * (引题 kicker, 副题 sub-headline, column labels). OCR gives a multi-line headline as one line with
 * spaces where the printed lines broke, so phrases are re-joined when one clearly continues the other.
 */
import { isKickerText, isLabelLine } from "./patterns.js";
import { cleanSpaces, collapseSpaces, joinBroken, visibleLength } from "./text.js";

export interface Headline {
  title: string;
  /** The other headline lines in printed order, " / " between them; null when there are none. */
  kicker: string | null;
  /** True when the block had a kicker or a column label: a news headline, not a photo title or section head. */
  hasLead: boolean;
}

/** Two phrases whose combined length is at most this are one title ("学做年糕 传承民俗"). */
const SHORT_TITLE = 22;

const OPEN = "“\"「『《(（【";
const CLOSE = "”\"」』》)）】";

/** Splits on spaces that are not inside quotes or brackets. */
export function splitPhrases(line: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  let asciiQuoteOpen = false;
  for (const ch of collapseSpaces(line)) {
    if (ch === '"') {
      asciiQuoteOpen = !asciiQuoteOpen;
      depth += asciiQuoteOpen ? 1 : -1;
    } else if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (ch === " " && depth === 0) {
      if (current) parts.push(current);
      current = "";
    } else current += ch;
  }
  if (current) parts.push(current);
  return parts;
}

// A phrase ending like this is cut short by a line break ("架起技能与就业的 / 转换通道").
// Only words that cannot end a phrase: "作为", "存在", "新规出台" end phrases, so 为/在/出台 are not listed.
const DANGLING_END = /(的|之|与|和|及|召开|启动|开展|印发|举办|号召|关于)$/u;
// A phrase starting like this continues the previous one ("…新闻发布会 / 在杭举行").
const CONTINUING_START = /^(在|于|并|和|与|及|的|了|等|之)/u;

function mergeContinuations(phrases: string[]): string[] {
  const merged: string[] = [];
  for (const phrase of phrases) {
    const prev = merged[merged.length - 1];
    if (prev !== undefined && (DANGLING_END.test(prev) || CONTINUING_START.test(phrase)) && !isKickerText(prev)) {
      merged[merged.length - 1] = cleanSpaces(`${prev} ${phrase}`);
    } else merged.push(phrase);
  }
  return merged;
}

/** Statistics ("筹集1.6亿元资金", "三年开展培训69.53万人次") are typical of kickers, so digits weigh less. */
/** Joins phrases with the printed gap, except after punctuation ("外交部发言人: 立陶宛…" -> "外交部发言人:立陶宛…"). */
export function joinPhrases(phrases: string[]): string {
  return phrases.reduce((out, p) => (out === "" ? p : /[,，:：;；、]$/u.test(out) ? out + p : `${out} ${p}`), "");
}

function titleWeight(phrase: string): number {
  const digits = (phrase.match(/[0-9.%]/gu) ?? []).length;
  return visibleLength(phrase) - 0.5 * digits;
}

interface LineSplit {
  before: string[];
  title: string;
  after: string[];
}

/** Splits one headline line; `leadSeen` when a kicker line was already printed above it. */
function splitTitleLine(line: string, leadSeen: boolean): LineSplit & { lead: boolean } {
  let text = collapseSpaces(line);
  const after: string[] = [];
  // "建功“十四五” 奋进新征程 ——深入学习…": a dash opens the sub-headline.
  const dash = text.search(/\s——/u);
  if (dash > 0) {
    after.push(text.slice(dash).trim());
    text = text.slice(0, dash).trim();
  }
  const phrases = mergeContinuations(splitPhrases(text));
  const before: string[] = [];
  while (phrases.length > 1 && isKickerText(phrases[0])) before.push(phrases.shift()!);
  const lead = leadSeen || before.length > 0;
  if (phrases.length === 1 || lead) return { before, title: joinPhrases(phrases), after, lead };
  const total = phrases.reduce((n, p) => n + visibleLength(p), 0);
  if (total <= SHORT_TITLE) return { before, title: joinPhrases(phrases), after, lead };
  let best = 0;
  phrases.forEach((p, i) => {
    if (titleWeight(p) > titleWeight(phrases[best])) best = i;
  });
  return {
    before: [...before, phrases.slice(0, best).join(" ")].filter(Boolean),
    title: phrases[best],
    after: [phrases.slice(best + 1).join(" "), ...after].filter(Boolean),
    lead: best > 0,
  };
}

/** A headline broken over two lines in the middle of a phrase ("搭好职工技能培训与" / "岗位需求对接的桥梁") is one line. */
function joinBrokenLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    const plain = (text: string) => !isKickerText(text) && !isLabelLine(text);
    if (prev !== undefined && plain(prev) && plain(line) && (DANGLING_END.test(prev.trim()) || CONTINUING_START.test(line.trim()))) {
      out[out.length - 1] = joinBroken(prev, line);
    } else out.push(line);
  }
  return out;
}

/** Two or more short phrases of about the same length, no numbers: "劳动创造幸福 奋斗成就梦想". */
function isParallelSlogan(line: string): boolean {
  const phrases = splitPhrases(line);
  const lengths = phrases.map(visibleLength);
  return (
    phrases.length >= 2 &&
    lengths.every((n) => n >= 3 && n <= 8) &&
    Math.max(...lengths) - Math.min(...lengths) <= 2 &&
    !/[\d?？]/u.test(line)
  );
}

/**
 * The title line is the first line that is neither a kicker nor a column label; labels printed above
 * a later label belong to the same column header ("聚焦“三大”领域…" over "…创新案例").
 */
export function splitHeadline(printed: string[]): Headline {
  const lines = joinBrokenLines(printed);
  const roles: Array<"kicker" | "label" | "text"> = lines.map((l) => (isKickerText(l) ? "kicker" : isLabelLine(l) ? "label" : "text"));
  let lastLabelWithTextAfter = -1;
  roles.forEach((role, i) => {
    if (role === "label" && roles.slice(i + 1).includes("text")) lastLabelWithTextAfter = i;
  });
  let titleIndex = roles.findIndex((role, i) => role === "text" && i > lastLabelWithTextAfter);
  if (titleIndex < 0) titleIndex = roles.findIndex((role) => role === "text");
  if (titleIndex < 0) titleIndex = lines.length - 1;
  // "劳动创造幸福 奋斗成就梦想" over "全省庆祝…大会在杭举行": a parallel slogan is the kicker of the longer line below.
  const lineBelow = lines[titleIndex + 1];
  if (
    lineBelow !== undefined &&
    roles[titleIndex + 1] === "text" &&
    isParallelSlogan(lines[titleIndex]) &&
    splitPhrases(lineBelow).length === 1 &&
    visibleLength(lineBelow) > visibleLength(lines[titleIndex])
  ) {
    roles[titleIndex] = "kicker";
    titleIndex++;
  }
  const tidy = (line: string) => joinPhrases(mergeContinuations(splitPhrases(line)));
  const above = lines.slice(0, titleIndex).map(tidy);
  const below = lines.slice(titleIndex + 1).map(tidy);
  const leadSeen = roles.slice(0, titleIndex).some((r) => r !== "text") || roles.slice(titleIndex + 1).includes("label");
  const split = splitTitleLine(lines[titleIndex], roles.slice(0, titleIndex).includes("kicker"));
  const others = [...above, ...split.before, ...split.after, ...below].filter(Boolean);
  return {
    title: split.title,
    kicker: others.length ? others.join(" / ") : null,
    hasLead: leadSeen || split.lead || split.before.length > 0,
  };
}
