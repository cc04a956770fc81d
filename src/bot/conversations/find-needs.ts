/** What a member may need (first step of /find), mapped to catalogue categories and words people type. */
import type { ProgrammeCategory } from "../../knowledge/catalogue/types.js";

export interface Need {
  key: string;
  /** Locale message id of the button. */
  label: string;
  categories: ProgrammeCategory[] | "all";
  /** Words in a typed answer that point to this need. */
  words: RegExp;
}

export const NEEDS: Need[] = [
  { key: "rest", label: "find-need-rest", categories: ["station_network", "food"], words: /歇脚|休息|充电|热饭|吃饭|喝水|厕所|如厕|驿站|站点|rest|charg|meal|station/i },
  { key: "money", label: "find-need-money", categories: ["hardship_aid", "elderly"], words: /困难|帮扶|救助|没钱|生活|慰问|送温暖|取暖|老人|养老|hardship|money|aid/i },
  { key: "medical", label: "find-need-medical", categories: ["medical_aid", "health"], words: /看病|医疗|医药|住院|生病|大病|兜底|体检|疫苗|medical|hospital|ill|doctor/i },
  { key: "job", label: "find-need-job", categories: ["employment", "training"], words: /工作|就业|失业|培训|技能|学|创业|转岗|残疾|job|work|train|skill|unemploy/i },
  { key: "cert", label: "find-need-cert", categories: ["subsidy", "social_work"], words: /证|补贴|奖励|津贴|社工|certificate|subsid/i },
  { key: "voice", label: "find-need-voice", categories: ["voice", "other", "legal"], words: /反映|投诉|建议|诉求|法律|维权|complain|legal|suggest/i },
  { key: "all", label: "find-need-all", categories: "all", words: /都|全部|所有|不知道|随便|all|every/i },
];

/** The need a typed answer points to, or undefined. */
export function needFromText(text: string): Need | undefined {
  return NEEDS.find((n) => n.key !== "all" && n.words.test(text)) ?? NEEDS.find((n) => n.key === "all" && n.words.test(text));
}
