/**
 * A one or two line summary taken from the article itself: its first sentence(s), without the dateline.
 * Nothing is paraphrased or invented; when the body is empty the kicker (sub-headline) is used, else "".
 */
import { normalizeText } from "../text/normalize.js";

/** About two lines on a phone. */
export const SUMMARY_MAX_CHARS = 90;

const DATELINE = [
  // 本报讯(记者 王鑫) / 本报讯 记者 王鑫 / 本报讯（通讯员 …）
  /^本报(?:讯|记者)\s*(?:[(（][^)）]{0,30}[)）])?\s*/u,
  // 新华社北京11月6日电(记者 …) / 据新华社电 / 新华社杭州电
  /^(?:据)?新华社[\p{Script=Han}]{0,6}(?:\d{1,2}月\d{1,2}日)?电\s*(?:[(（][^)）]{0,30}[)）])?\s*/u,
  // OCR cut: "日电 记者6日从…"
  /^日电\s*/u,
];

function stripDateline(text: string): string {
  let result = text.trimStart();
  for (const pattern of DATELINE) result = result.replace(pattern, "");
  return result;
}

/**
 * Tidy text for display: OCR spaces inside Chinese removed, whitespace collapsed, case and width kept. Line
 * breaks stay: a section heading (小标题) is its own line, not glued to the sentence after it.
 */
export function tidyText(text: string): string {
  return text
    .split(/\s*\n\s*/u)
    .map((line) => {
      const withoutCjkSpaces = line.replace(/(?<=[\u3400-\u9fff\uf900-\ufaff，。；：、！？）》”])\s+|\s+(?=[\u3400-\u9fff\uf900-\ufaff，。；：、！？（《“])/gu, "");
      return withoutCjkSpaces.replace(/\s+/g, " ").trim();
    })
    .filter(Boolean)
    .join("\n");
}

function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join("") + "…";
}

export function summarize(body: string, kicker: string | null = null, max = SUMMARY_MAX_CHARS): string {
  const text = stripDateline(tidyText(body));
  if (text === "") return kicker ? cut(tidyText(kicker), max) : "";
  const sentences = text.match(/[^。！？!?]+[。！？!?]?/gu) ?? [text];
  let summary = "";
  for (const sentence of sentences) {
    if (summary !== "" && Array.from(summary + sentence).length > max) break;
    summary += sentence.trim();
    if (Array.from(summary).length >= max / 2) break;
  }
  return cut(summary, max);
}

/** For matching: the text as the search index sees it. */
export function matchText(title: string, body: string): string {
  return normalizeText(`${title}\n${stripDateline(body)}`);
}
