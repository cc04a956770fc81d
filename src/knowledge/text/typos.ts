/**
 * Homophone slips members make when typing or dictating a question (反应 for 反映, 再哪 for 在哪, 考正 for
 * 考证), corrected before the question is cut into words, so the word the sources print is searched and the
 * asked fact is read from the intended words. Each slip is corrected only where the typed word cannot be meant
 * (过敏反应 stays). Questions only: the sources are printed text.
 */

const SLIPS: ReadonlyArray<readonly [RegExp, string]> = [
  // 反映问题 (report a problem) typed as 反应 (reaction): after where/whom/how to, or before what is reported.
  [/(?<=(哪里|哪儿|哪|谁|怎么|向|找|去|跟|到|给|可以|能|要|想|来)(去|到|找|向)?)反应|反应(?=(问题|情况|诉求|意见|困难|一下))/g, "反映"],
  // 在哪 (where) typed as 再哪 (again which): 再 never comes before 哪 in a question.
  [/再(?=(哪|那里|那儿))/g, "在"],
  // 哪里 typed as 那里 after 在/去/到 in a question that asks nothing else (在那里领 -> 在哪里领).
  [/(?<=(在|去|到|找))那(?=(里|儿|个部门|个单位)[^吗嘛呢，。,\s]*[?？]?$)/g, "哪"],
  // Words that exist only as slips: 考正 (考证), 补帖 (补贴), 驿战 (驿站), 报消 (报销), 申清 (申请), 扫马入会 (扫码).
  [/考正/g, "考证"],
  [/补帖/g, "补贴"],
  [/驿战/g, "驿站"],
  [/报消/g, "报销"],
  [/申清/g, "申请"],
  [/扫马(?=(入会|领|报名|登记|申请))/g, "扫码"],
  // 补给点 (supply point) dictated as 不给点 (not give a bit): only as a noun, before where/which/how many.
  [/不给(?=(点|站)(在|有|哪|位置|地址|电话|几|多少|怎么|的|[?？\s]|$))/g, "补给"],
];

/** Only questions asking where or what have the 那里 slip; "去那里领吗" (go there?) is meant as typed. */
const WH_ELSEWHERE = /哪|什么|啥|谁|多少|几|怎么|吗|嘛|不|没/;

export function correctSlips(question: string): string {
  let text = question;
  for (const [slip, meant] of SLIPS) {
    if (meant === "哪" && WH_ELSEWHERE.test(text)) continue;
    text = text.replace(slip, meant);
  }
  return text;
}
