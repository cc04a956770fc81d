/**
 * What a question asks for (the kinds of fact, its details and qualifiers), and the words both a question
 * and a source use for the basis of an amount, the event of a time and the days of opening hours.
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

/**
 * A role asked about in a who-question ("工会主席是谁"): the passage must name someone in that role, and the
 * role alone does not say which union or office is meant (the other words of the question must).
 */
export const ROLE_NOUNS = /^(总?工会|市总|省总|县总)?(主席|副主席|书记|局长|部长|负责人|主任|会长|院长|市长|县长|组长|发言人|领导|老总|总经理|经理|律师|站长|所长|馆长|校长|厂长|队长|老师|医生)$/;

export function isRoleNoun(word: string): boolean {
  return ROLE_NOUNS.test(word);
}
/** How a question says the basis of an amount, and how a source prints it (the value must be in that clause). */
export const BASES: Array<{ basis: Basis; asks: RegExp; states: RegExp }> = [
  { basis: "person", asks: /每(个|一)?人|一个人|一人|人均|每位|每名|每户|每家|一户|per person|each person|per head|each worker|per (household|family)|each (household|family)/, states: /每(个|一)?人|人均|每名|每位|一人|每户|\/人|元\/人/ },
  { basis: "month", asks: /每(个)?月|一个月|月均|按月|per month|a month|one month|each month|every month|monthly/, states: /每(个)?月|月均|一个月|按月|\/月|元\/月|月薪|月收入|月工资/ },
  { basis: "year", asks: /每年|一年|年均|per year|a year|one year|each year|every year|yearly|annual/, states: /每年|一年|年均|全年|\/年|元\/年|年度/ },
  { basis: "day", asks: /每天|一天|日均|per day|a day|daily/, states: /每天|一天|日均|每日|\/天|元\/天|\/日/ },
  // A class, a batch, an event: "培训班一期多少人" asks for the size of one class, not how many were trained in all.
  // A price per piece: "手机支架多少钱一个" asks what one costs, not what the sales brought in.
  { basis: "piece", asks: /多少钱?一(个|件|只|斤|份|套|张|本|瓶|箱|袋|双|台|盒|条)(?!月|人|星期|小时|礼拜|季度)|(一|每)(个|件|只|斤|份|套|张|本|瓶|箱|袋|双|台|盒|条)(要)?多少钱|单价|how much (is )?(one|each|a piece)|per piece|apiece/, states: /每(个|件|只|斤|份|套|张|本|瓶|箱|袋|双|台|盒|条)|元\s*\/\s*(个|件|只|斤|份|套|张|本|瓶|箱|袋|双|台|盒|条)|元一(个|件|只|斤|份|套|张|本|瓶|箱|袋|双|台|盒|条)|单价/ },
  { basis: "session", asks: /每(一)?期|一期|每(个)?班|一个班|每场|一场|每批|一批|per (class|session|course)|each (class|session|course)/, states: /每(一)?期|一期|每(个)?班|一个班|每场|一场|每批|一批|期招|班招/ },
];
/**
 * The event a time question is about: what the member says, and what a source prints about it. Its words (批下来,
 * 到账, 开课) and the procedure around it (申请, 办理) say, like 多少, what is wanted, not the topic ("申请入会多久能批下来"
 * is about 入会).
 */
export const TIME_EVENTS: Array<{ event: TimeEvent; asks: RegExp; states: RegExp }> = [
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
export const HOURS_PERIODS: Array<{ period: HoursPeriod; asks: RegExp; states: RegExp }> = [
  { period: "weekend", asks: /周末|周六|周日|星期[六日天]|礼拜[六天日]|双休|weekend|saturday|sunday/, states: /周末|周[一二三四五六日天]|星期[一二三四五六日天]|礼拜[一二三四五六天日]|双休|工作日/ },
  { period: "holiday", asks: /节假日|假期|过年|春节|国庆|五一|元旦|holiday/, states: /节假日|假期|过年|春节|国庆|五一|元旦|工作日/ },
];
