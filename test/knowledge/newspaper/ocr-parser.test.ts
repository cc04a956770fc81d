import { describe, expect, it } from "vitest";
import { IssueFileError, parseIssueText } from "../../../src/knowledge/newspaper/index.js";
import { byTitle, seed, squash } from "./seeds.js";

describe("OCR issue parser: masthead", () => {
  it("reads the date and issue number the page prints, and leaves the unprinted paper name null", async () => {
    const { issue } = await seed("zj2024");
    expect(issue).toMatchObject({ paper: null, date: "2024-11-07", number: "12773", cn: "CN33—0018", lunarDate: "甲辰年十月初七" });
    expect(issue.id).toBe("cn33-0018-2024-11-07-12773");
  });

  it("reads the paper's name when the masthead prints it", async () => {
    const { issue } = await seed("zj2022");
    expect(issue).toMatchObject({ paper: "浙江工人日报", date: "2022-04-08", number: "12079" });
  });

  it("gives pages without a masthead null paper, date and number, and a stable id from their text", async () => {
    const { issue } = await seed("outdoor");
    expect(issue).toMatchObject({ paper: null, date: null, number: null });
    const text = "\n\n省总工会召开安全生产会议\n\n本报讯 记者李凡报道 1月29日下午,省总工会组织召开安全生产工作领导小组会议,对全省工作提出要求。\n";
    expect(parseIssueText(text, "a.txt").issue.id).toBe(parseIssueText(text.replace(/\n/g, "\r\n"), "b.txt").issue.id);
    expect(parseIssueText(text, "a.txt").issue.id).not.toBe(issue.id);
  });

  it("does not turn masthead furniture (hotline, serial numbers, social accounts) into articles", async () => {
    const all = [...(await seed("zj2024")).articles, ...(await seed("jiangsu")).articles, ...(await seed("zj2022")).articles];
    for (const a of all) expect(a.title).not.toMatch(/热线|CN33|邮发代号|^微信$|^微博$|社址/);
    expect(all.some((a) => a.body.includes("88851111"))).toBe(false);
  });
});

describe("OCR issue parser: cleaning", () => {
  it("removes the spaces OCR put inside Chinese words and numbers", async () => {
    const a = byTitle(await seed("zj2024"), "我国民营经济主体 10余年间增长超4倍");
    expect(a.body).toContain("截至2024年9月底,我国实有民营经济主体总量达18086.48万户");
    expect(a.body).not.toMatch(/\p{Script=Han} \p{Script=Han}/u);
  });

  it("keeps a space between Latin words and numbers", () => {
    const parsed = parseIssueText(
      "上线新应用\n\n本报讯 记者王明报道 职工可以下载 APP 2024 版本,在手机上 申请 帮扶,办理 Union Card 业务。\n",
      "latin.txt",
    );
    expect(parsed.articles[0].body).toBe("职工可以下载APP 2024版本,在手机上申请帮扶,办理Union Card业务。");
  });

  it("joins lines broken in the middle of a sentence, also in a narrow column", async () => {
    const social = byTitle(await seed("zj2024"), "坚定不移走中国特色社会主义社会治理之路 推动新时代社会工作高质量发展");
    expect(social.body).toContain("社会工作面临新形势新任务,必须展现新担当新作为。");
    const narrow = byTitle(await seed("zj2022"), "聚焦中心大局,更好履职尽责");
    expect(narrow.body).toContain(
      "他指出,省直机关工会在履行工会职责时做到了试点先行、分层分类、加强工作指导、科学有序推进落实,结合工会工作实际,建立起一整套完整的工会工作推进落实制度机制",
    );
  });

  it("takes the byline out of the body and keeps it as the byline", async () => {
    const a = byTitle(await seed("socialWork"), "本周全省大部最高气温将冲破25℃");
    expect(a.byline).toBe("本报讯(记者 张源)");
    expect(a.body.startsWith("11月11日,记者从省气象部门获悉")).toBe(true);
    const xinhua = byTitle(await seed("outdoor"), "去年入冬以来 我国取暖救助惠及485.1万户");
    expect(xinhua.byline).toBe("新华社北京1月30日电");
  });
});

describe("OCR issue parser: segmentation", () => {
  it("finds every story of a page with its headline", async () => {
    const titles = (await seed("zj2024")).articles.map((a) => squash(a.title));
    expect(titles).toEqual(
      [
        "我国民营经济主体10余年间增长超4倍",
        "坚定不移走中国特色社会主义社会治理之路推动新时代社会工作高质量发展",
        "学做年糕传承民俗",
        "让\"越温暖\"更温暖",
        "飞机维修哪家强?",
        "共富工坊点亮残疾人就业梦",
      ],
    );
  });

  it("separates a headline printed over several lines into title and kicker/sub-headline", async () => {
    const haiyan = byTitle(await seed("outdoor"), "架起技能与就业的转换通道");
    expect(haiyan.kicker).toContain("海盐工会聚焦最基本民生");
    expect(haiyan.kicker).toContain("全省工会助力共同富裕创新案例");
    const olympics = byTitle(await seed("jiangsu"), "坚定信心再接再厉抓好各项筹备工作 确保北京冬奥会冬残奥会圆满成功");
    expect(olympics.kicker).toBe("习近平考察冬奥会、冬残奥会筹办备赛工作时强调");
    const skills = byTitle(await seed("zj2022"), "我省全面提升小微主体职业技能水平");
    expect(skills.kicker).toBe("三年开展培训69.53万人次");
    const party = byTitle(await seed("socialWork"), "关爱新就业群体 培育基层治理力量");
    expect(party.kicker).toBe("中央首次召开社会工作会议,浙江如何落实部署——");
  });

  it("keeps section headings (小标题) inside their story instead of starting new ones", async () => {
    const issue = await seed("zj2024");
    const story = byTitle(issue, '让"越温暖"更温暖');
    expect(story.body).toContain("破题:搭建框架扫除盲点,夯实精准兜底基础\n");
    expect(story.kind).toBe("feature");
    expect(issue.articles.some((a) => a.title.startsWith("破题"))).toBe(false);
  });

  it("marks a story whose headline was lost and titles it from its first phrase, without a marker or an invented headline", async () => {
    const issue = await seed("outdoor");
    const lost = issue.articles.filter((a) => a.titleMissing);
    expect(lost).toHaveLength(1);
    expect(lost[0].title).toMatch(/^在今年省“两会”上,改造提升户外劳动者服务站点/);
    for (const a of issue.articles) expect(a.title).not.toMatch(/\[|标题缺失/);
    expect(lost[0].byline).toBe("记者张浩呈报道");
    expect(lost[0].body).toContain("改造提升户外劳动者服务站点1000家以上被正式纳入省政府民生实事项目");
  });

  it("reunites a story interrupted by a photo and a brief", async () => {
    const issue = await seed("outdoor");
    const lost = issue.articles.find((a) => a.titleMissing)!;
    expect(lost.body).toContain("更高目标更高要求");
    expect(lost.body).toContain("目标已经明确、路径更加清晰");
    const brief = byTitle(issue, "去年入冬以来 我国取暖救助惠及485.1万户");
    expect(brief.body).not.toContain("户外劳动者");
    expect(byTitle(issue, "张灯结彩 迎新春").kind).toBe("photo");
  });

  it("makes a photo with its caption an article of kind photo, credit as byline", async () => {
    const photo = byTitle(await seed("zj2024"), "学做年糕 传承民俗");
    expect(photo.kind).toBe("photo");
    expect(photo.byline).toBe("通讯员郑莎 摄");
    expect(photo.body).toMatch(/^11月5日,在温岭市滨海镇雨伞庙村一农户家年糕作坊里.*民俗文化。$/u);
    const inline = byTitle(await seed("jiangsu"), "新能源年发电量突破1万亿千瓦时");
    expect(inline).toMatchObject({ kind: "photo", byline: "汤德宏 杨斌 摄" });
  });

  it("keeps a story's lead photo caption inside the story", async () => {
    const issue = await seed("zj2022");
    const lead = byTitle(issue, "增强使命感 找准着力点 确保重大决策部署在工会系统高效落地");
    expect(lead.kind).toBe("news");
    expect(lead.body).toContain("部署推进(视频)会召开。");
    expect(lead.body).toContain("史济锡出席会议并讲话");
    expect(issue.articles).toHaveLength(6);
  });

  it("ends a story at its closing byline", async () => {
    const issue = await seed("socialWork");
    expect(byTitle(issue, "关爱新就业群体 培育基层治理力量").byline).toBe("(本报记者 陆乐)");
    const diary = byTitle(issue, "文化特派员日记");
    expect(diary.kicker).toBe("重点结对村:杭州市丁兰街道皋城村");
    expect(diary.body.startsWith("在不久前结束的第十八届杭州文化创意产业博览会上")).toBe(true);
  });

  it("keeps only one copy of a paragraph printed twice, in the story it belongs to", async () => {
    const issue = await seed("jiangsu");
    const copies = (needle: string) => issue.articles.filter((a) => a.body.includes(needle));
    const olympics = copies("确保北京冬奥会、冬残奥会圆满成功");
    expect(olympics.map((a) => squash(a.title))).toEqual(["坚定信心再接再厉抓好各项筹备工作确保北京冬奥会冬残奥会圆满成功"]);
    expect(olympics[0].body.split("确保北京冬奥会、冬残奥会圆满成功").length).toBe(2);
    const socialWorkers = copies("全省取得社会工作者职业资格证书的人员达7.93万人");
    expect(socialWorkers.map((a) => a.title)).toEqual(["江苏出台意见加快推动社会工作高质量发展"]);
  });

  it("keeps one copy of a line a stuck scan repeated thousands of times", () => {
    const line = "职工服务站为户外劳动者提供休息、饮水、热饭和充电服务，工会将持续推进站点建设。";
    const issue = parseIssueText(`浙江工人日报\n${`${line}\n`.repeat(3000)}`, "stuck-scan.txt");
    const bodies = issue.articles.map((a) => a.body).join("\n");
    expect(bodies.split(line).length - 1).toBe(1);
  });

  it("keeps text continued from another page as its own marked article, with the text OCR misplaced", async () => {
    const issue = await seed("socialWork");
    const continued = issue.articles.find((a) => a.continuedFrom);
    expect(continued).toMatchObject({ continuedFrom: "第一版", titleMissing: true });
    expect(continued!.title).toMatch(/^以前,企业的能耗是一笔/);
    expect(continued!.body).toContain("在企业生产车间,只见其生产线、配电房等位置新安装了100多个数据采集器");
    const school = byTitle(issue, "龙游拆窗破网提升校园消防安全");
    expect(school.body).not.toMatch(/碳/u);
    expect(school.body).toMatch(/安全隐患排查。$/u);
  });

  it("removes an OCR space inside a headline phrase and keeps the printed gap between two phrases", () => {
    const story = "本报讯 记者王明报道 今年全省工会将组织一线职工疗休养,重点安排快递员、外卖配送员参加疗休养活动,名额向基层倾斜。";
    const titleOf = (headline: string) => parseIssueText(`${headline}\n${story}`, "page.txt").articles[0]!.title;
    // A phrase cut short after 的/与 is one phrase: the space is the scanner's, not the paper's.
    expect(titleOf("搭好培训与 岗位对接的桥梁")).toBe("搭好培训与岗位对接的桥梁");
    expect(titleOf("织密职工服务的 温暖网络")).toBe("织密职工服务的温暖网络");
    // A headline broken over two lines in the middle of a phrase is one title, not a title and a kicker.
    expect(titleOf("搭好职工技能培训与\n岗位需求对接的桥梁")).toBe("搭好职工技能培训与岗位需求对接的桥梁");
    expect(titleOf("全省职工疗休养工作会议\n在杭州召开")).toBe("全省职工疗休养工作会议在杭州召开");
    // Two phrases printed side by side keep their gap.
    expect(titleOf("送清凉 暖人心")).toBe("送清凉 暖人心");
  });

  it("joins a story continued on a later page of the same file", () => {
    const text = [
      "全省职工疗休养工作启动",
      "本报讯 记者王明报道 今年全省工会将组织一线职工疗休养,重点安排快递员、外卖配送员参加疗休养活动,名额向基层倾斜。(下转第二版)",
      "学做年糕 传承民俗",
      "本报讯 记者李红报道 昨日,温岭市滨海镇中心小学开展做年糕迎立冬主题活动,学生体验年糕制作。",
      "(上接第一版)",
      "疗休养活动分春秋两季,职工疗休养期间工资照发,快递员和外卖配送员报名可找所在企业工会。",
    ].join("\n\n");
    const parsed = parseIssueText(text, "pages.txt");
    expect(parsed.articles.map((a) => a.title)).toEqual(["全省职工疗休养工作启动", "学做年糕 传承民俗"]);
    expect(parsed.articles[0].body).toContain("名额向基层倾斜。\n疗休养活动分春秋两季");
    expect(parsed.articles[0].continuesTo).toBeUndefined();
  });
});

describe("OCR issue parser: refusals", () => {
  it("refuses text without Chinese newspaper content, naming the file", () => {
    expect(() => parseIssueText("hello world\nthis is not a newspaper\n", "notes.txt")).toThrow(IssueFileError);
    expect(() => parseIssueText("hello world\n", "notes.txt")).toThrow(/notes\.txt: no recognisable newspaper text/);
    expect(() => parseIssueText("\n \n", "blank.txt")).toThrow(/blank\.txt: the file is empty/);
  });
});
