/**
 * Newspaper issues benchmark. Prints:
 *  - parse time per OCR page for the shipped pages (mean over repeated runs), and for one large synthetic
 *    file made of the five pages repeated 8 times (ratio per page against the single pages: how segmentation
 *    and the repair passes scale with page size);
 *  - parse time for one line repeated 1,000 and 8,000 times (the ratio shows whether it stays linear);
 *  - syncIssueDir on the shipped folder: first run (parse + store all) and a run where nothing changed
 *    (one hash per file); the ratio is what every start of the bot pays when the data is unchanged.
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseIssueText, syncIssueDir } from "../../src/knowledge/newspaper/index.js";
import { openStore } from "../../src/storage/open.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const dir = path.join(root, "data", "issues");
const pages = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => fs.readFileSync(path.join(dir, f), "utf8"));

function time(fn: () => void, rounds: number): number {
  fn(); // warm-up
  const start = performance.now();
  for (let i = 0; i < rounds; i++) fn();
  return (performance.now() - start) / rounds;
}

const rounds = 40;
const perPage = time(() => pages.forEach((p, i) => parseIssueText(p, `page${i}.txt`)), rounds) / pages.length;
// Distinct copies (a number appended to every line) so the repeated-paragraph pass does not drop them.
const big = Array.from({ length: 8 }, (_, k) =>
  pages.map((p) => p.split("\n").map((l) => (l.trim() ? `${l}${k}` : l)).join("\n")).join("\n\n"),
).join("\n\n");
const bigPages = pages.length * 8;
const bigTime = time(() => parseIssueText(big, "big.txt"), 3);
const chars = pages.reduce((n, p) => n + p.length, 0) / pages.length;

console.log(`parse, shipped pages: ${perPage.toFixed(2)} ms per page (mean of ${rounds} runs over ${pages.length} pages, ~${Math.round(chars / 1000)}k characters each)`);
console.log(
  `parse, one file of ${bigPages} pages: ${bigTime.toFixed(0)} ms = ${(bigTime / bigPages).toFixed(2)} ms per page ` +
    `(${(bigTime / bigPages / perPage).toFixed(1)}x the single-page cost per page)`,
);

// A scan that repeats one line thousands of times (a stuck scanner, a pasted page): the repeated-paragraph
// pass must stay linear, or one such upload holds a parse worker for minutes.
const line = "职工服务站为户外劳动者提供休息、饮水、热饭和充电服务，工会将持续推进站点建设。\n";
const repeated = (copies: number) => `浙江工人日报\n${line.repeat(copies)}`;
const fewCopies = 1000;
const manyCopies = 8000;
const fewTime = time(() => parseIssueText(repeated(fewCopies), "repeated.txt"), 3);
const manyTime = time(() => parseIssueText(repeated(manyCopies), "repeated.txt"), 3);
console.log(
  `parse, one line repeated: ${fewCopies} copies ${fewTime.toFixed(0)} ms, ${manyCopies} copies ${manyTime.toFixed(0)} ms ` +
    `(${(manyTime / fewTime).toFixed(1)}x the time for ${manyCopies / fewCopies}x the text; ${manyCopies / fewCopies}x is linear)`,
);

const store = await openStore("sqlite::memory:");
let start = performance.now();
const stored = await syncIssueDir(store, dir);
const first = performance.now() - start;
const unchangedRuns = 20;
start = performance.now();
for (let i = 0; i < unchangedRuns; i++) await syncIssueDir(store, dir);
const unchanged = (performance.now() - start) / unchangedRuns;
await store.close();
console.log(`syncIssueDir, first run: ${first.toFixed(1)} ms (${stored} files parsed and stored, SQLite in memory)`);
console.log(
  `syncIssueDir, nothing changed: ${unchanged.toFixed(2)} ms (mean of ${unchangedRuns}) = ${(unchanged / first).toFixed(3)}x the first run`,
);
console.log(`rss: ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
