/**
 * Scoring of the retrieval evaluation (scripts/eval/support/retrieval-report.ts): what counts as right at 1 and
 * at 3, a confident answer leading with the wrong article, false refusals, unanswerable questions, and reference
 * titles of lost headlines resolved to the title the bot shows.
 */
import { describe, expect, it } from "vitest";
import { answeredAt, figures, resolveLostHeadlines, type EvalOutcome, type EvalQuestion } from "../../scripts/eval/support/retrieval-report.js";
import type { Answer, AnswerConfidence, Hit } from "../../src/knowledge/types.js";

const hit = (title: string, snippet = "无关的内容"): Hit => ({
  kind: "article",
  id: title,
  title,
  snippet,
  source: { paper: "报", date: "2025-01-01", issue: "1", title },
  score: 1,
});
const reply = (confidence: AnswerConfidence, hits: Hit[]): Answer => ({ q: "q", found: confidence === "answer", confidence, answer: "", hits });
const question = (over: Partial<EvalQuestion> = {}): EvalQuestion => ({ id: "x1", q: "q", article: "司机之家开张", must: ["12张"], type: "news", ...over });
const outcome = (q: EvalQuestion, a: Answer): EvalOutcome => ({
  question: q,
  answer: a,
  top1: answeredAt(q, a, 1),
  top3: answeredAt(q, a, 3),
  strict1: answeredAt(q, a, 1, false),
  strict3: answeredAt(q, a, 3, false),
});

describe("retrieval eval scoring", () => {
  it("counts a confident answer that leads with the wrong article as confident-wrong, still right at 3", () => {
    const q = question();
    const o = outcome(q, reply("answer", [hit("别的报道"), hit("司机之家开张")]));
    expect(o.top1).toBe(false);
    expect(o.top3).toBe(true);
    const f = figures([o]);
    expect(f.confidentWrong).toBe(1);
    expect(f.falseRefusals).toBe(0);
  });

  it("a related reply with the right article first is a false refusal, not confident-wrong", () => {
    const f = figures([outcome(question(), reply("related", [hit("司机之家开张")]))]);
    expect(f.top1).toBe(1);
    expect(f.confidentWrong).toBe(0);
    expect(f.falseRefusals).toBe(1);
    expect(f.falseRelated).toBe(1);
  });

  it("the facts in a snippet count without the citation; a related reply's own text does not", () => {
    const q = question({ article: null });
    expect(answeredAt(q, reply("answer", [hit("别的报道", "屋里有12张床")]), 1)).toBe(true);
    expect(answeredAt(q, { ...reply("related", [hit("别的报道")]), answer: "12张" }, 1)).toBe(false);
  });

  it("a must written with a compatibility character (℃) matches the text it was written against", () => {
    const q = question({ article: null, must: ["40℃"] });
    expect(answeredAt(q, reply("answer", [hit("别的报道", "气温达到40℃以上停止露天作业")]), 1)).toBe(true);
    expect(answeredAt(q, reply("answer", [hit("别的报道", "气温达到35℃以上缩短作业时间")]), 1)).toBe(false);
  });

  it("unanswerable questions: answered confidently, offered as related, refused", () => {
    const none = question({ type: "none", article: null, must: [] });
    const f = figures([outcome(none, reply("answer", [hit("a")])), outcome(none, reply("related", [hit("a")])), outcome(none, reply("none", []))]);
    expect([f.unansweredConfident, f.unansweredRelated, f.unansweredNone]).toEqual([1, 1, 1]);
    expect(f.answerable).toBe(0);
  });

  it("a lost-headline reference title matches the first-phrase title the story is shown with", () => {
    const [q] = resolveLostHeadlines([question({ article: "[标题缺失] 户外站点建设动员会", seed: "p1.txt", must: ["安阳"] })], (seed) =>
      seed === "p1.txt" ? [{ title: "在今年省两会上,改造提升户外站点…", body: "我省召开户外站点建设动员会。" }] : null,
    );
    expect(answeredAt(q, reply("answer", [hit("在今年省两会上,改造提升户外站点…")]), 1)).toBe(true);
    expect(answeredAt(q, reply("answer", [hit("别的报道")]), 1)).toBe(false);
  });

  it("of several headline-less stories on the page, the one the description fits", () => {
    const [q] = resolveLostHeadlines([question({ article: "[片段] 衢州碳账户报道", seed: "p2.txt" })], () => [
      { title: "以前,企业的能耗…", body: "衢州建立碳账户,企业能耗一目了然。" },
      { title: "本报讯昨天…", body: "杭州举行运动会。" },
    ]);
    expect(q.titles).toContain("以前,企业的能耗…");
    expect(q.titles).not.toContain("本报讯昨天…");
  });

  it("a question whose seed page is unknown keeps its reference title", () => {
    const q = question({ article: "[标题缺失] 某报道", seed: "missing.txt" });
    expect(resolveLostHeadlines([q], () => null)[0]).toBe(q);
  });
});
