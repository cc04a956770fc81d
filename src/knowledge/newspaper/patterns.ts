/**
 * What the lines of a Chinese newspaper page look like: bylines, photo credits, continuation markers,
 * column labels, kickers. Patterns work on the raw line (OCR spaces still in) unless noted.
 */
import { squash, visibleLength } from "./text.js";

const NAME = String.raw`[\p{Script=Han}·]{2,4}`;
const ROLE = String.raw`(?:本报)?(?:记者|通讯员|实习生|特约记者|见习记者)`;

/**
 * A byline or dateline opening a story: 本报讯 记者X报道 / 本报讯(记者 X) / 记者X报道 / 新华社北京11月6日电 /
 * 据新华社电 / a damaged dateline that kept only "…日电".
 */
// "本报讯", also with place and date: "本报杭州11月6日讯".
const BENBAO = String.raw`本报(?:[\p{Script=Han}]{0,4}\d{0,2}月?\d{0,2}日?)?讯`;
const BYLINE = new RegExp(
  [
    String.raw`^${BENBAO}\s*[(（][^)）]{1,40}[)）]`,
    String.raw`^${BENBAO}\s*(?:(?:${ROLE})\s*${NAME}\s*){1,4}(?:报道)?(?=\s|$)`,
    String.raw`^${BENBAO}(?=\s|$)`,
    String.raw`^(?:(?:${ROLE})\s*${NAME}(?:、${NAME})*\s*){1,4}报道`,
    // A line that is only names: "本报记者 王明 通讯员 李红", "文/王明", "文/图 王明".
    String.raw`^[□■●◆◇○◎]?\s*(?:(?:${ROLE})\s*${NAME}(?:、${NAME})*\s*){1,4}$`,
    String.raw`^[□■●◆◇○◎]?\s*本报(?:特约)?评论员(?:\s*${NAME})?$`,
    String.raw`^(?:文|图|文/图|图/文|文图)\s*[/／]\s*${NAME}(?:\s+${NAME})*$`,
    String.raw`^据?(?:新华社|中新社|人民日报|央视|中国新闻社)[^\s,，。]{0,16}电(?=[\s(（]|$)`,
    String.raw`^[^\s,，。]{0,12}日电(?=\s)`,
  ].join("|"),
  "u",
);

export function matchByline(raw: string): { byline: string; rest: string } | null {
  const text = raw.trim();
  const m = text.match(BYLINE);
  if (!m) return null;
  const byline = m[0].replace(/^[□■●◆◇○◎]\s*/u, "").replace(/\s+/gu, " ").trim();
  return { byline, rest: text.slice(m[0].length).trim() };
}

const CREDIT_BODY = String.raw`(?:(?:本报)?(?:记者|通讯员|拍友|实习生|摄影|图)?\s*[\p{Script=Han}·]{2,4}(?:、[\p{Script=Han}·]{2,4})*\s*){1,4}[/／]?\s*(?:摄影|摄|供图)`;
const CREDIT_LINE = new RegExp(String.raw`^${CREDIT_BODY}$`, "u");
const CREDIT_INLINE = new RegExp(String.raw`(?<=[。！？!?”"）)])\s*(${CREDIT_BODY})$`, "u");

/** A line that is only a photo credit ("通讯员郑莎 摄", "拍友 宋伟民 本报记者 徐文迪 摄"). */
export function isCreditLine(raw: string): boolean {
  const t = raw.trim();
  return visibleLength(t) <= 30 && CREDIT_LINE.test(t);
}

/** A caption that ends with its credit ("……会召开。记者邹伟峰 摄"): returns both parts. */
export function splitInlineCredit(raw: string): { caption: string; credit: string } | null {
  const t = raw.trim();
  const m = t.match(CREDIT_INLINE);
  if (!m || m.index === undefined) return null;
  return { caption: t.slice(0, m.index).trim(), credit: m[1].replace(/\s+/gu, " ").trim() };
}

/** "(本报记者 陆乐)" closing a story. */
const TRAILER = /^[(（]\s*(?:本报|特约)?(?:记者|通讯员|评论员)[^()（）]{1,30}[)）]$/u;
export function isTrailerByline(raw: string): boolean {
  return TRAILER.test(raw.trim());
}

const CONTINUED_FROM = /^[(（]\s*(?:上接|紧接|接)\s*(第?[一二三四五六七八九十\d]{1,3}版)\s*[)）]\s*/u;
const CONTINUES_TO = /\s*[(（]\s*(?:下转|转)\s*(第?[一二三四五六七八九十\d]{1,3}版)\s*[)）]\s*/u;

/** "(上接第一版)" at the start of a line. */
export function matchContinuedFrom(raw: string): { page: string; rest: string } | null {
  const m = raw.trim().match(CONTINUED_FROM);
  return m ? { page: m[1], rest: raw.trim().slice(m[0].length) } : null;
}

/** "(下转第二版)" anywhere in a line: returns the line without it. */
export function extractContinuesTo(text: string): { page: string; text: string } | null {
  const m = text.match(CONTINUES_TO);
  return m ? { page: m[1], text: text.replace(CONTINUES_TO, "").trim() } : null;
}

/** Lines of the masthead: date, lunar date, issue number, serial numbers, contacts, social accounts. */
const MASTHEAD = [
  // A date line, not a headline that starts with a date ("2024年11月7日起实施…" is longer).
  /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*(?:星期|周)\S{1,3})?(?:\s+\S{1,4})?$/u,
  /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/u,
  /第\s*\d{3,6}\s*期/u,
  /^第?\s*[一二三四五六七八九十\d]{1,3}\s*版(\s*\S{1,6})?$/u,
  /[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年/u,
  /星期[一二三四五六日天]/u,
  /总第\s*\d+\s*[号期]/u,
  /CN\s*\d{2}\s*[—\-–－]\s*\d{4}/iu,
  /(刊号|出版物号|邮发代号|电子版|电子邮箱|社址|邮编|热线|新闻热线|广告|发行|公众号)/u,
  /^(微信|微博|抖音|视频号|客户端|扫码|扫一扫)$/u,
  /www\.|@[\w.-]+\.\w+/iu,
  /^[\p{Script=Han}]{2,8}(日报|晚报|工人报|时报|周报|商报)$/u,
];

export function isMastheadLine(text: string): boolean {
  return MASTHEAD.some((re) => re.test(text.trim()));
}

/**
 * Page furniture that can appear anywhere in a multi-page dump and is never story text: editor credits,
 * page labels, a later page's masthead (date line, issue number, serial numbers).
 */
const FURNITURE = [
  /^(责任编辑|编辑|美编|美术编辑|校对|版式|版式设计|制版|值班编辑|本版编辑|组版)\s*[:：]/u,
  /^第\s*[一二三四五六七八九十\d]{1,3}\s*版(\s*\S{1,6})?$/u,
  /^[A-Z]\d{1,2}\s*版?$/u,
  /总第\s*\d+\s*[号期]/u,
  /(国内统一刊号|国内统一连续出版物号|邮发代号)/u,
  /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(星期|周)[一二三四五六日天]$/u,
];

export function isPageFurniture(text: string): boolean {
  const t = text.trim();
  return visibleLength(t) <= 40 && FURNITURE.some((re) => re.test(t));
}

/** A column or series label printed above or beside a headline ("速览", "一线调查·人民建议", "…创新案例"). */
export function isLabelLine(text: string): boolean {
  const t = squash(text);
  if (t.length > 22) return false;
  if (/^(速览|简讯|快讯|短讯|要闻|综合|图片新闻|新闻速递|一周要闻)$/u.test(t)) return true;
  if (/(案例|专栏|系列报道|特刊|专版|专题|巡礼)$/u.test(t)) return true;
  // "A·B" outside quotes and book-title marks, with at least two characters on each side.
  const outside = t.replace(/[“"「『《(（][^”"」』》)）]*[”"」』》)）]/gu, "");
  return /[\p{Script=Han}]{2,}·[\p{Script=Han}]{2,}/u.test(outside) && !/\d/u.test(outside);
}

/** A kicker (引题) leads into the headline: it ends with a reporting verb or a dash. */
export function isKickerText(text: string): boolean {
  return /(强调|指出|提出|要求|表示|宣布|认为|时说|寄语|——|—)$/u.test(squash(text));
}

/** A body paragraph opening with a speaker ("习近平强调,…") even when OCR cut it short. */
export function opensWithSpeaker(text: string): boolean {
  return /^.{1,14}?(强调|指出|表示|介绍|说|认为|提出|透露)[,，:：]/u.test(squash(text));
}
