// `npm run eval [name...]`: every evaluation in scripts/eval/ against ../shared/eval. See README "Evaluation and benchmarks".
import { runAll } from "./run-all.js";
process.exitCode = runAll("eval", process.argv.slice(2));
