/**
 * `check`: eligibility of a member's facts for a programme (the documented JSON contract).
 * Reads JSON lines {"programme": "<id or name>", "facts": {...}} from stdin (or one check from the
 * arguments) and prints one result per line. Bad lines get an error line and the run goes on.
 */
import path from "node:path";
import readline from "node:readline";
import { parseArgs } from "node:util";
import { parseConfig } from "../../config.js";
import { type Catalogue, loadCatalogue, matchProgramme, programmeName } from "../../knowledge/catalogue/index.js";
import {
  type EligibilityResult,
  type FactValue,
  type PlaceFinder,
  type PlaceResolver,
  FACTS,
  checkEligibility,
  factsFromText,
  placeFinderFrom,
  placeResolverFor,
  saidLine,
  todayIn,
} from "../../knowledge/eligibility/index.js";
import { translate } from "../../i18n.js";
import { formatReason } from "../../knowledge/eligibility/reasons.js";
import type { App } from "../../app/app.js";
import { createPlaces } from "../../app/services.js";
import { withCliApp } from "../app.js";
import type { CliCommand, CliIo } from "../command.js";
import { UsageError, writeLine } from "../command.js";

const HELP = `Usage: npm run --silent cli -- check [--json] [--locale zh-CN|en] [--date YYYY-MM-DD] [--programmes DIR] [PROGRAMME [FACT=VALUE ...]]

Checks whether a member qualifies for a programme in the catalogue (data/programmes/), using only the
rules written from the sources. Verdicts: eligible (符合), not_eligible (不符合), unknown (还不能确定:
a needed fact is missing, or the source does not state the rule).

Input (no PROGRAMME argument): JSON lines on stdin, one check per line:
  {"programme": "<id or name>", "facts": {"city": "淮安", "hardship_registered": true, "self_paid_medical_yuan": 4200}}
  A "question" field adds the facts the member's words state (place, amounts and ranges such as 四千多 or
  两千到四千, 失业, 困难家庭, occupation, age ...); facts given in "facts" win:
  {"programme": "p18", "question": "我在淮安,看病自己花了四千多", "facts": {"hardship_registered": true}}
With PROGRAMME: one check from the arguments, facts as FACT=VALUE (e.g. city=淮安 self_paid_medical_yuan=四千多).

The programme is matched by exact id (p18), exact name or alias, then the closest name
(character overlap). An unknown programme or a line that is not JSON prints an error line and the run
continues with the next line.

Output with --json: one JSON object per input line:
  {"programme": {"id", "name"}, "verdict": "eligible"|"not_eligible"|"unknown",
   "reasons": [string], "missing": [fact names], "next_question": string|null}
  plus "understood": {facts} when the line had a "question".
  or {"error": "line N: ..."}.
Without --json: a readable summary per check.

Facts (canonical names; see README "Eligibility checks" and src/knowledge/eligibility/facts.ts):
  province city county town village date occupation works_outdoors union_member hardship_registered
  near_hardship hardship_cause self_paid_medical_yuan medical_total_yuan insurance_reimbursed_yuan
  mutual_aid_member diagnosis registered_unemployed changing_jobs wants_to_work wants_to_start_business
  age gender education disability severe_disability on_duty_during_festival model_worker
  social_worker_certificate full_time_social_worker small_business_worker special_operations_worker
  resident_insured temporarily_stranded frontline_worker
  null or a missing fact means "not known". self_paid_medical_yuan is derived from
  medical_total_yuan − insurance_reimbursed_yuan when not given.

Options:
  --json             JSON lines output (for scripts and the product's checks)
  --locale L         language of the reasons and the next question: zh-CN (default) or en; the
                     catalogue's labels and quoted source sentences stay as written (Chinese)
  --date YYYY-MM-DD  the day to judge time-bound programmes by when a check has no "date" fact
                     (default: today, Asia/Shanghai)
  --programmes DIR   programme folder (default: $DATA_DIR/programmes)
  -h, --help         this help

Exit code: 0 when the input was read (even with error lines), 1 when the catalogue or stdin cannot be
read, 2 for wrong options.

Examples:
  echo '{"programme":"p18","facts":{"city":"淮安","hardship_registered":true,"self_paid_medical_yuan":4200}}' \\
    | npm run --silent cli -- check --json
  npm run --silent cli -- check 淮安兜底保障 city=淮安 hardship_registered=是 medical_total_yuan=10000 insurance_reimbursed_yuan=6500`;

const VERDICT_ZH: Record<string, string> = { eligible: "符合条件", not_eligible: "不符合条件", unknown: "还不能确定" };

export interface CheckRequest {
  programme: string;
  facts: Record<string, unknown>;
  /** The member's own words; the facts they state are added (explicit facts win). */
  question?: string;
}

export type CheckOutput =
  | {
      programme: { id: string; name: string };
      verdict: string;
      reasons: string[];
      missing: string[];
      next_question: string | null;
      understood?: Record<string, unknown>;
    }
  | { error: string };

/** Runs one parsed request against the catalogue (shared by stdin lines and the argument form). */
export function runCheck(
  catalogue: Catalogue,
  request: CheckRequest,
  options: { today: string; resolvePlace: PlaceResolver; locale?: string; places?: PlaceFinder },
): { output: CheckOutput; result?: EligibilityResult } {
  const match = matchProgramme(catalogue, request.programme);
  if (!match) {
    return { output: { error: `unknown programme '${request.programme}': no catalogue id, name or close name matches (see data/programmes/)` } };
  }
  const understood = request.question !== undefined ? factsFromText(request.question, options.places).facts : undefined;
  const result = checkEligibility(match.programme, { ...understood, ...request.facts }, options);
  return {
    output: {
      programme: result.programme,
      verdict: result.verdict,
      reasons: result.reasons.map((reason) => formatReason(reason, options.locale)),
      missing: result.missing,
      next_question: nextQuestionIn(result, options.locale),
      ...(understood ? { understood } : {}),
    },
    result,
  };
}

/** The next question in the member's language: the registry's English question (a programme's own wording is Chinese). */
function nextQuestionIn(result: EligibilityResult, locale = "zh-CN"): string | null {
  if (locale !== "en" || !result.next_fact) return result.next_question;
  return FACTS.get(result.next_fact)?.question_en ?? result.next_question;
}

/** Parses one input line into a request, or the error message for it. */
export function parseRequestLine(line: string): CheckRequest | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return 'expected a JSON object {"programme": ..., "facts": {...}}';
  const { programme, facts, question } = value as { programme?: unknown; facts?: unknown; question?: unknown };
  if (typeof programme !== "string" || programme.trim() === "") return '"programme" must be a programme id or name (a string)';
  if (facts !== undefined && facts !== null && (typeof facts !== "object" || Array.isArray(facts))) return '"facts" must be an object of fact names to values';
  if (question !== undefined && question !== null && typeof question !== "string") return '"question" must be the member\'s words (a string)';
  return { programme, facts: (facts ?? {}) as Record<string, unknown>, ...(typeof question === "string" ? { question } : {}) };
}

function printHuman(io: CliIo, output: CheckOutput, locale: string): void {
  if ("error" in output) {
    writeLine(io.stdout, `错误 error: ${output.error}`);
    return;
  }
  writeLine(io.stdout, `${output.programme.name} (${output.programme.id}): ${VERDICT_ZH[output.verdict]} ${output.verdict}`);
  if (output.understood) {
    const u = output.understood as Record<string, FactValue>;
    const place = [u.county, u.city, u.province].find((v): v is string => typeof v === "string");
    writeLine(io.stdout, `  ${saidLine(u, locale, place) ?? translate(locale, "elig-said", { facts: "—" })}`);
  }
  for (const r of output.reasons) writeLine(io.stdout, `  - ${r}`);
  if (output.missing.length > 0) writeLine(io.stdout, `  还需要 missing: ${output.missing.join(", ")}`);
  if (output.next_question) writeLine(io.stdout, `  下一个问题 next question: ${output.next_question}`);
  writeLine(io.stdout);
}

async function loadPlaces(io: CliIo, app: App, catalogue: Catalogue): Promise<{ resolvePlace: PlaceResolver; places?: PlaceFinder }> {
  try {
    const gazetteer = await app.gazetteer();
    return { resolvePlace: createPlaces(catalogue, gazetteer).resolve, places: placeFinderFrom(gazetteer) };
  } catch (error) {
    writeLine(io.stderr, `check: gazetteer not available (${(error as Error).message}); comparing place names only`);
    return { resolvePlace: placeResolverFor(catalogue) };
  }
}

export const checkCommand: CliCommand = {
  name: "check",
  summary: "eligibility check: does a member qualify for a programme? (JSON lines in, verdicts out)",
  help: HELP,
  async run(argv, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        options: { json: { type: "boolean" }, locale: { type: "string" }, date: { type: "string" }, programmes: { type: "string" } },
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const { values, positionals } = parsed;
    if (values.locale !== undefined && values.locale !== "zh-CN" && values.locale !== "en") {
      throw new UsageError(`--locale expects zh-CN or en, got '${values.locale}'`);
    }
    if (values.date !== undefined && !isCalendarDay(values.date)) throw new UsageError(`--date: expected a real day as YYYY-MM-DD, got '${values.date}'`);
    const config = parseConfig(io.env);
    // No database: a check needs only the catalogue and the places.
    return withCliApp(config, io, (app) => runChecks(app, io, values, positionals));
  },
};

/** "2024-02-30" has the right shape but is no day. */
function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

type CheckValues = { json?: boolean; locale?: string; date?: string; programmes?: string };

async function runChecks(app: App, io: CliIo, values: CheckValues, positionals: string[]): Promise<number> {
  const { config } = app;
  // A CatalogueError lists every problem; exit code 1.
  const catalogue = values.programmes ? await loadCatalogue(path.resolve(values.programmes)) : await app.catalogue();
  for (const gap of catalogue.englishGaps) writeLine(io.stderr, `check: note: ${gap.file}: ${gap.field}: ${gap.message}`);
  const options = {
    today: values.date ?? todayIn(config.TIME_ZONE),
    ...(await loadPlaces(io, app, catalogue)),
    locale: values.locale ?? "zh-CN",
  };
  const emit = (checked: CheckOutput) => {
    // English output names the programme by its English name where the catalogue has one.
    const programme = "error" in checked ? undefined : catalogue.get(checked.programme.id);
    const output = programme && !("error" in checked) ? { ...checked, programme: { ...checked.programme, name: programmeName(programme, options.locale) } } : checked;
    if (values.json) writeLine(io.stdout, JSON.stringify(output));
    else printHuman(io, output, options.locale);
  };

  if (positionals.length > 0) {
    const [programme, ...pairs] = positionals;
    const facts: Record<string, unknown> = {};
    for (const pair of pairs) {
      const eq = pair.indexOf("=");
      if (eq <= 0) throw new UsageError(`expected FACT=VALUE, got '${pair}'`);
      facts[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    const { output, result } = runCheck(catalogue, { programme: programme!, facts }, options);
    for (const w of result?.warnings ?? []) writeLine(io.stderr, `check: ${w}`);
    emit(output);
    // One programme asked for on the command line: an unknown one is a failed command.
    return "error" in output ? 1 : 0;
  }

  const lines = readline.createInterface({ input: io.stdin, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (line.trim() === "") continue;
      const request = parseRequestLine(line);
      if (typeof request === "string") {
        emit({ error: `line ${n}: ${request}` });
        continue;
      }
      const { output, result } = runCheck(catalogue, request, options);
      if ("error" in output) output.error = `line ${n}: ${output.error}`;
      for (const w of result?.warnings ?? []) writeLine(io.stderr, `check: line ${n}: ${w}`);
      emit(output);
    }
  } catch (error) {
    writeLine(io.stderr, `check: cannot read the input after line ${n}: ${(error as Error).message}`);
    return 1;
  }
  return 0;
}
