/** What members ask, for the benchmarks that feed the whole bot (in-process and over HTTP): one list, so they measure the same mix. */
export const MEMBER_QUESTIONS = [
  "杭州外卖小哥哪里可以歇脚喝水",
  "失业了工会能帮我找工作吗",
  "家里困难孩子上大学有没有补助",
  "工伤以后工会能帮忙维权吗",
  "夏天高温有没有送清凉",
  "环卫工人冬天有什么慰问",
  "职工医疗互助保险怎么参加",
  "快递员可以在哪里免费充电",
  "残疾人就业有什么扶持",
  "农民工讨薪找谁",
  "工会法律援助热线是多少",
  "新就业形态劳动者怎么入会",
  "What help is there for injured workers?",
  "单亲妈妈有没有帮扶",
  "货车司机有没有休息的地方",
  "技能培训有补贴吗",
];
