/**
 * What kind of fact a question asks for (an amount, a phone number, a date, a place, a person) and which
 * detail noun it names ("多少会费" -> 会费, "哪个部门" -> 部门). An answer is only given when the passage
 * holds that kind of fact: a relevance threshold alone would "answer" a question about a real programme
 * with a passage that lacks the asked detail.
 */
import { BASES, HOURS_PERIODS, ROLE_NOUNS, TIME_EVENTS, type AskedFact, type FactKind, type HoursPeriod, type TimeEvent } from "./asked-fact.js";

/**
 * Where a named thing is ("援助站在哪", "司机之家的地址"), as opposed to where one can do something ("哪里能热饭"):
 * the source must say where it is (设在…一楼, 开在…出口旁), not only name a city.
 */
const ADDRESS_WORDS = /地址|位置|怎么走|怎么去|在哪(里|儿)?(呢|啊|吗)?[?？]?$|哪条(路|街|巷)|哪个(路口|门牌)|具体在哪|门牌/;
/**
 * Where to go to do something (去哪里领, 在哪里办, 到哪儿报名): the source must name where it is done (到街道工会领取,
 * 设在…窗口) or the channel (登录浙里办, 扫码, 公众号), in a sentence about the topic; a place name alone does not say.
 */
const VENUE_WORDS = /(去|到|在)(哪里|哪儿|哪)(才能|可以|能)?(领|拿|办|申请|申报|报名|登记|交|参加|反映|投诉)/;

/** Nouns that only say "which one" and are satisfied by the fact kind itself. */
const GENERIC_NOUNS = new Set(
  (
    "城市 地方 地区 省 市 县 区 镇 乡 村 街道 社区 人 个 户 家 名 位 次 种 钱 元 块 年 月 天 日 号 时候 时间 东西 事 事情 情况 名字 名称 " +
    "办法 方式 内容 样 样子 些 点 里 边 回事 条件 要求 部分 方面 类 项 一 大概 一共 总共 共 到底 还 要 能 会 可以"
  ).split(" "),
);

const UNIT_KIND: Array<[RegExp, FactKind]> = [
  [/^(钱|元|块|块钱|万元|亿元)$|(钱|费|费用|金|款|资|贴|薪|奖励|奖金)$/, "money"],
  [/^(人|户|个|家|次|名|位|项|所|场|期|万|千|百|批|岁|张|台|辆|间|座|门|条|毫米|厘米|公里|米|度|公斤|斤|亩|吨)/, "count"],
  // 几天, 多少年: how long (a span); 几号, 几月: which day or month (a date).
  [/^(天|年)/, "duration"],
  [/^(日|号|月)/, "date"],
];

const PHONE_WORDS = /电话|热线|号码|联系方式|手机号|hotline|phone number|telephone|contact number|number to call/;
const DATE_WORDS = /什么时候|啥时候|啥时|什么时间|几时|何时|几月|哪个月|哪几个月|哪些月|几月份|when\b|what date|what time/;
const DURATION_WORDS = /多久|多长时间|多少时间|多长时候|要几天|几天能|几天内|多少天|几个工作日|多少个工作日|几个月能|how long|how many days|how soon/;
/** Which day of the week: 礼拜几, 星期几, 周几, 哪个礼拜 (not 一周几次: how often). */
const WEEKDAY_WORDS = /(礼拜|星期|周)几(?!(次|天|个|回|节|趟|小时|堂))|哪个?(礼拜|星期)[几天]?|day of the week|what weekday|which weekday|which days? (is|are) it|what days? (is|are) it/;
/** Week words a weekday question asks with (礼拜 of 礼拜几): what is asked, not a detail the source must repeat. */
const WEEK_NOUNS = /^(礼拜|星期|周|礼拜几|星期几|周几)$/;
const DAY_WORDS = /哪天|哪一天|哪几天|几号|几月几日|which day|what day/;
const YEAR_WORDS = /哪年|哪一年|哪些年|what year|which year/;
const PLACE_WORDS = /地址|位置|哪里|哪儿|在哪(?![个些种家位])|哪个(城市|市|县|区|省|地方|村|镇|乡|街道|社区)|哪(些|几个)(地方|城市|市|县|区|省)|where\b|which (city|county|town|village|province|district)/;
const PERSON_WORDS = /谁|哪位|who\b|whom\b|(主席|书记|局长|部长|负责人|主任|会长|院长|市长|县长|组长|发言人|第一名|冠军)(叫|是)(啥|什么)|叫(什么|啥)名字|叫(什么|啥)[?？]?$|姓(什么|啥)|名字(是|叫)(什么|啥)/;
const APPLY_WORDS =
  /(怎么|怎样|如何|去哪|去哪里|到哪|到哪里|在哪|在哪里|哪里|哪儿|找谁)(才能|去|来)?(申请|申报|报名|办理|领取|加入|入会|参加|认定|鉴定|报销|登记|投诉|索赔)|(怎么|怎样|如何)(才能|去)?(领|拿)(?![导先])|(去|到|找)哪个(部门|单位|机构)|申请(流程|程序|手续|方式|渠道)|how (do|can|should) (i|we|you) (apply|register|sign up|join)|how to (apply|register|sign up|join)|where (do|can|should) (i|we|you) (apply|register|sign up)/;
/** Nouns asking "what does this give me": satisfied by a programme's benefits, not by the word itself. */
const BENEFIT_NOUNS = /^(福利|补贴|补助|待遇|帮扶|优惠|政策|好处|保障|救助|帮助|支持|照顾)$/;

export function isBenefitNoun(word: string): boolean {
  return BENEFIT_NOUNS.test(word);
}
const BENEFIT_WORDS = /what (can|could|do|does|will|would) (i|we|you|they|workers?|couriers?|drivers?) (get|receive|have)|what (benefits?|subsid(y|ies)|support|help|allowances?|welfare)\b|are there (any )?(benefits|subsidies|allowances)/;
/**
 * The weather, or a day counted from today. Temperatures of a named period ("今年平均气温") are a fact a story
 * can report, so 气温 alone is not here; nor is 现在/now alone: members say "我现在没工作" about themselves.
 */
const TIMELY_WORDS = /天气|下雨|下雪|台风|预报|明天|明日|后天|今天|今日|今晚|今夜|weather|forecast|tomorrow|today|tonight|\brain(ing|y)?\b/;
const MONEY_WORDS = /多少钱|how much|几千块|几万块|几百块|多少元|多少费/;
/**
 * "补多少", "赔多少", "一个月能领多少": a verb of paying or being paid before 多少 asks an amount of money (not
 * when a measure word follows: "发多少份", "领多少人"; nor when people follow: "给多少登记失业的人推了信息").
 */
const MONEY_VERB = /(补|赔|奖|报销?|退|交|缴|领|挣|赚|罚|给|发|扣|贴)(了|能|得|给|回)?(多少|几千|几百|几万)(?!\s*(个|位|名|次|天|年|月|岁|张|台|辆|间|座|条|门|项|所|场|期|批|人|户|家|小时|公里|平方|毫米|度|份|件|斤|箱|袋|本|套|双)|[^，。？?\s]{0,8}(的人|人员|职工|工人|家庭|企业))/;

/** A yes/no question: 吗/不/没 at the end, or 有没有, 能不能, 是不是 … */
const YES_NO = /(吗|(?<![什怎这那多])么|嘛|不|没|没有|与否)[?？!！。.\s]*$|有没有|能不能|是不是|可不可以|会不会|要不要|管不管|算不算|给不给|行不行|^(is|are|can|do|does|will|should)\b/;

/**
 * Whether a claim the member heard is true (工会打电话要我验证码 是真的吗, 靠谱吗, 是不是骗子): a yes/no question about
 * the claim; the phone call or amount it tells of is what happened, not a value asked for.
 */
const CLAIM_WORDS = /(是|这)?真的(吗|嘛|么|假的|不)|真的假的|是不是真的|真假|(可信|靠谱|正规)(吗|嘛|不)|(可不可信|靠不靠谱|正不正规)|(是不是|是)(骗子|骗人|诈骗|骗局)|骗人的吧|is (this|it|that) (true|real|legit|a scam)|a scam\b/;

/** A question word: the question asks which, what, who, how many or how, not yes or no. */
const WH_WORDS = /哪|什么|啥|谁|多少|几|怎么|怎样|如何|为什么|\b(what|which|who|where|when|how|why)\b/;
/**
 * Verbs of getting or taking part (能领钱吗, 能先申请吗), or of being attended to (人家会理我吗, 会帮我吗): whether one
 * can is answered by the conditions, which need not repeat the verb; they are not a yes/no question's predicate.
 */
export const TAKING_PART = /^(领|拿|申请|申报|参加|报名|办|用|去|享受|享有|加入|入会|获得|得到|能|可以|报销|补|给|找|算|管)|^(会|能|肯)?(理|帮|接待|受理|搭理)$/;

/** Whether it costs money: 要钱吗, 收费吗, 要自己掏钱吗, 免费吗, is it free. */
const COST_WORDS = /(交|收|要|付|缴|花)[^，。？?]{0,2}费(吗|不|没有)|要钱|收钱|收费吗|收不收费|收费不|花钱吗|花不花钱|掏钱|出钱吗|付钱吗|免费吗|免不免费|是不是免费|要不要钱|要交钱|交钱吗|花多少钱吗|is it free|for free\b|\bfree[?.! ]*$|free of charge|cost anything|do i (have to )?pay|does it cost/;
/** Words of a cost question that say what is asked (the fact check needs the price stated), not the topic. */
export const COST_ASK = /^(要钱|收钱|收费|花钱|掏钱|出钱|付钱|交钱|免费|自己掏|费用|自付|个人负担|自负|free|cost|pay)$|^[\p{Script=Han}]{1,2}费$/u;
/** Papers a procedure asks for: named by what they are (身份证, 劳动合同), rarely by the category word. */
const DOCUMENT_NOUNS = /^(材料|资料|证件|手续|证明|东西)$/;

/** Opening hours or days: 几点开门, 周末开不开, 营业时间, open on weekends. */
const HOURS_WORDS =
  /几点(开|关|上班|下班|到几点|营业)|开门|关门|营业时间|开放时间|办公时间|上班时间|值班时间|(周末|节假日|晚上|夜里|过年|春节)[^，。？?]{0,4}(开不开|开吗|开门|营业|开放|有人|能去)|开不开门|几点到几点|全天开放吗|几点(有人|能打|可以打|能去|接)|什么时候有人接|opening hours|open on|what time does|when (is|does) .* open/;

/** A share or rate: 比例, 占比, 几成, 百分之几, …率是多少. */
const RATIO_WORDS = /比例|占比|比重|百分之几|百分比|几成|多少成|[^\s，。]率(是|有|为)?(多少|多高|几)|多大比例|what (percent|percentage|share|proportion)|what rate/;
const RATIO_NOUNS = /^(比例|占比|比重|百分比|比率|[\p{Script=Han}]率)$/u;

/** A charge or allowance named with the basis it is paid on ("fee per month", "会费每月"). */
const FEE_ON_BASIS = /\b(fee|fees|dues|price|cost|allowance|subsidy|stipend)\s+(per|a|each|every|one)\s+(month|year|day|person|head)\b|(费|津贴|补贴)(每|一个?)(月|年|天|人)[?？]?$/;
/** Certificate grades in English questions, as the Chinese sources print them. */
const ENGLISH_GRADES: Array<[string, RegExp]> = [
  ["高级", /\b(advanced|senior)\b/],
  ["中级", /\bintermediate\b/],
  ["初级", /\b(junior|primary|entry|basic)[- ]level\b|\bjunior\b/],
];
const COUNT_WORDS = /how many|多少人|多少户|多少个|多少家|多少名|几张|几台|几辆|几间|几个人|几家/;

/** A noun (jieba tags n*, or vn) of two or more Chinese characters that says more than "which one". */
function isDetailNoun(token: { word: string; tag: string } | undefined): boolean {
  if (!token) return false;
  const { word, tag } = token;
  return (/^n/.test(tag) || tag === "vn") && word.length >= 2 && /\p{Script=Han}/u.test(word) && !GENERIC_NOUNS.has(word);
}

/**
 * @param text normalised question
 * @param tagged the question cut in precise mode with part-of-speech tags, stop words kept
 */
export function detectAskedFact(text: string, tagged: Array<{ word: string; tag: string }>): AskedFact {
  const kinds = new Set<FactKind>();
  if (PHONE_WORDS.test(text)) kinds.add("phone");
  if (DATE_WORDS.test(text)) kinds.add("date");
  if (DURATION_WORDS.test(text)) kinds.add("duration");
  if (WEEKDAY_WORDS.test(text)) kinds.add("weekday");
  else if (DAY_WORDS.test(text)) kinds.add("day");
  if (YEAR_WORDS.test(text)) kinds.add("year");
  if (PLACE_WORDS.test(text)) kinds.add("place");
  if (PERSON_WORDS.test(text)) kinds.add("person");
  if (APPLY_WORDS.test(text)) kinds.add("apply");
  if (MONEY_WORDS.test(text)) kinds.add("money");
  if (COUNT_WORDS.test(text)) kinds.add("count");
  if (BENEFIT_WORDS.test(text)) kinds.add("benefit");
  if (MONEY_VERB.test(text)) kinds.add("money");
  if (HOURS_WORDS.test(text)) kinds.add("hours");
  if (COST_WORDS.test(text) && !kinds.has("money")) kinds.add("cost");
  // "要交会费吗 一个月多少": after whether it costs, the amount is asked as well.
  if (kinds.has("cost") && /多少[?？]?$|多少(钱|元)/.test(text)) kinds.add("money");
  if (RATIO_WORDS.test(text)) kinds.add("ratio");
  // "membership fee per month?": a charge named with its basis asks its amount, without a question word.
  if (kinds.size === 0 && FEE_ON_BASIS.test(text)) kinds.add("money");
  // "12351热线几点有人接": a question that gives the number asks something else about it; a number in another
  // clause ("我手机138…，工会电话是多少") is the member's own and the phone number is still asked.
  const givesTheNumber = text
    .replace(/(19|20)\d{2}年/g, "")
    .split(/[,，。;；!！?？\s]+/)
    .some((clause) => PHONE_WORDS.test(clause) && /(?<!\d)\d{5,}(?!\d)/.test(clause));
  if (givesTheNumber) kinds.delete("phone");
  const claim = CLAIM_WORDS.test(text);
  if (claim) kinds.clear();
  const units = new Set<string>();
  for (const m of text.matchAll(/(多少|几)(个人|个|位|名|次|户|家|张|台|辆|间|座|条|门|项|所|场|期|批|人|千人|万人|毫米|厘米|公里|米|度|公斤|斤|平方米|亩|吨)/g)) units.add(m[2].replace(/^[千万]|^个(?=人)/, ""));
  if (/how many people|how many workers|how many members/.test(text)) units.add("人");
  const details = new Set<string>();
  const hints = new Set<string>();
  const asking = new Set<string>();
  let documents = false;
  const words = tagged.map((t) => t.word);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    const numberWord = /^(多少|几)([个位名次天年月岁块元户家千万百张台辆间座条门])?$/.exec(w);
    // "这几年", "近几个月" speak of a period; they do not ask for a number.
    const period = /^(这|近|最近|前|过去|头|好)$/.test(words[i - 1] ?? "");
    if (numberWord && !period) {
      // "多少会费", "几个小时": the noun after the question word (skipping a measure word) is the asked detail.
      let j = i + 1;
      const unit = numberWord[2] ?? (next && next.length === 1 && UNIT_KIND.some(([p]) => p.test(next)) ? next : undefined);
      for (const [pattern, kind] of UNIT_KIND) {
        if (unit && pattern.test(unit)) kinds.add(kind);
        else if (!unit && next && pattern.test(next)) kinds.add(kind);
      }
      if (!numberWord[2] && unit) j++;
      if (isDetailNoun(tagged[j])) details.add(words[j]);
      // "最低工资标准是多少": the noun just before "是/有多少" is the asked detail.
      let k = i - 1;
      while (k >= 0 && /^(是|有|为|大概|大约|一共|总共|共|要|要交|交|得|能|能挣|挣|了)$/.test(words[k])) k--;
      if (isDetailNoun(tagged[k])) {
        details.add(words[k]);
        // "奖励多少", "会费是多少": with no measure word after it, the noun before the question word says what is counted.
        if (!unit && (!next || /^[?？!！。,，\s]+$/.test(next)) && UNIT_KIND[0][0].test(words[k])) kinds.add("money");
      }
    } else if (/^(什么|啥|哪些|哪几个|哪几种|哪几项)$/.test(w)) {
      // "带啥材料", "哪些材料", "哪几个功能": the source must name the thing asked about. "有什么补贴" asks what
      // one gets: a programme's benefits answer it even when they are not called 补贴.
      if (next && BENEFIT_NOUNS.test(next)) kinds.add("benefit");
      // "带啥材料", "要什么手续": the papers to bring, which a source lists by name (身份证, 劳动合同): a procedure.
      else if (next && DOCUMENT_NOUNS.test(next) && (next !== "东西" || /(带|拿|准备|提交|交|提供|出示)/.test(words.slice(Math.max(0, i - 3), i).join("")))) {
        kinds.add("apply");
        asking.add(next);
        documents = true;
      }
      else if (isDetailNoun(tagged[i + 1])) {
        details.add(next);
        asking.add(next);
      }
    } else if (/^(哪个|哪种|哪家|哪位|哪一个)$/.test(w)) {
      // "哪个平台" is answered by an instance (浙里办) that rarely repeats the category word: a hint, not a must.
      if (isDetailNoun(tagged[i + 1])) hints.add(next);
    }
    // "预算是多少", "电话是什么": the subject of "是 + question word" is what the answer must be about.
    // "工会主席是谁": the role must be in the passage.
    if (kinds.has("person") && ROLE_NOUNS.test(w)) details.add(w);
    if (/^(多少|什么|啥|哪|哪个|哪些|几)$/.test(w) && words[i - 1] === "是") {
      const subject = tagged[i - 2];
      if (subject && subject.word.length >= 2 && /\p{Script=Han}/u.test(subject.word) && !GENERIC_NOUNS.has(subject.word) && !/^(r|t|m|d|p|c|u)/.test(subject.tag)) {
        details.add(subject.word);
      }
    }
  }
  // "高级证补多少": a grade the question names (初级/中级/高级) is what the amount is for; amounts printed for the
  // other grades do not answer it.
  if (kinds.has("money") || kinds.has("count")) {
    for (const grade of text.match(/初级|中级|高级|特级|[一二三四五]级(?!别)/g) ?? []) details.add(grade);
    for (const [grade, words] of ENGLISH_GRADES) if (words.test(text)) details.add(grade);
  }
  // "第三期什么时候报名": the class, batch or session the question names is part of what it asks; the dates of
  // another one do not answer it.
  for (const ordinal of text.match(/第[一二三四五六七八九十\d]+(期|批|届|轮|季)/g) ?? []) details.add(ordinal);
  // "萧山骑手维权热线电话多少": the phone check asks for a number; the word 热线电话 need not be printed beside it.
  if (kinds.has("phone")) for (const d of [...details]) if (PHONE_WORDS.test(d)) details.delete(d);
  // "2026年春节…发多少钱": a year the question names is part of what it asks; a story of another year does not answer it.
  for (const year of text.match(/(?:19|20)\d{2}年/g) ?? []) details.add(year);
  // "法律服务日是礼拜几": the day of the week is asked, printed as 每周三 rather than under the word 礼拜.
  if (kinds.has("weekday")) for (const d of [...details]) if (WEEK_NOUNS.test(d)) details.delete(d);
  // "报销比例是多少": the share itself is asked, printed as 60% rather than under the word 比例.
  if (kinds.has("ratio")) for (const d of [...details]) if (RATIO_NOUNS.test(d)) details.delete(d);
  const timeAsked = ["date", "day", "duration", "hours", "weekday"].some((k) => kinds.has(k as FactKind));
  const per = kinds.has("money") || kinds.has("count") ? BASES.find((b) => b.asks.test(text))?.basis : undefined;
  const event = timeAsked ? TIME_EVENTS.find((e) => e.asks.test(text))?.event : undefined;
  const period = HOURS_PERIODS.find((p) => p.asks.test(text))?.period;
  const venue = VENUE_WORDS.exec(text);
  const placeLevel = /哪(些|几个|几)(县|区|城市|市|省)/.exec(text)?.[2];
  // "补贴怎么领": how to collect it is answered by where it is collected (到街道工会领取) as by a procedure.
  const collect = kinds.has("apply") ? /(怎么|怎样|如何)(才能|去)?(领|拿)(?![导先])/.exec(text) : null;
  return {
    kinds: [...kinds],
    details: [...details],
    hints: [...hints].filter((h) => !details.has(h)),
    ...(kinds.has("count") && units.size > 0 ? { units: [...units] } : {}),
    ...(asking.size > 0 ? { asking: [...asking] } : {}),
    ...(event ? { event } : {}),
    ...((YES_NO.test(text) && !WH_WORDS.test(text)) || claim ? { yesNo: true } : {}),
    ...(documents ? { documents: true } : {}),
    ...(kinds.has("phone") && /热线|12351|服务电话|hotline/.test(text) ? { hotline: true } : {}),
    ...(kinds.has("place") && ADDRESS_WORDS.test(text) && !/(哪里|哪儿|在哪)(能|可以|有)/.test(text) ? { address: true } : {}),
    ...(kinds.has("place") && venue ? { venue: venue[4] } : collect ? { venue: collect[3] } : {}),
    ...(kinds.has("hours") && period ? { period } : {}),
    ...(kinds.has("place") && placeLevel ? { placeLevels: placeLevel === "省" ? ["province"] : /县|区/.test(placeLevel) ? ["county"] : ["city", "county"] } : {}),
    ...(per ? { per } : {}),
    ...(timeAsked && NEXT_ASKED.test(text) ? { next: true } : {}),
    ...(TIMELY_WORDS.test(text) ? { timely: true } : {}),
  };
}

const NEXT_ASKED = /下次|下一次|下一期|下一批|下一场|下回|next (time|one|class|session|meeting|round)/;
/**
 * Words that name the kind of fact asked (电话 of 打谁电话, 报名 of 怎么报名, 地址): what is wanted, not the topic.
 * A passage printing some other office's phone number or enrolment matches them everywhere.
 */
const KIND_WORDS: Partial<Record<FactKind, RegExp>> = {
  phone: /^(电话|热线|号码|电话号码|联系电话|咨询电话|手机号|联系方式|打电话)$/,
  apply: /^(报名|申请|申报|办理|手续|流程|登记)$/,
  place: /^(地址|位置|地点)$/,
};

export function isKindWord(word: string, kinds: readonly FactKind[]): boolean {
  return kinds.some((k) => KIND_WORDS[k]?.test(word) === true);
}

/** Words of an opening-hours question that say what is asked (开门, 营业), not the topic ("服务站周末开不开门"). */
export function isHoursWord(word: string): boolean {
  return /^(开门|关门|营业|开放|开|关|上班|下班|有人)$/.test(word);
}

/** Words of a weekday question that say what is asked (礼拜 of 礼拜几), not the topic. */
export function isWeekWord(word: string): boolean {
  return WEEK_NOUNS.test(word);
}

export function isEventWord(word: string, event: TimeEvent | undefined): boolean {
  if (!event || word.length < 2) return false;
  const spec = TIME_EVENTS.find((e) => e.event === event)!;
  return spec.asks.test(word) || /^(申请|申报|办理|提交|办)$/.test(word);
}
