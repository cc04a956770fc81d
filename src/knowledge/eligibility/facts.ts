/**
 * The facts registry: every fact a rule may use. Canonical names come from ../shared/eval/README.md;
 * facts added for this catalogue are marked "added". For each fact: its type, answer buttons when the
 * answer is a choice, words people type for each choice, and whether the answer is sensitive (kept only in
 * the conversation unless the member asks the bot to remember it). The question the bot asks and the
 * button labels members read are in the locale files (locales/<locale>/facts.ftl).
 */
import { translate } from "../../i18n.js";

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
  /** Its label's locale key is facts-option-<key>. */
  key: string;
  /** From the locale files (zh-CN, en); also words people type for this value. */
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
  /** From the locale files: facts-question-<name> (zh-CN, en). */
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

type OptionData = Omit<FactOption, "label" | "label_en">;
type SpecData = Omit<FactSpec, "question" | "question_en" | "options"> & { options?: OptionData[] };

const YES_NO: OptionData[] = [
  { value: true, key: "yes" },
  { value: false, key: "no" },
];

const specData: SpecData[] = [
  { name: "province", type: "place", example: "浙江", sensitive: false,
    options: [
      { value: "浙江", key: "province-zhejiang" },
      { value: "江苏", key: "province-jiangsu" },
    ], open: true },
  { name: "city", type: "place", example: "淮安", sensitive: false },
  { name: "county", type: "place", example: "海盐", sensitive: false },
  { name: "town", type: "place", example: "小浦镇", sensitive: false },
  { name: "village", type: "place", example: "中山村", sensitive: false },
  { name: "date", type: "date", example: "2024-01-25", sensitive: false },
  { name: "occupation", type: "string", example: "外卖配送员", sensitive: false, open: true,
    options: [
      { value: "快递员", key: "occupation-courier", aliases: ["快递小哥", "快递", "送快递", "快递员工", "courier"], implies: { works_outdoors: true } },
      { value: "外卖配送员", key: "occupation-food-delivery-rider", aliases: ["外卖小哥", "骑手", "外卖骑手", "送外卖", "外卖员", "外卖", "delivery rider", "rider"], implies: { works_outdoors: true } },
      { value: "网约车司机", key: "occupation-ride-hailing-driver", aliases: ["开网约车", "网约车", "滴滴司机", "跑滴滴", "滴滴", "ride-hailing"], implies: { works_outdoors: true } },
      { value: "货车司机", key: "occupation-truck-driver", aliases: ["卡车司机", "开货车", "货车", "跑运输", "大车司机"], implies: { works_outdoors: true } },
      { value: "环卫工人", key: "occupation-sanitation-worker", aliases: ["环卫工", "环卫", "清洁工", "扫马路"], implies: { works_outdoors: true } },
      { value: "工厂工人", key: "occupation-factory-worker", aliases: ["工人", "厂里上班", "进厂", "流水线"] },
      { value: "医务人员", key: "occupation-medical-worker", aliases: ["医生", "护士", "医护"] },
      { value: "基层干部", key: "occupation-grassroots-cadre", aliases: ["村干部", "社区干部"] },
    ] },
  { name: "works_outdoors", type: "boolean", example: "是", sensitive: false, options: YES_NO },
  { name: "union_member", type: "boolean", example: "是", sensitive: false, options: YES_NO },
  { name: "hardship_registered", type: "boolean", example: "是", sensitive: true, options: YES_NO },
  { name: "near_hardship", type: "boolean", example: "是", sensitive: true, options: YES_NO },
  { name: "hardship_cause", type: "string", example: "下岗失业", sensitive: true, open: true,
    options: [
      { value: "下岗失业", key: "hardship_cause-lost-job", aliases: ["失业", "下岗", "没工作", "丢了工作"] },
      { value: "工伤", key: "hardship_cause-work-injury", aliases: ["工作受伤", "工伤事故"] },
      { value: "病亡", key: "hardship_cause-death-in-family", aliases: ["去世", "病故", "死亡"] },
      { value: "大病", key: "hardship_cause-serious-illness", aliases: ["重病", "生病", "得病"] },
      { value: "因学", key: "hardship_cause-school-costs", aliases: ["上学", "读书", "学费"] },
      { value: "因灾", key: "hardship_cause-disaster", aliases: ["灾害", "火灾", "洪水"] },
      { value: "意外", key: "hardship_cause-accident", aliases: ["事故", "车祸"] },
    ] },
  { name: "self_paid_medical_yuan", type: "number", example: "4200", sensitive: true, unit: "元", derivedFrom: ["medical_total_yuan", "insurance_reimbursed_yuan"] },
  { name: "medical_total_yuan", type: "number", example: "10000", sensitive: true, unit: "元" },
  { name: "insurance_reimbursed_yuan", type: "number", example: "6500", sensitive: true, unit: "元" },
  { name: "mutual_aid_member", type: "boolean", example: "是", sensitive: false, options: YES_NO },
  // The illnesses members name most; others are taken as typed. English names come from the locale files.
  { name: "diagnosis", type: "string", example: "尿毒症", sensitive: true, open: true,
    options: [
      { value: "尿毒症", key: "diagnosis-kidney-failure" },
      { value: "癌症", key: "diagnosis-cancer" },
      { value: "白血病", key: "diagnosis-leukaemia" },
      { value: "脑梗", key: "diagnosis-stroke" },
      { value: "心脏病", key: "diagnosis-heart-disease" },
      { value: "糖尿病", key: "diagnosis-diabetes" },
      { value: "尘肺病", key: "diagnosis-pneumoconiosis" },
      { value: "大病", key: "diagnosis-serious-illness", aliases: ["重病", "重大疾病"] },
    ] },
  { name: "registered_unemployed", type: "boolean", example: "是", sensitive: false, options: YES_NO,
    settles: [{ when: true, facts: { unemployed: true } }] },
  { name: "unemployed", type: "boolean", added: true, example: "是", sensitive: false, options: YES_NO,
    settles: [
      { when: true, facts: { small_business_worker: false, frontline_worker: false, on_duty_during_festival: false, full_time_social_worker: false } },
      { when: false, facts: { registered_unemployed: false } },
    ] },
  { name: "changing_jobs", type: "boolean", added: true, example: "是", sensitive: false, options: YES_NO },
  { name: "wants_to_work", type: "boolean", example: "是", sensitive: false, options: YES_NO },
  { name: "wants_to_start_business", type: "boolean", example: "是", sensitive: false, options: YES_NO },
  { name: "age", type: "number", example: "45", sensitive: false, unit: "岁" },
  { name: "gender", type: "string", example: "女", sensitive: false,
    options: [
      { value: "男", key: "gender-male", aliases: ["男性", "男的"] },
      { value: "女", key: "gender-female", aliases: ["女性", "女的"] },
    ] },
  { name: "education", type: "string", example: "初中", sensitive: false, open: true,
    options: [
      { value: "小学", key: "education-primary" },
      { value: "初中", key: "education-junior-middle" },
      { value: "高中", key: "education-senior-middle", aliases: ["中专", "职高"] },
      { value: "大专", key: "education-college" },
      { value: "本科", key: "education-university", aliases: ["大学", "研究生"] },
    ] },
  { name: "disability", type: "level", example: "肢体", sensitive: true,
    options: [
      { value: "肢体", key: "disability-physical", aliases: ["肢体残疾", "腿", "手"] },
      { value: "智力", key: "disability-intellectual", aliases: ["智力残疾", "智障"] },
      { value: "精神", key: "disability-psychosocial", aliases: ["精神残疾"] },
      { value: "视力", key: "disability-visual", aliases: ["视力残疾", "盲"] },
      { value: "听力", key: "disability-hearing", aliases: ["听力残疾", "聋"] },
      { value: "言语", key: "disability-speech", aliases: ["言语残疾", "哑"] },
      { value: false, key: "disability-no-disability", aliases: ["没有", "无"] },
    ] },
  { name: "severe_disability", type: "boolean", added: true, example: "是", sensitive: true, options: YES_NO },
  { name: "on_duty_during_festival", type: "boolean", example: "是", sensitive: false, options: YES_NO },
  { name: "model_worker", type: "boolean", added: true, example: "不是", sensitive: false, options: YES_NO },
  { name: "social_worker_certificate", type: "level", example: "中级", sensitive: false,
    options: [
      { value: "初级", key: "social_worker_certificate-assistant", aliases: ["助理社会工作师", "助理社工师"] },
      { value: "中级", key: "social_worker_certificate-intermediate", aliases: ["社会工作师", "社工师"] },
      { value: "高级", key: "social_worker_certificate-senior", aliases: ["高级社会工作师", "高级社工师"] },
      { value: false, key: "social_worker_certificate-not-yet", aliases: ["没有", "没考", "报名了", "报名", "在考", "考试中", "还没拿到"] },
    ] },
  { name: "full_time_social_worker", type: "boolean", example: "是", sensitive: false, options: YES_NO },
  { name: "small_business_worker", type: "boolean", added: true, example: "是", sensitive: false, options: YES_NO },
  { name: "special_operations_worker", type: "boolean", added: true, example: "是", sensitive: false, options: YES_NO },
  { name: "resident_insured", type: "boolean", added: true, example: "是", sensitive: false, options: YES_NO },
  { name: "temporarily_stranded", type: "boolean", added: true, example: "是", sensitive: true, options: YES_NO },
  { name: "frontline_worker", type: "boolean", added: true, example: "是", sensitive: false, options: YES_NO },
];

/**
 * Words inside a typed answer that settle another fact ("重度肢体残疾" -> severe_disability: true).
 * Applied only when that other fact was not given.
 */
export const TEXT_IMPLIES: { fact: string; pattern: RegExp; implies: Record<string, boolean> }[] = [
  { fact: "disability", pattern: /重度|一级|二级|1级|2级/, implies: { severe_disability: true } },
  { fact: "disability", pattern: /轻度|中度|三级|四级|3级|4级/, implies: { severe_disability: false } },
];

function withTexts(data: SpecData): FactSpec {
  const option = (o: OptionData): FactOption => ({
    ...o,
    label: translate("zh-CN", `facts-option-${o.key}`),
    label_en: translate("en", `facts-option-${o.key}`),
  });
  const { options, ...rest } = data;
  return {
    ...rest,
    question: translate("zh-CN", `facts-question-${data.name}`),
    question_en: translate("en", `facts-question-${data.name}`),
    ...(options ? { options: options.map(option) } : {}),
  };
}

const specs = specData.map(withTexts);

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
