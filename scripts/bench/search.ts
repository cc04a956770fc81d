/**
 * Search benchmark (`npm run bench search`). Prints, for the shipped data and for a synthetic corpus of 20k
 * passages: index build time, `ask` latency p50/p95, the same lookups through raw FlexSearch with the same
 * tokens (the baseline: candidate lookup only, no ranking, snippets or answer), and their ratio;
 * plus cold start (jieba dictionaries, loadKnowledge) and resident memory (RSS).
 * Ratios are measured in this run, so they hold across machines better than the absolute times.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SearchEngine as Engine } from "../../src/knowledge/search/engine.js";

const processStart = performance.now();
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (x: number) => (x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(2)} ms`);
const out = (line = "") => process.stdout.write(`${line}\n`);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Deterministic shuffling so runs are comparable. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const QUESTIONS = [
  "余杭哪里能热饭充电?",
  "我在淮安,看病自己花了四千多,工会能兜底吗?",
  "没工作了有免费培训吗?",
  "外卖小哥在杭州哪里能歇脚?",
  "宁波社工证补贴有多少?",
  "困难职工家里孩子上学有补助吗",
  "冬天取暖费交不起怎么办",
  "快递员受伤了能去驿站看一下吗",
  "浙江户外劳动者服务站点有多少个",
  "送温暖慰问金发给哪些人",
  "残疾人能在共富工坊做什么活",
  "Where can delivery riders charge their phones in Hangzhou?",
  "Is there free training for unemployed workers?",
  "网约车司机有什么保障",
  "夏天高温工会送清凉吗",
  "职工大病互助会怎么加入",
  "飞机维修技能比赛谁得了第一",
  "今天股票会涨吗",
  "浙江今年平均气温多少度",
  "灵活就业人员岗前培训",
];

async function main(): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, "data"));
  const { warmUpSegmenter, configureSegmenter } = await import("../../src/knowledge/text/segmenter.js");
  const { openStore } = await import("../../src/storage/open.js");
  const { loadKnowledge } = await import("../../src/knowledge/index.js");
  const { SearchEngine } = await import("../../src/knowledge/search/engine.js");
  const { answerQuestion } = await import("../../src/knowledge/search/ask.js");
  const { splitSentences } = await import("../../src/knowledge/search/snippet.js");
  const { analyzeQuery } = await import("../../src/knowledge/text/analyze.js");
  const importsDone = performance.now();

  // --- cold start ---
  const rssStart = process.memoryUsage().rss;
  configureSegmenter({ dictDir: path.join(dataDir, "dict") });
  let t = performance.now();
  warmUpSegmenter();
  const jiebaMs = performance.now() - t;
  const rssJieba = process.memoryUsage().rss;
  const dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-bench-")), "bench.db");
  const store = await openStore(`sqlite:${dbFile}`);
  t = performance.now();
  const knowledge = await loadKnowledge({ store, dataDir });
  const loadMs = performance.now() - t;
  const coldStartMs = performance.now() - processStart;
  const rssLoaded = process.memoryUsage().rss;

  out("Cold start");
  out(`  process start -> knowledge ready: ${ms(coldStartMs)}  (module imports ${ms(importsDone - processStart)}, jieba dictionaries ${ms(jiebaMs)}, loadKnowledge incl. first ingest of data/issues into an empty database ${ms(loadMs)})`);
  out(`  RSS: ${mb(rssStart)} at start, ${mb(rssJieba)} after jieba (+${mb(rssJieba - rssStart)}), ${mb(rssLoaded)} with the shipped index`);
  out();

  // --- shipped data ---
  t = performance.now();
  await knowledge.reindex();
  const shippedBuildMs = performance.now() - t;
  const size = knowledge.size;
  const analyze = (q: string) => knowledge.analyzeFull(q);

  async function measure(engine: Engine, rounds: number): Promise<void> {
    const ctx = { engine, analyze, providers: [] };
    for (const q of QUESTIONS) await answerQuestion(q, ctx); // warm caches (region tags, JIT)
    const askTimes: number[] = [];
    const rawTimes: number[] = [];
    const tokens = QUESTIONS.map((q) => analyze(q).weighted.map((w) => w.term).join(" "));
    for (let r = 0; r < rounds; r++) {
      QUESTIONS.forEach((q, i) => {
        const t0 = performance.now();
        engine.index.flex.search(tokens[i], { limit: 5, suggest: true });
        rawTimes.push(performance.now() - t0);
      });
      for (const q of QUESTIONS) {
        const t0 = performance.now();
        await answerQuestion(q, ctx);
        askTimes.push(performance.now() - t0);
      }
    }
    const p50 = percentile(askTimes, 50);
    const p95 = percentile(askTimes, 95);
    const r50 = percentile(rawTimes, 50);
    const r95 = percentile(rawTimes, 95);
    out(`  ask latency (analysis + FlexSearch candidates + ranking + snippets + answer), ${askTimes.length} questions: p50 ${ms(p50)}, p95 ${ms(p95)}`);
    out(`  raw FlexSearch lookup, same tokens, limit 5, suggest (baseline): p50 ${ms(r50)}, p95 ${ms(r95)}`);
    out(`  ratio ask / raw lookup: p50 ${(p50 / r50).toFixed(1)}x, p95 ${(p95 / r95).toFixed(1)}x  (what the ranking over candidates costs on top of the index)`);
  }

  out(`Shipped data: ${size.programmes} programmes + ${size.articles} articles = ${size.passages} passages`);
  out(`  index build (segmentation + FlexSearch + term statistics): ${ms(shippedBuildMs)}`);
  await measure(knowledge.engine, 5);
  out();

  // --- synthetic 20k passages ---
  const { articleDocument } = await import("../../src/knowledge/index.js");
  const { programmeDocument } = await import("../../src/knowledge/search/documents.js");
  const articles = await store.issues.allArticles();
  const realDocs = [...knowledge.catalogue.programmes.map(programmeDocument), ...articles.map(articleDocument)];
  const sentences = realDocs.flatMap((d) => splitSentences(d.body)).filter((s) => s.length >= 8);
  const titles = realDocs.map((d) => d.title);
  const random = rng(20241107);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const TARGET = 20_000;
  const synthetic = [];
  for (let i = 0; i < TARGET; i++) {
    let body = "";
    while (body.length < 220) body += pick(sentences);
    const title = `${pick(titles)}（${i}）`;
    synthetic.push({
      kind: "article" as const,
      id: `synthetic/${i}`,
      title,
      extraTitle: "",
      body: body.slice(0, 300),
      source: { paper: "合成测试报", date: null, issue: String(i), title },
      regionText: "",
    });
  }
  t = performance.now();
  const big = SearchEngine.build(synthetic, knowledge.gazetteer);
  const bigBuildMs = performance.now() - t;
  out(`Synthetic corpus: ${big.passageCount} passages of ~300 characters (real sentences shuffled, real titles)`);
  out(`  index build: ${ms(bigBuildMs)} (${((bigBuildMs / big.passageCount) * 1000).toFixed(0)} µs per passage)`);
  await measure(big, 2);
  out(`  RSS with both indexes: ${mb(process.memoryUsage().rss)}`);

  // A pasted wall of letters must not stall the analysis: 4x the letters should cost about 4x, not 16x.
  const analysisMs = (letters: number) => {
    let best = Infinity;
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      analyzeQuery(`${"a".repeat(letters)}${round}`, knowledge.lexicon);
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };
  const shortMs = analysisMs(20_000);
  const longMs = analysisMs(80_000);
  out(`Question analysis of a run of letters: 20,000 ${ms(shortMs)}, 80,000 ${ms(longMs)} = ${(longMs / shortMs).toFixed(1)}x (4x is linear, 16x quadratic)`);
  await store.close();
}

await main();
