import { describe, expect, it } from "vitest";
import { parseIssueText } from "../../../src/knowledge/newspaper/index.js";
import { isCreditLine, matchByline, splitInlineCredit } from "../../../src/knowledge/newspaper/patterns.js";

describe("bylines, datelines and credits seen on Chinese newspaper pages", () => {
  it.each([
    ["本报讯 记者李凡报道 1月29日下午,省总工会组织召开会议。", "本报讯 记者李凡报道"],
    ["本报讯(记者 施安南 通讯员 姜亚彬)在城市街区中,", "本报讯(记者 施安南 通讯员 姜亚彬)"],
    ["本报讯 记者曾晨路 通讯员汪燕盼报道 日前,杭州市总工会", "本报讯 记者曾晨路 通讯员汪燕盼报道"],
    ["本报杭州11月6日讯 记者王明 今天上午,", "本报杭州11月6日讯 记者王明"],
    ["记者张浩呈报道 在今年省“两会”上,", "记者张浩呈报道"],
    ["新华社北京1月30日电 2023年入冬以来,", "新华社北京1月30日电"],
    ["据新华社电 日前,国务院办公厅印发", "据新华社电"],
    ["本报记者 王明 通讯员 李红", "本报记者 王明 通讯员 李红"],
  ])("reads the byline of %s", (line, byline) => {
    expect(matchByline(line)?.byline).toBe(byline);
  });

  it.each(["会议强调,春节临近,安全生产形势严峻复杂。", "记者注意到,今年的政策包中向企业倾斜", "本报记者认为这是一件好事。"])(
    "does not take body text for a byline: %s",
    (line) => {
      expect(matchByline(line)).toBeNull();
    },
  );

  it("recognises photo credits on their own line and at the end of a caption", () => {
    expect(isCreditLine("通讯员倪立芳、姜睿 摄")).toBe(true);
    expect(isCreditLine("拍友 宋伟民 本报记者 徐文迪 摄")).toBe(true);
    expect(isCreditLine("王明/摄")).toBe(true);
    expect(isCreditLine("全省工会系统摄影比赛作品展")).toBe(false);
    expect(splitInlineCredit("昨日下午,吕志良赴省直机关工会调研工会工作。记者邹伟峰 摄")).toEqual({
      caption: "昨日下午,吕志良赴省直机关工会调研工会工作。",
      credit: "记者邹伟峰 摄",
    });
  });

  it("does not read a headline that starts with a date as the masthead", () => {
    const parsed = parseIssueText(
      "2025年1月1日起施行新的工会法实施办法\n\n本报讯 记者王明报道 新的实施办法明确了职工权益保障的若干措施,工会组织要认真贯彻落实。",
      "headline-date.txt",
    );
    expect(parsed.issue.date).toBeNull();
    expect(parsed.articles[0].title).toBe("2025年1月1日起施行新的工会法实施办法");
  });
});
