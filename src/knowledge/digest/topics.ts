/**
 * Topic classification of newspaper articles by keyword rules over the normalised title and body.
 *
 * Substring rules over normalised text (OCR spaces removed, full-width folded) rather than over jieba
 * tokens: a rule word such as 困难职工 must match whether jieba cuts it as one word or as 困难/职工, and
 * every rule word has two or more characters, so substring matches are words in practice.
 */
import type { DigestTopic } from "./types.js";
import { normalizeText } from "../text/normalize.js";

export type ClassifiedTopic = Exclude<DigestTopic, "all">;

/** word -> weight: 2 names the topic itself, 1 is typical context. */
export const TOPIC_RULES: Record<ClassifiedTopic, Record<string, number>> = {
  stations_outdoor: {
    驿站: 2, 户外劳动者: 2, 户外工作者: 2, 服务站点: 2, 暖心驿站: 2, 爱心驿站: 2, 职工之家: 1, 歇脚: 2, 送清凉: 2,
    防暑降温: 2, 高温: 1, 外卖: 1, 快递: 1, 骑手: 2, 快递员: 2, 外卖小哥: 2, 环卫: 2, 网约车: 1, 货车司机: 2,
    新就业形态: 2, 新就业群体: 2, 热饭: 2, 充电: 1, 饮水: 1, 休息: 1, 暖冬: 1,
  },
  hardship_medical: {
    困难职工: 2, 帮扶: 2, 送温暖: 2, 救助: 2, 医疗互助: 2, 大病: 2, 慰问: 1, 补助: 1, 兜底: 2, 二次报销: 2,
    住院: 1, 医疗: 1, 医保: 1, 互助保障: 2, 困难家庭: 2, 解困: 2, 救急: 2, 特困: 2, 低保: 2, 助学: 2, 金秋助学: 2,
    慈善: 1, 疾病: 1, 职工医疗: 2,
  },
  training_jobs: {
    培训: 2, 技能: 1, 职业技能: 2, 技能培训: 2, 就业: 2, 再就业: 2, 招聘: 2, 岗位: 1, 求职: 2, 创业: 2, 失业: 1,
    技能竞赛: 2, 劳动竞赛: 1, 工匠: 1, 技师: 1, 学历提升: 2, 职业介绍: 2, 用工: 1, 招工: 2, 见习: 2, 实训: 2,
  },
  rights_law: {
    维权: 2, 法律: 1, 法律援助: 2, 劳动合同: 2, 欠薪: 2, 拖欠工资: 2, 讨薪: 2, 劳动争议: 2, 仲裁: 2, 权益: 1,
    权益保障: 2, 工伤: 2, 社保: 1, 社会保险: 1, 普法: 2, 律师: 1, 法院: 1, 劳动保护: 2, 集体协商: 2,
    工资集体协商: 2, 劳动法: 2, 职业病: 2, 安全生产: 1, 休息休假: 2,
  },
};

export const CLASSIFIED_TOPICS = Object.keys(TOPIC_RULES) as ClassifiedTopic[];

/** Score at which an article belongs to a topic: the topic named once in the headline, or a few times in the body. */
export const TOPIC_THRESHOLD = 4;

function count(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

/**
 * Scores per topic: each rule word counts weight x 3 per headline occurrence plus weight per body occurrence
 * (at most 3 body occurrences, so one long article cannot swamp the ranking).
 */
export function scoreTopics(title: string, body: string): Record<ClassifiedTopic, number> {
  const t = normalizeText(title);
  const b = normalizeText(body);
  const scores = {} as Record<ClassifiedTopic, number>;
  for (const topic of CLASSIFIED_TOPICS) {
    let score = 0;
    for (const [word, weight] of Object.entries(TOPIC_RULES[topic])) {
      score += weight * (3 * count(t, word) + Math.min(3, count(b, word)));
    }
    scores[topic] = score;
  }
  return scores;
}

export function topicsOf(scores: Record<ClassifiedTopic, number>): ClassifiedTopic[] {
  return CLASSIFIED_TOPICS.filter((topic) => scores[topic] >= TOPIC_THRESHOLD);
}
