/**
 * The facts registry: every fact a rule may use. Canonical names come from ../shared/eval/README.md;
 * facts added for this catalogue are marked "added". For each fact: its type, the Chinese question the bot
 * asks, answer buttons when the answer is a choice, words people type for each choice, and whether the
 * answer is sensitive (kept only in the conversation unless the member asks the bot to remember it).
 */

export type FactType =
  | "place" // province/city/county/town/village: a Chinese place name, suffix optional
  | "date" // YYYY-MM-DD
  | "string"
  | "number"
  | "boolean"
  /** false, true (level unknown), or one of the option values (e.g. certificate level). */
  | "level";

export interface FactOption {
  value: string | boolean;
  label: string;
  label_en: string;
  /** Other words people type for this value. */
  aliases?: string[];
  /** Facts this answer settles when they are not given (a courier works outdoors). */
  implies?: Record<string, boolean>;
}

export interface FactSpec {
  name: string;
  type: FactType;
  question: string;
  question_en: string;
  /** Example answer shown when a typed answer cannot be understood. */
  example: string;
  options?: FactOption[];
  /** For string facts: the options are examples, other values are accepted too. */
  open?: boolean;
  sensitive: boolean;
  unit?: string;
  /** Added for this catalogue (not in the shared canonical list). */
  added?: boolean;
  /** Derived from other facts when not given directly. */
  derivedFrom?: string[];
  /**
   * Other facts a yes or no settles when they are not given ("registered unemployed" means out of work,
   * and someone out of work is not working in a small business right now).
   */
  settles?: { when: boolean; facts: Record<string, boolean> }[];
}

const YES_NO: FactOption[] = [
  { value: true, label: "是", label_en: "Yes" },
  { value: false, label: "不是", label_en: "No" },
];

const specs: FactSpec[] = [
  { name: "province", type: "place", question: "您在哪个省工作或生活?", question_en: "Which province do you live or work in?", example: "浙江", sensitive: false,
    options: [
      { value: "浙江", label: "浙江", label_en: "Zhejiang" },
      { value: "江苏", label: "江苏", label_en: "Jiangsu" },
    ], open: true },
  { name: "city", type: "place", question: "您在哪个城市(地级市)?", question_en: "Which city do you live or work in?", example: "淮安", sensitive: false },
  { name: "county", type: "place", question: "您在哪个县(市、区)?", question_en: "Which county or district?", example: "海盐", sensitive: false },
  { name: "town", type: "place", question: "您在哪个乡镇(街道)?", question_en: "Which town or street?", example: "小浦镇", sensitive: false },
  { name: "village", type: "place", question: "您在哪个村(社区)?", question_en: "Which village or community?", example: "中山村", sensitive: false },
  { name: "date", type: "date", question: "您问的是哪一天的情况?(默认今天)", question_en: "Which date is the question about? (default: today)", example: "2024-01-25", sensitive: false },
  { name: "occupation", type: "string", question: "您做什么工作?", question_en: "What is your job?", example: "外卖配送员", sensitive: false, open: true,
    options: [
      { value: "快递员", label: "快递员", label_en: "Courier", aliases: ["快递小哥", "快递", "送快递", "快递员工", "courier"], implies: { works_outdoors: true } },
      { value: "外卖配送员", label: "外卖配送员", label_en: "Food delivery rider", aliases: ["外卖小哥", "骑手", "外卖骑手", "送外卖", "外卖员", "外卖", "delivery rider", "rider"], implies: { works_outdoors: true } },
      { value: "网约车司机", label: "网约车司机", label_en: "Ride-hailing driver", aliases: ["开网约车", "网约车", "滴滴司机", "跑滴滴", "滴滴", "ride-hailing"], implies: { works_outdoors: true } },
      { value: "货车司机", label: "货车司机", label_en: "Truck driver", aliases: ["卡车司机", "开货车", "货车", "跑运输", "大车司机"], implies: { works_outdoors: true } },
      { value: "环卫工人", label: "环卫工人", label_en: "Sanitation worker", aliases: ["环卫工", "环卫", "清洁工", "扫马路"], implies: { works_outdoors: true } },
      { value: "工厂工人", label: "工厂工人", label_en: "Factory worker", aliases: ["工人", "厂里上班", "进厂", "流水线"] },
      { value: "医务人员", label: "医务人员", label_en: "Medical worker", aliases: ["医生", "护士", "医护"] },
      { value: "基层干部", label: "基层干部", label_en: "Grassroots cadre", aliases: ["村干部", "社区干部"] },
    ] },
  { name: "works_outdoors", type: "boolean", question: "您的工作大部分时间在户外吗?", question_en: "Do you work outdoors most of the day?", example: "是", sensitive: false, options: YES_NO },
  { name: "union_member", type: "boolean", question: "您是工会会员吗?", question_en: "Are you a trade union member?", example: "是", sensitive: false, options: YES_NO },
  { name: "hardship_registered", type: "boolean", question: "您家是工会建档的困难职工家庭吗?", question_en: "Is your family registered by the union as a hardship worker family?", example: "是", sensitive: true, options: YES_NO },
  { name: "near_hardship", type: "boolean", question: "家里生活有困难,但没有达到建档条件(临界困难)吗?", question_en: "Is your family in difficulty but above the registration line?", example: "是", sensitive: true, options: YES_NO },
  { name: "hardship_cause", type: "string", question: "家里困难主要是什么原因?", question_en: "What mainly caused the difficulty?", example: "下岗失业", sensitive: true, open: true,
    options: [
      { value: "下岗失业", label: "下岗失业", label_en: "Lost job", aliases: ["失业", "下岗", "没工作", "丢了工作"] },
      { value: "工伤", label: "工伤", label_en: "Work injury", aliases: ["工作受伤", "工伤事故"] },
      { value: "病亡", label: "家人病亡", label_en: "Death in family", aliases: ["去世", "病故", "死亡"] },
      { value: "大病", label: "大病", label_en: "Serious illness", aliases: ["重病", "生病", "得病"] },
      { value: "因学", label: "子女上学", label_en: "School costs", aliases: ["上学", "读书", "学费"] },
      { value: "因灾", label: "受灾", label_en: "Disaster", aliases: ["灾害", "火灾", "洪水"] },
      { value: "意外", label: "意外事故", label_en: "Accident", aliases: ["事故", "车祸"] },
    ] },
  { name: "self_paid_medical_yuan", type: "number", question: "今年看病,医保报销以后自己还花了多少钱(元)?", question_en: "This year, how much did you pay for medical care yourself after insurance (yuan)?", example: "4200", sensitive: true, unit: "元", derivedFrom: ["medical_total_yuan", "insurance_reimbursed_yuan"] },
  { name: "medical_total_yuan", type: "number", question: "今年看病一共花了多少钱(元)?", question_en: "This year's total medical costs (yuan)?", example: "10000", sensitive: true, unit: "元" },
  { name: "insurance_reimbursed_yuan", type: "number", question: "其中医保报销了多少钱(元)?", question_en: "How much did insurance reimburse (yuan)?", example: "6500", sensitive: true, unit: "元" },
  { name: "mutual_aid_member", type: "boolean", question: "您参加了职工医疗互助(互助会)吗?", question_en: "Are you a member of the workers' mutual medical aid scheme?", example: "是", sensitive: false, options: YES_NO },
  { name: "diagnosis", type: "string", question: "得的是什么病?", question_en: "What illness?", example: "尿毒症", sensitive: true, open: true },
  { name: "registered_unemployed", type: "boolean", question: "您现在是登记失业人员吗?", question_en: "Are you registered as unemployed?", example: "是", sensitive: false, options: YES_NO,
    settles: [{ when: true, facts: { unemployed: true } }] },
  { name: "unemployed", type: "boolean", added: true, question: "您现在没有工作(失业、下岗)吗?", question_en: "Are you out of work at the moment?", example: "是", sensitive: false, options: YES_NO,
    settles: [
      { when: true, facts: { small_business_worker: false, frontline_worker: false, on_duty_during_festival: false, full_time_social_worker: false } },
      { when: false, facts: { registered_unemployed: false } },
    ] },
  { name: "changing_jobs", type: "boolean", added: true, question: "您正在转岗、想换一份工作吗?", question_en: "Are you changing jobs (转岗)?", example: "是", sensitive: false, options: YES_NO },
  { name: "wants_to_work", type: "boolean", question: "您想找工作吗?", question_en: "Do you want to work?", example: "是", sensitive: false, options: YES_NO },
  { name: "wants_to_start_business", type: "boolean", question: "您想自己创业吗?", question_en: "Do you want to start your own business?", example: "是", sensitive: false, options: YES_NO },
  { name: "age", type: "number", question: "您多大年纪(周岁)?", question_en: "How old are you?", example: "45", sensitive: false, unit: "岁" },
  { name: "gender", type: "string", question: "您的性别?", question_en: "Gender?", example: "女", sensitive: false,
    options: [
      { value: "男", label: "男", label_en: "Male", aliases: ["男性", "男的"] },
      { value: "女", label: "女", label_en: "Female", aliases: ["女性", "女的"] },
    ] },
  { name: "education", type: "string", question: "您的文化程度?", question_en: "Education?", example: "初中", sensitive: false, open: true,
    options: [
      { value: "小学", label: "小学", label_en: "Primary" },
      { value: "初中", label: "初中", label_en: "Junior middle" },
      { value: "高中", label: "高中/中专", label_en: "Senior middle", aliases: ["中专", "职高"] },
      { value: "大专", label: "大专", label_en: "College" },
      { value: "本科", label: "本科及以上", label_en: "University", aliases: ["大学", "研究生"] },
    ] },
  { name: "disability", type: "level", question: "您(或家人)有残疾吗?是哪一类?", question_en: "Do you have a disability? Which kind?", example: "肢体", sensitive: true,
    options: [
      { value: "肢体", label: "肢体残疾", label_en: "Physical", aliases: ["肢体残疾", "腿", "手"] },
      { value: "智力", label: "智力残疾", label_en: "Intellectual", aliases: ["智力残疾", "智障"] },
      { value: "精神", label: "精神残疾", label_en: "Psychosocial", aliases: ["精神残疾"] },
      { value: "视力", label: "视力残疾", label_en: "Visual", aliases: ["视力残疾", "盲"] },
      { value: "听力", label: "听力残疾", label_en: "Hearing", aliases: ["听力残疾", "聋"] },
      { value: "言语", label: "言语残疾", label_en: "Speech", aliases: ["言语残疾", "哑"] },
      { value: false, label: "没有残疾", label_en: "No disability", aliases: ["没有", "无"] },
    ] },
  { name: "severe_disability", type: "boolean", added: true, question: "残疾等级是重度(一级或二级)吗?", question_en: "Is the disability severe (grade 1 or 2)?", example: "是", sensitive: true, options: YES_NO },
  { name: "on_duty_during_festival", type: "boolean", question: "春节假期您要在岗位上坚守上班吗?", question_en: "Do you work through the Spring Festival holidays?", example: "是", sensitive: false, options: YES_NO },
  { name: "model_worker", type: "boolean", added: true, question: "您是劳模、工匠或先进模范人物吗?", question_en: "Are you a model worker, craftsman or honoured worker?", example: "不是", sensitive: false, options: YES_NO },
  { name: "social_worker_certificate", type: "level", question: "您取得社会工作者资格证书了吗?是哪一级?", question_en: "Do you hold a social-worker certificate? Which level?", example: "中级", sensitive: false,
    options: [
      { value: "初级", label: "初级(助理社工师)", label_en: "Assistant", aliases: ["助理社会工作师", "助理社工师"] },
      { value: "中级", label: "中级(社工师)", label_en: "Intermediate", aliases: ["社会工作师", "社工师"] },
      { value: "高级", label: "高级", label_en: "Senior", aliases: ["高级社会工作师", "高级社工师"] },
      { value: false, label: "还没有", label_en: "Not yet", aliases: ["没有", "没考", "报名了", "报名", "在考", "考试中", "还没拿到"] },
    ] },
  { name: "full_time_social_worker", type: "boolean", question: "您是被聘用的专职社工吗?", question_en: "Are you employed as a full-time social worker?", example: "是", sensitive: false, options: YES_NO },
  { name: "small_business_worker", type: "boolean", added: true, question: "您在小微企业工作,或者是个体工商户吗?", question_en: "Do you work in a small business or run a sole proprietorship?", example: "是", sensitive: false, options: YES_NO },
  { name: "special_operations_worker", type: "boolean", added: true, question: "您从事(或准备从事)特种作业、特种设备作业吗?(如电工、焊工、叉车、电梯)", question_en: "Do you do (or plan to do) special operations / special equipment work?", example: "是", sensitive: false, options: YES_NO },
  { name: "resident_insured", type: "boolean", added: true, question: "您参加了城乡居民医保吗?", question_en: "Are you insured under the urban-rural residents' medical insurance?", example: "是", sensitive: false, options: YES_NO },
  { name: "temporarily_stranded", type: "boolean", added: true, question: "您现在是否流落在外、临时遇到困难没有着落?", question_en: "Are you stranded or temporarily without shelter?", example: "是", sensitive: true, options: YES_NO },
  { name: "frontline_worker", type: "boolean", added: true, question: "您是一线职工吗?", question_en: "Are you a front-line worker?", example: "是", sensitive: false, options: YES_NO },
];

/**
 * Words inside a typed answer that settle another fact ("重度肢体残疾" -> severe_disability: true).
 * Applied only when that other fact was not given.
 */
export const TEXT_IMPLIES: { fact: string; pattern: RegExp; implies: Record<string, boolean> }[] = [
  { fact: "disability", pattern: /重度|一级|二级|1级|2级/, implies: { severe_disability: true } },
  { fact: "disability", pattern: /轻度|中度|三级|四级|3级|4级/, implies: { severe_disability: false } },
];

export const FACTS: ReadonlyMap<string, FactSpec> = new Map(specs.map((s) => [s.name, s]));

export function factSpec(name: string): FactSpec | undefined {
  return FACTS.get(name);
}

export function isKnownFact(name: string): boolean {
  return FACTS.has(name) || name === "region";
}

export function isSensitiveFact(name: string): boolean {
  return FACTS.get(name)?.sensitive ?? false;
}
