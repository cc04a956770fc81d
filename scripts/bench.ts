// `npm run bench [name...]`: every benchmark in scripts/bench/, each in its own process. See README "Evaluation and benchmarks".
import { runAll } from "./run-all.js";
process.exitCode = runAll("bench", process.argv.slice(2));
