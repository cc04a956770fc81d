/**
 * Whether a source passage states what a question asks: the asked kind of value printed (in a sentence about
 * the question's topics), the asked details named, a role's holder named.
 */
import { BASES, HOURS_PERIODS, ROLE_NOUNS, TIME_EVENTS, type AskedFact, type Basis, type FactKind, type HoursPeriod, type TimeEvent } from "./asked-fact.js";

/** How a source states each basis, event and part of the week, looked up once rather than per passage. */
const BASIS_STATED = new Map<Basis, RegExp>(BASES.map((b) => [b.basis, b.states]));
const EVENT_STATED = new Map<TimeEvent, RegExp>(TIME_EVENTS.map((e) => [e.event, e.states]));
const PERIOD_STATED = new Map<HoursPeriod, RegExp>(HOURS_PERIODS.map((p) => [p.period, p.states]));

const SENTENCE_END = /(?<=[。；;！!？?\n])/;
/** The sentences of a text, each keeping its closing mark (。；！？ or a line break), so joined they are the text again. */
export function sentencesOf(text: string): string[] {
  return text.split(SENTENCE_END);
}

/** What a source says for the action asked: 领 is 领取 or 发放 there, 办 is 办理 or 举办. */
const VENUE_ACTIONS: Array<[RegExp, string]> = [
  [/^(领|拿)$/, "领取|领|发放|拿"],
  [/^办$/, "办理|办|举办|开设"],
  [/^(申请|申报)$/, "申请|申报|办理"],
  [/^(报名|登记|参加)$/, "报名|登记|参加"],
  [/^交$/, "提交|交给|交到|交"],
  [/^(反映|投诉)$/, "反映|投诉|咨询"],
];
/**
 * "在啥平台上能用", "用哪个app": the platform is answered by one named (在浙里办上线, 关注公众号, 小程序), which
 * rarely repeats the category word.
 */
const CHANNEL_NOUNS = /^(平台|app|软件|小程序|网站|系统平台|客户端)$/;
const NAMED_CHANNEL = /浙里办|浙工之家|小程序|公众号|客户端|\bapp\b|网站|(在|从|通过)[^，。；]{1,12}上线/;
/** A channel where things are done without going anywhere: 登录浙里办, 扫码, 公众号, 窗口. */
const CHANNEL = /登录|扫码|扫一扫|(网上|线上|在线)(申请|办理|报名|登记)|小程序|公众号|窗口/;
/**
 * A pattern built from words of the question (an action, measure words, a role), kept per key: such words
 * are a small set, and the cache is bounded all the same.
 */
function cachedPattern(cache: Map<string, RegExp>, key: string, build: () => RegExp): RegExp {
  let pattern = cache.get(key);
  if (!pattern) {
    pattern = build();
    if (cache.size < 1000) cache.set(key, pattern);
  }
  return pattern;
}

const venuePatterns = new Map<string, RegExp>();
/** The text says where the asked action is done (到街道工会领取, 向仲裁院申请) or through which channel. */
function statesVenue(action: string, text: string): boolean {
  const pattern = cachedPattern(venuePatterns, action, () => {
    const verbs = VENUE_ACTIONS.find(([asks]) => asks.test(action))?.[1] ?? action;
    // "在1月10日至春节前发放" says when, not where: a time after 在 is not a venue.
    return new RegExp(`(到|去|在|向|找|通过)(?![^，,。；;？?]{0,6}(\\d{1,2}\\s*[月日号点时]|[前后]|期间))[^，,。；;？?]{1,20}(${verbs})`);
  });
  return pattern.test(text) || CHANNEL.test(text);
}
const ADDRESS = /(设在|位于|开在|建在|搬到|地址|地点|坐落|就在)|(?<!所)在[^，,。；;]{1,20}(路|街|巷|弄|号|楼|层|室|中心|馆|广场|大厦|大楼|学校|园区|加油站|服务区|出口|门口|旁边|旁|对面|附近|窗口|里)/;
const COST = /免费|不收费|不花钱|不要钱|不用花钱|不用掏钱|不用交钱|零收费|分文不取|收费|自费|自付|自理|全免|减免|(每|一)(人|次|小时|天|月|年|个月|期)[^，。；]{0,6}\d+(\.\d+)?\s*元|\d+(\.\d+)?\s*元\s*(\/|每)|(交|收|付|花|缴|收取)[^，。；]{0,4}\d+(\.\d+)?\s*(万|千|百)?\s*元/;
/** A day of the week printed: 每周三, 周二、周五, 星期六, 工作日, 周末, or every day. */
const WEEKDAY = /(周|星期|礼拜)[一二三四五六日天末]|工作日|双休日|每天|天天|全年无休|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekday/;
/** Open at every time: answers any part of the week or day. */
const ALWAYS_OPEN = /全天|24小时|二十四小时|全年无休|365天|每天|天天|不打烊|全年开放/;
const RATIO = /\d+(\.\d+)?\s*(%|％)|百分之[一二三四五六七八九十百\d]+|(?<![一二三四五六七八九十])[一二三四五六七八九]成(?![员功为立本熟年都])|\d+(\.\d+)?\s*成(?![员功为立本熟年都])|[一二三四五六七八九十]分之[一二三四五六七八九十]|半数|一半/;
/** A source speaking of something still to come. */
const FUTURE = /将于|将在|将会|下一(期|次|批|场|轮)|下次|计划|预计|即将|届时|明年|报名截止|今后|拟于/;
const MONEY = /\d+(\.\d+)?\s*(万|亿|千|百)?\s*(多)?\s*(元|块)|[一二三四五六七八九十百千万两]+(万|亿)?(多)?元|yuan|RMB/i;
const NUMBER = /\d|[一二三四五六七八九十百千万两]+(个|人|户|家|次|名|项|所|万|亿)/;
const PHONE = /\d{3,4}[-—\s]?\d{7,8}|(?<!\d)(1[3-9]\d{9}|\d{5,8})(?!\d)/;
const DATE = /\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\s*月|\d{1,2}\s*日|今年|去年|明年|年底|年初|春节|元旦/;
const DAY = /\d{1,2}\s*月\s*\d{1,2}\s*(日|号)|(?<![\d月])\d{1,2}\s*(日|号)(?!\d)|\d{1,2}\s*月(上旬|中旬|下旬|初|底)/;
const YEAR = /(19|20)\d{2}\s*年/;
const APPLY = /申请|申报|报名|办理|登录|拨打|提交|携带|咨询|联系|扫码|填写|填表|登记|带上|出示/;
/** Papers listed by name: 身份证, 劳动合同, 出院小结, 费用清单 … */
const DOCUMENTS = /身份证|证明|复印件|清单|合同|照片|户口本|结算单|小结|发票|申请表|登记表|驾驶证|证件|材料|资料|记录|截图/;
/** Bringing or handing in papers: a paper's name elsewhere (a function called 帮扶记录) is not a list of papers to bring. */
const BRINGING = /带上|带好|带齐|带着|携带|准备|提交|提供|递交|交给|交到|出示|凭|需要|材料有|证件/;
function bringsDocuments(text: string): boolean {
  // Words in quotes are names (a system's "帮扶记录" function), not papers.
  return sentencesOf(text).some((s) => BRINGING.test(s) && DOCUMENTS.test(s.replace(/["“「『][^"”」』]{1,12}["”」』]/g, "")));
}
/** A span of time: 3个工作日, 30日内, 1年内, 一个月左右, 当天. A date (2024年, 11月5日) is not a span. */
const DURATION = /(\d+|[一二三两四五六七八九十半]+)\s*个?\s*(工作日|小时|天|周|星期|个月)|(\d+|[一二三两四五六七八九十半]+)\s*(日|年)\s*(内|以内|之内)|当天|当场|即时/;
const PLACE = /[\p{Script=Han}]{1,8}(省|市|县|区|镇|乡|村|街道|社区|馆|院|中心|公司|园)/u;
/** Opening hours or days: 9点到17点, 8:30, 全天, 24小时, 工作日, 周一至周五, 节假日照常. */
const HOURS = /\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*(点|时)|[一二三四五六七八九十]{1,3}点|全天|24小时|二十四小时|(?<![\d一二三四五六七八九十两]\s*个?\s*)工作日|周[一二三四五六日末]|星期[一二三四五六日天]|节假日|双休日|上午|下午|晚上|夜间|白天/;
const NUMERAL = "(?:\\d+(?:\\.\\d+)?|[一二三四五六七八九十百千万两]+)";
/** Measure words that count the same things (a question's 人 is answered by 名 or 人次 as well). */
const SAME_UNITS: Record<string, string> = {
  人: "人|名|位|人次|户",
  名: "人|名|位|人次",
  位: "人|名|位",
  户: "户|家|人",
  家: "家|个|所|户",
  个: "个|家|所|座|处|项|名|人|户",
  次: "次|人次",
  所: "所|家|个",
  座: "座|个|处",
  项: "项|个|条",
  条: "条|项",
  场: "场|次|期",
  期: "期|场|次",
  批: "批",
  度: "度|℃",
  毫米: "毫米",
  公里: "公里|千米",
};

/** The text prints a number with one of the asked measure words (or a number of thousands: 1.8万, 3000多). */
const countPatterns = new Map<string, RegExp>();
function countOf(units: readonly string[], text: string): boolean {
  const counted = cachedPattern(countPatterns, units.join("|"), () => {
    const alternatives = [...new Set(units.flatMap((u) => (SAME_UNITS[u] ?? u).split("|")))].join("|");
    return new RegExp(`${NUMERAL}\\s*(?:万|千|百|亿)?\\s*(?:多|余|来)?\\s*(?:${alternatives})`);
  });
  // A count of people or households is often printed in thousands alone ("会员1.8万").
  const thousands = units.some((u) => /^(人|名|位|户|个|家|次)$/.test(u)) && /\d+(\.\d+)?\s*(万|千|亿)|[一二三四五六七八九十两]+(万|千|亿)/.test(text);
  return counted.test(text) || thousands;
}

/** The clauses (between commas) of a text that state the asked basis (每人, 每月), or the whole text when none is asked. */
function onBasis(text: string, per: Basis | undefined): string {
  if (!per) return text;
  const states = BASIS_STATED.get(per)!;
  return text
    .split(/(?<=[，,。；;！!？?\n])/)
    .filter((c) => states.test(c))
    .join("");
}

/** Months or a regular time of year: 6月至9月, 每月, 每年3月, 月底, 季度. */
const MONTHS = /\d{1,2}\s*月\s*(至|到|-|—|~|－)\s*\d{1,2}\s*月|\d{1,2}\s*月份?(起|开始|底|初|中旬|上旬|下旬|前)|每(个)?(月|年|季度)|月底|月初|年底|季度/;

/** Kinds of a time question whose value must be printed in a sentence about the asked event. */
const TIME_KINDS = new Set<FactKind>(["date", "day", "duration", "hours", "weekday"]);
/** The sentences of a text about an event (the payment, the approval …), or the whole text when no event is asked. */
function aboutEvent(text: string, event: TimeEvent | undefined): string {
  if (!event) return text;
  const states = EVENT_STATED.get(event)!;
  return sentencesOf(text)
    .filter((s) => states.test(s))
    .join("");
}

export const BENEFIT = /补贴|补助|福利|待遇|优惠|免费|慰问|救助|帮扶|减免|奖励|资助|套餐|报销|兜底|发放/;

/** Catalogue notes such as "申请：原文未说明申请办法" say a fact is unknown: they must not count as holding it. */
const UNSTATED = /原文未说明|未说明|未提及|不详/;
/** The catalogue's fallback after such a note ("可咨询淮安市总工会或12351") is advice, not the missing fact. */
const FALLBACK = /^\s*(可|请|可以)(咨询|拨打|联系|询问)/;

/** Words after a role that are not a name ("负责人介绍", "主席表示"). */
const NOT_A_NAME = "值班|提醒|提供|帮助|帮|免费|咨询|代理|服务|团队|事务所|队伍|工作|介绍|表示|说|指出|强调|认为|告诉|提出|要求|透露|坦言|等|们|和|及|与|的|在|要|也|是|对|会|一行|带队|出席|讲话|致辞|接受|参加|率|作|到|为|以|从|就|都|还|已|将|均|同志";
const rolePatterns = new Map<string, RegExp>();
/**
 * The text names who holds the role ("主席王芳说", "书记、副主席王立华介绍", "选举王芳为…主席"), not only
 * the role ("相关负责人介绍"); a 副主席 is not the 主席.
 */
function namesHolder(role: string, text: string): boolean {
  const pattern = cachedPattern(rolePatterns, role, () => {
    const r = role.includes("副") ? role : `(?<!副)${role}`;
    return new RegExp(
      `${r}(?:、[\\p{Script=Han}]{2,5})?(?!${NOT_A_NAME})[\\p{Script=Han}·]{2,3}(?=[，,。、：:（(\\s]|说|表示|介绍|指出|强调|认为|主持|带队|带领|率领|率|一行|等|出席|讲话|致辞|告诉|在|要求|来到|前往|调研|看望|慰问|走访|$)` +
        `|为[^，,。；]{0,15}${r}|${r}[：:]`,
      "u",
    );
  });
  return pattern.test(text);
}

export function withoutUnstated(text: string): string {
  if (!UNSTATED.test(text)) return text;
  const clauses = text.split(/(?<=[；;。\n])/);
  return clauses
    .filter((clause, i) => !UNSTATED.test(clause) && !(i > 0 && UNSTATED.test(clauses[i - 1]) && FALLBACK.test(clause)))
    .join("");
}

/** Kinds that are a value printed next to what it is about (an amount, a count, a date, a number to call). */
const VALUE_KINDS = new Set<FactKind>(["money", "count", "phone", "date", "day", "year", "duration", "hours", "cost", "ratio", "weekday"]);

/**
 * The part of a text where a value can answer the question: the sentences naming the question's topics (two
 * of them when it has two, the title's counting as named), or the whole text when the question has one topic
 * and the title names it (the whole story is about it). "宁波社工证补贴啥时候发" is not answered by a date
 * printed in a sentence about something else.
 */
export function aboutText(text: string, title: string, anchors: ReadonlyArray<{ term: string; group: string }>, most = 2): string {
  if (anchors.length === 0) return text;
  const groupsIn = (s: string) => new Set(anchors.filter((a) => s.includes(a.term)).map((a) => a.group));
  // Two of the question's topics (宁波 and 社工证) must be named together, counting the title's as named.
  const needed = Math.min(most, new Set(anchors.map((a) => a.group)).size);
  const inTitle = groupsIn(title);
  if (needed === 1 && inTitle.size >= 1) return text;
  return sentencesOf(text)
    .filter((s) => {
      const named = groupsIn(s);
      if (named.size === 0) return false;
      for (const g of inTitle) named.add(g);
      return named.size >= needed;
    })
    .join("");
}

/**
 * Which asked kinds the text does NOT hold (empty: the text can answer). Person is checked through the role
 * asked about (主席 in "工会主席是谁"; a 副主席 is not the 主席).
 * @param hasBenefits the text is a programme listing what a member gets (answers a benefit question)
 * @param about where a value must be printed to answer (aboutText); the whole text when absent
 * @param aboutOne sentences naming one of the question's topics: whether something is free is said of the
 *   service ("援助站的咨询和代理都不收费"), whoever asks about it
 */
export function missingFacts(asked: AskedFact, fullText: string, hasPlace: boolean, hasBenefits = false, about?: string, aboutOne?: string): string[] {
  const missing: string[] = [];
  const whole = withoutUnstated(fullText);
  const near = about === undefined ? whole : withoutUnstated(about);
  for (const kind of asked.kinds) {
    const text =
      TIME_KINDS.has(kind) ? aboutEvent(near, asked.event)
      : kind === "money" || kind === "count" ? onBasis(near, asked.per)
      : VALUE_KINDS.has(kind) ? near
      : whole;
    const ok =
      kind === "money" ? MONEY.test(text)
      : kind === "count" ? (asked.units?.length ? countOf(asked.units, text) : NUMBER.test(text))
      : kind === "hours" ? HOURS.test(text) && (!asked.period || ALWAYS_OPEN.test(text) || PERIOD_STATED.get(asked.period)!.test(text))
      : kind === "ratio" ? RATIO.test(text)
      : kind === "cost" ? COST.test(aboutOne === undefined ? text : withoutUnstated(aboutOne))
      // The unions' hotline 12351 is printed under nearly every story as where to turn: it is the number of the
      // office asked about only when the question asks for the hotline itself.
      : kind === "phone" ? PHONE.test(text.replace(/\d{4}\s*年/g, "").replace(asked.hotline ? /$^/ : /(?<!\d)12351(?!\d)/g, ""))
      // "什么时候能到账": a past year (去年发放…) does not say when the money comes; a span or a day does.
      : kind === "date" ? (asked.event === "payment" || asked.event === "approval" ? DURATION.test(text) || DAY.test(text) || MONTHS.test(text)
        // When something starts or closes: a month or a day, not "今年" (今年开办 does not say when the next class starts).
        : asked.event === "start" || asked.event === "deadline" ? DAY.test(text) || MONTHS.test(text) || /\d{1,2}\s*月/.test(text)
        : asked.event === "launch" ? YEAR.test(text) || DAY.test(text) || /\d{1,2}\s*月/.test(text)
        : DATE.test(text))
      : kind === "day" ? DAY.test(text)
      : kind === "weekday" ? WEEKDAY.test(text)
      : kind === "year" ? YEAR.test(text)
      : kind === "place" ? (asked.address ? ADDRESS.test(near) : asked.venue ? ADDRESS.test(near) || statesVenue(asked.venue, near) : asked.placeLevels ? hasPlace : hasPlace || PLACE.test(text))
      // Papers are named in the passage on the topic ("来的时候带上身份证"), rarely next to the topic's name; how to
      // apply is said about the topic (an exam's 报名 in a story about certificates does not say how to claim their allowance).
      : kind === "apply" ? (asked.documents ? bringsDocuments(text) : APPLY.test(near) || (asked.venue !== undefined && statesVenue(asked.venue, near)))
      : kind === "benefit" ? hasBenefits || BENEFIT.test(text)
      : kind === "duration" ? DURATION.test(text)
      : true;
    if (!ok) missing.push(kind);
    else if (TIME_KINDS.has(kind) && asked.next && !FUTURE.test(text)) missing.push(kind);
  }
  for (const detail of asked.details) {
    const spellings = [detail, ...(asked.alternatives?.[detail] ?? [])];
    const holds = (d: string) => (ROLE_NOUNS.test(d) ? namesHolder(d, whole) : whole.includes(d) || (CHANNEL_NOUNS.test(d) && NAMED_CHANNEL.test(whole)));
    if (!spellings.some(holds)) missing.push(detail);
  }
  return missing;
}
