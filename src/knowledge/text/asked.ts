/**
 * What kind of fact a question asks for (an amount, a phone number, a date, a place, a person) and which
 * detail noun it names ("多少会费" -> 会费, "哪个部门" -> 部门). An answer is only given when the passage
 * holds that kind of fact: a relevance threshold alone would "answer" a question about a real programme
 * with a passage that lacks the asked detail.
 */
/** date: any date or time; day: a calendar day (哪天, 几号); year: a year (哪年); apply: how or where to apply. */
/** benefit: what a member gets (有什么补贴/福利, what can I get): a programme's benefits answer it. */
/** duration: how long something takes or lasts (多久能到账, 几天能批): a span of time (3个工作日, 1年内). */
/** hours: when a place is open (几点开门, 周末开不开): opening hours or days (9点到17点, 全天, 工作日). */
/** cost: whether something costs the member money (要钱吗, 收费吗, 免费吗): 免费, 不收费, an amount, 自费. */
/** ratio: a share or rate (报销比例是多少, 就业率多高, 几成): a percentage or a share printed (60%, 七成, 三分之一). */
/** weekday: which day of the week (礼拜几, 星期几, 周几): a day of the week printed (每周三, 周二周五, 工作日, 每天). */
export type FactKind = "money" | "count" | "phone" | "date" | "day" | "year" | "place" | "person" | "apply" | "benefit" | "duration" | "hours" | "cost" | "ratio" | "weekday";

/**
 * What a time question is about, when it says: a payment (多久能到账), an approval (多久能批下来), a start
 * (啥时候开课) or a deadline (几天内要交材料). The time must then be printed in a sentence about that event: a
 * deadline for handing in papers ("出院后3个月内交给工会") does not say when the money arrives.
 */
export type TimeEvent = "payment" | "approval" | "start" | "deadline" | "launch";

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
const venuePatterns = new Map<string, RegExp>();
/** The text says where the asked action is done (到街道工会领取, 向仲裁院申请) or through which channel. */
function statesVenue(action: string, text: string): boolean {
  let pattern = venuePatterns.get(action);
  if (!pattern) {
    const verbs = VENUE_ACTIONS.find(([asks]) => asks.test(action))?.[1] ?? action;
    // "在1月10日至春节前发放" says when, not where: a time after 在 is not a venue.
    pattern = new RegExp(`(到|去|在|向|找|通过)(?![^，,。；;？?]{0,6}(\\d{1,2}\\s*[月日号点时]|[前后]|期间))[^，,。；;？?]{1,20}(${verbs})`);
    venuePatterns.set(action, pattern);
  }
  return pattern.test(text) || CHANNEL.test(text);
}
const ADDRESS = /(设在|位于|开在|建在|搬到|地址|地点|坐落|就在)|(?<!所)在[^，,。；;]{1,20}(路|街|巷|弄|号|楼|层|室|中心|馆|广场|大厦|大楼|学校|园区|加油站|服务区|出口|门口|旁边|旁|对面|附近|窗口|里)/;

export type Basis = "person" | "month" | "year" | "day" | "session" | "piece";

export interface AskedFact {
  kinds: FactKind[];
  /** Detail nouns the answer must mention (normalised text). */
  details: string[];
  /** Nouns after 哪个/哪些 ("哪个剧院"): sentences naming them are preferred for the snippet; not required. */
  hints?: string[];
  /**
   * Measure words of a how-many question ("几张床" -> 张, "多少人" -> 人): the number must be printed with one
   * of them (or with 万/千 …): "12张" answers "几张床", "1000家以上" does not.
   */
  units?: string[];
  /** Nouns after 什么/啥/哪些 ("带啥材料" -> 材料): what is asked, not the topic (they are in `details` too). */
  asking?: string[];
  /**
   * The basis of an asked amount or count ("每人多少钱" person, "一个月能领多少" month, "一年交多少" year): the
   * value must be printed with the same basis (每人500元, 每月200元), not as a total (共筹集2600万元).
   */
  per?: Basis;
  /**
   * A yes/no question ("司机之家洗澡要排队吗", "温州工会有没有法律援助"): the passage must say something about
   * its last content word (the predicate, filled in by the analysis), or it does not answer yes or no.
   */
  yesNo?: boolean;
  /** The papers to bring are asked (带啥材料): the source must list them, in a sentence about the topic. */
  documents?: boolean;
  /** The question asks for the unions' hotline (热线, 12351) itself, not the number of a named office. */
  hotline?: boolean;
  /** Where a named thing is (its address or venue), not where one can do something. */
  address?: boolean;
  /**
   * Which places, by level ("哪几个县有" county, "哪些城市" city or county): places of that level must be named
   * (浙江的一些县 names none).
   */
  placeLevels?: Array<"province" | "city" | "county">;
  /** Where to go to do something (去哪里领 -> 领): the place or channel where that is done must be printed. */
  venue?: string;
  /**
   * The days an opening-hours question names (周末开不开, 过年开不开): hours printed without saying which days
   * (开到晚上10点) do not answer it.
   */
  period?: HoursPeriod;
  /** The event a time question is about (its time must be printed in a sentence about it). */
  event?: TimeEvent;
  /**
   * The next occurrence is asked ("下次什么时候开"): a date the source prints for one that has happened does not
   * answer; the source must speak of one to come (将于, 下一期, 计划, 预计 …).
   */
  next?: boolean;
  /** Other spellings accepted for a detail (synonyms substituted: 持证社工 -> 持证社会工作者). */
  alternatives?: Record<string, string[]>;
  /**
   * The question is about the weather or a day relative to today (明天, 今天, tomorrow): only a dated source
   * can answer it, and never an undated story (an old forecast is not tomorrow's weather).
   */
  timely?: boolean;
}

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
/**
 * A role asked about in a who-question ("工会主席是谁"): the passage must name someone in that role, and the
 * role alone does not say which union or office is meant (the other words of the question must).
 */
const ROLE_NOUNS = /^(总?工会|市总|省总|县总)?(主席|副主席|书记|局长|部长|负责人|主任|会长|院长|市长|县长|组长|发言人|领导|老总|总经理|经理|律师|站长|所长|馆长|校长|厂长|队长|老师|医生)$/;

export function isRoleNoun(word: string): boolean {
  return ROLE_NOUNS.test(word);
}
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
/** How a question says the basis of an amount, and how a source prints it (the value must be in that clause). */
const BASES: Array<{ basis: Basis; asks: RegExp; states: RegExp }> = [
  { basis: "person", asks: /每(个|一)?人|一个人|一人|人均|每位|每名|每户|每家|一户|per person|each person|per head|each worker|per (household|family)|each (household|family)/, states: /每(个|一)?人|人均|每名|每位|一人|每户|\/人|元\/人/ },
  { basis: "month", asks: /每(个)?月|一个月|月均|按月|per month|a month|one month|each month|every month|monthly/, states: /每(个)?月|月均|一个月|按月|\/月|元\/月|月薪|月收入|月工资/ },
  { basis: "year", asks: /每年|一年|年均|per year|a year|one year|each year|every year|yearly|annual/, states: /每年|一年|年均|全年|\/年|元\/年|年度/ },
  { basis: "day", asks: /每天|一天|日均|per day|a day|daily/, states: /每天|一天|日均|每日|\/天|元\/天|\/日/ },
  // A class, a batch, an event: "培训班一期多少人" asks for the size of one class, not how many were trained in all.
  // A price per piece: "手机支架多少钱一个" asks what one costs, not what the sales brought in.
  { basis: "piece", asks: /多少钱?一(个|件|只|斤|份|套|张|本|瓶|箱|袋|双|台|盒|条)(?!月|人|星期|小时|礼拜|季度)|(一|每)(个|件|只|斤|份|套|张|本|瓶|箱|袋|双|台|盒|条)(要)?多少钱|单价|how much (is )?(one|each|a piece)|per piece|apiece/, states: /每(个|件|只|斤|份|套|张|本|瓶|箱|袋|双|台|盒|条)|元\s*\/\s*(个|件|只|斤|份|套|张|本|瓶|箱|袋|双|台|盒|条)|元一(个|件|只|斤|份|套|张|本|瓶|箱|袋|双|台|盒|条)|单价/ },
  { basis: "session", asks: /每(一)?期|一期|每(个)?班|一个班|每场|一场|每批|一批|per (class|session|course)|each (class|session|course)/, states: /每(一)?期|一期|每(个)?班|一个班|每场|一场|每批|一批|期招|班招/ },
];

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
const COST = /免费|不收费|不花钱|不要钱|不用花钱|不用掏钱|不用交钱|零收费|分文不取|收费|自费|自付|自理|全免|减免|(每|一)(人|次|小时|天|月|年|个月|期)[^，。；]{0,6}\d+(\.\d+)?\s*元|\d+(\.\d+)?\s*元\s*(\/|每)|(交|收|付|花|缴|收取)[^，。；]{0,4}\d+(\.\d+)?\s*(万|千|百)?\s*元/;

/** Opening hours or days: 几点开门, 周末开不开, 营业时间, open on weekends. */
const HOURS_WORDS =
  /几点(开|关|上班|下班|到几点|营业)|开门|关门|营业时间|开放时间|办公时间|上班时间|值班时间|(周末|节假日|晚上|夜里|过年|春节)[^，。？?]{0,4}(开不开|开吗|开门|营业|开放|有人|能去)|开不开门|几点到几点|全天开放吗|几点(有人|能打|可以打|能去|接)|什么时候有人接|opening hours|open on|what time does|when (is|does) .* open/;
/** The event a time question is about: what the member says, and what a source prints about it. */
const TIME_EVENTS: Array<{ event: TimeEvent; asks: RegExp; states: RegExp }> = [
  {
    event: "payment",
    asks: /到账|到卡|打到|打款|打钱|到手|发下来|报下来|报销下来|钱下来|能报|拨付|发放|(多久|几天|啥时候|什么时候|何时|几号|哪天)(能|会|才|可以)?(发|给|领|拿|到)(钱|下来|到|给|$)|(钱|款|补贴|补助|津贴|奖励|慰问金|救助金|互助金)[^，。？?]{0,6}(发|给|领|到)|paid|payment|money arrive/,
    states: /到账|发放|拨付|打入|划入|划拨|支付|兑现|发到|打款|汇入|领取|发给|发钱|到位/,
  },
  {
    event: "approval",
    asks: /批下来|批准|审批|审核|批复|办下来|办好|办成|办结|能批|出结果|成为会员|入上会|入会成功|approv/,
    states: /审批|审核|批准|办结|受理|办好|成为会员|入会|发证|领证|出结果|答复|认定/,
  },
  // When something was set up once (什么时候上线的, 哪年成立, when did it go online): a year printed answers it.
  {
    event: "launch",
    asks: /上线|推出|成立|建成|开通|启用|投用|投入使用|launch|go(es)? online|went online|start online|set up/,
    states: /上线|推出|成立|建成|开通|启用|投用|投入使用|建立|运行/,
  },
  {
    event: "start",
    asks: /开课|开班|开学|上课|开营|开始报名|开赛|举办|举行|启动|start|begin/,
    states: /开课|开班|开学|上课|开营|报名|开赛|举办|举行|启动|开始/,
  },
  {
    event: "deadline",
    // When something ends ("搞到哪天结束", "到什么时候为止") is answered by its last day (到8月31日) as a deadline is.
    asks: /截止|期限|最晚|最迟|过期|结束|为止|(搞|办|开|持续|延续)到(哪天|几号|什么时候|啥时候)|(几天|多久|多长时间)(以|之)?内(要|得|必须)?(交|提交|申请|申报|报名|报)|deadline|\bend\b|until when/,
    states: /截止|之前|以前|(?<![目提当眼此])前(?![期面后往来景])|以内|之内|\d+\s*个?\s*(日|天|工作日|个月|年)内|逾期|过期|结束|为止|(到|至)\s*\d{1,2}\s*月/,
  },
];
export type HoursPeriod = "weekend" | "holiday";
/**
 * How a question names days of the week or the year, and how a source says which days it is open: hours for
 * working days (工作日, 周一至周五) answer 周末开不开 (no); hours alone (延长到晚上10点) do not say which days.
 */
const HOURS_PERIODS: Array<{ period: HoursPeriod; asks: RegExp; states: RegExp }> = [
  { period: "weekend", asks: /周末|周六|周日|星期[六日天]|礼拜[六天日]|双休|weekend|saturday|sunday/, states: /周末|周[一二三四五六日天]|星期[一二三四五六日天]|礼拜[一二三四五六天日]|双休|工作日/ },
  { period: "holiday", asks: /节假日|假期|过年|春节|国庆|五一|元旦|holiday/, states: /节假日|假期|过年|春节|国庆|五一|元旦|工作日/ },
];
/** A day of the week printed: 每周三, 周二、周五, 星期六, 工作日, 周末, or every day. */
const WEEKDAY = /(周|星期|礼拜)[一二三四五六日天末]|工作日|双休日|每天|天天|全年无休|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekday/;
/** Open at every time: answers any part of the week or day. */
const ALWAYS_OPEN = /全天|24小时|二十四小时|全年无休|365天|每天|天天|不打烊|全年开放/;

/** A share or rate: 比例, 占比, 几成, 百分之几, …率是多少. */
const RATIO_WORDS = /比例|占比|比重|百分之几|百分比|几成|多少成|[^\s，。]率(是|有|为)?(多少|多高|几)|多大比例|what (percent|percentage|share|proportion)|what rate/;
const RATIO_NOUNS = /^(比例|占比|比重|百分比|比率|[\p{Script=Han}]率)$/u;
const RATIO = /\d+(\.\d+)?\s*(%|％)|百分之[一二三四五六七八九十百\d]+|(?<![一二三四五六七八九十])[一二三四五六七八九]成(?![员功为立本熟年都])|\d+(\.\d+)?\s*成(?![员功为立本熟年都])|[一二三四五六七八九十]分之[一二三四五六七八九十]|半数|一半/;

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
  return text.split(/(?<=[。；;！!？?\n])/).some((s) => BRINGING.test(s) && DOCUMENTS.test(s.replace(/["“「『][^"”」』]{1,12}["”」』]/g, "")));
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
  const key = units.join("|");
  let counted = countPatterns.get(key);
  if (!counted) {
    const alternatives = [...new Set(units.flatMap((u) => (SAME_UNITS[u] ?? u).split("|")))].join("|");
    counted = new RegExp(`${NUMERAL}\\s*(?:万|千|百|亿)?\\s*(?:多|余|来)?\\s*(?:${alternatives})`);
    // Measure words are a closed set: the cache stays small.
    if (countPatterns.size < 1000) countPatterns.set(key, counted);
  }
  // A count of people or households is often printed in thousands alone ("会员1.8万").
  const thousands = units.some((u) => /^(人|名|位|户|个|家|次)$/.test(u)) && /\d+(\.\d+)?\s*(万|千|亿)|[一二三四五六七八九十两]+(万|千|亿)/.test(text);
  return counted.test(text) || thousands;
}

/**
 * Words of a time question that say which event is asked about (批下来, 到账, 开课) or the procedure around it
 * (申请, 办理): like 多少, they say what is wanted, not the topic ("申请入会多久能批下来" is about 入会).
 */
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

/** The clauses (between commas) of a text that state the asked basis (每人, 每月), or the whole text when none is asked. */
function onBasis(text: string, per: Basis | undefined): string {
  if (!per) return text;
  const states = BASES.find((b) => b.basis === per)!.states;
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
  const states = TIME_EVENTS.find((e) => e.event === event)!.states;
  return text
    .split(/(?<=[。；;！!？?\n])/)
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
  let pattern = rolePatterns.get(role);
  if (!pattern) {
    const r = role.includes("副") ? role : `(?<!副)${role}`;
    pattern = new RegExp(
      `${r}(?:、[\\p{Script=Han}]{2,5})?(?!${NOT_A_NAME})[\\p{Script=Han}·]{2,3}(?=[，,。、：:（(\\s]|说|表示|介绍|指出|强调|认为|主持|带队|带领|率领|率|一行|等|出席|讲话|致辞|告诉|在|要求|来到|前往|调研|看望|慰问|走访|$)` +
        `|为[^，,。；]{0,15}${r}|${r}[：:]`,
      "u",
    );
    if (rolePatterns.size < 1000) rolePatterns.set(role, pattern);
  }
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
  return text
    .split(/(?<=[。；;！!？?\n])/)
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
 */
/**
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
      : kind === "hours" ? HOURS.test(text) && (!asked.period || ALWAYS_OPEN.test(text) || HOURS_PERIODS.find((p) => p.period === asked.period)!.states.test(text))
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
