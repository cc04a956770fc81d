/**
 * Loads and validates the programme catalogue (data/programmes/*.yaml). Any invalid file makes
 * loadCatalogue throw a CatalogueError listing every problem as "file: field: message", so the bot
 * never starts on a broken catalogue. Missing English translations do not stop it: they are listed in
 * `catalogue.englishGaps` and the member reads the Chinese text with a note.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import { isKnownFact } from "../eligibility/facts.js";
import { checkRule, programmeFileSchema } from "./schema.js";
import { normalizeName } from "./names.js";
import { englishGaps } from "./english.js";
import type { Catalogue, CatalogueProblem, Programme } from "./types.js";

export type * from "./types.js";
export { PROGRAMME_CATEGORIES, PROGRAMME_STATUSES } from "./types.js";
export { normalizeName } from "./names.js";
export { matchProgramme, FUZZY_THRESHOLD } from "./match.js";
export { englishGaps, programmeName, programmeText, regionChinese } from "./english.js";
export type { ProgrammeText, ShownText } from "./english.js";
export type { ProgrammeMatch } from "./match.js";

export class CatalogueError extends Error {
  constructor(readonly problems: CatalogueProblem[]) {
    super(
      `The programme catalogue has ${problems.length} problem(s):\n` +
        problems.map((p) => `  ${p.file}: ${p.field ? `${p.field}: ` : ""}${p.message}`).join("\n"),
    );
    this.name = "CatalogueError";
  }
}

function displayPath(dir: string, file: string): string {
  const rel = path.relative(process.cwd(), path.join(dir, file));
  return rel.startsWith("..") ? path.join(dir, file) : rel;
}

function formatPath(segments: PropertyKey[]): string {
  let out = "";
  for (const s of segments) out += typeof s === "number" ? `[${s}]` : out ? `.${String(s)}` : String(s);
  return out;
}

/** Validates one file's text; returns the programme or the problems. */
export function parseProgrammeFile(text: string, file: string, expectedId?: string): { programme?: Programme; problems: CatalogueProblem[] } {
  const problems: CatalogueProblem[] = [];
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const line = e.linePos?.[0];
      problems.push({ file, field: line ? `line ${line.line}` : "", message: `YAML syntax error: ${e.message.split("\n")[0]}` });
    }
    return { problems };
  }
  let raw: unknown;
  try {
    raw = doc.toJS();
  } catch (error) {
    // yaml refuses documents whose aliases expand without bound ("billion laughs"); say which file.
    return { problems: [{ file, field: "", message: `YAML could not be read: ${(error as Error).message}` }] };
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return { problems: [{ file, field: "", message: "expected a YAML mapping with the programme's fields (id, name, ...)" }] };
  }
  const parsed = programmeFileSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.flatMap((i) => innermostIssues(i as ZodIssueLike, raw))) {
      problems.push({ file, field: formatPath(issue.path), message: describeIssue(issue, valueAt(raw, issue.path)) });
    }
    return { problems };
  }
  const data = parsed.data;
  if (expectedId !== undefined && data.id !== expectedId) {
    problems.push({ file, field: "id", message: `id '${data.id}' must match the file name '${expectedId}.yaml'` });
  }
  if (data.eligibility) {
    for (const p of checkRule(data.eligibility.rule, "eligibility.rule")) problems.push({ file, ...p });
    collectAbout(data.eligibility.rule, "eligibility.rule", (field, fact) =>
      problems.push({ file, field, message: `unknown fact '${fact}'` }),
    );
  }
  if (data.period?.valid_from && data.period.valid_to && data.period.valid_from > data.period.valid_to) {
    problems.push({ file, field: "period", message: "valid_from is after valid_to" });
  }
  if (problems.length > 0) return { problems };
  return { programme: { ...data, file } as Programme, problems };
}

function collectAbout(rule: unknown, field: string, report: (field: string, fact: string) => void): void {
  if (!rule || typeof rule !== "object") return;
  const r = rule as Record<string, unknown>;
  for (const key of ["all", "any"] as const) {
    if (Array.isArray(r[key])) (r[key] as unknown[]).forEach((c, i) => collectAbout(c, `${field}.${key}[${i}]`, report));
  }
  if (Array.isArray(r.about)) {
    (r.about as string[]).forEach((fact, i) => {
      if (!isKnownFact(fact)) report(`${field}.about[${i}]`, fact);
    });
  }
}

interface ZodIssueLike {
  code: string;
  message: string;
  path: PropertyKey[];
  keys?: string[];
  values?: unknown[];
  /** invalid_union: the issues of each alternative, in the order of ruleSchema's union. */
  errors?: ZodIssueLike[][];
}

/** Which alternative of ruleSchema a value was meant to be, from its keys (-1: none recognisable). */
function ruleAlternative(value: unknown): number {
  if (!value || typeof value !== "object" || Array.isArray(value)) return -1;
  const keys = Object.keys(value);
  const order = [["fact", "op"], ["unstated"], ["everyone"], ["all"], ["any"]];
  return order.findIndex((names) => names.some((k) => keys.includes(k)));
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((v, key) => (v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[key] : undefined), root);
}

/**
 * A rule that matches no alternative of the union is reported by zod as one "invalid union" at the rule.
 * When the rule's keys say which alternative was meant (a condition, a group ...), report that
 * alternative's own problems instead, at their full path, e.g. "eligibility.rule.all[1].op: ...".
 */
function innermostIssues(issue: ZodIssueLike, root: unknown): ZodIssueLike[] {
  if (issue.code !== "invalid_union" || !issue.errors) return [issue];
  const meant = issue.errors[ruleAlternative(valueAt(root, issue.path))];
  if (!meant || meant.length === 0) return [issue];
  return meant.flatMap((inner) => innermostIssues({ ...inner, path: [...issue.path, ...inner.path] }, root));
}

function describeIssue(issue: ZodIssueLike, value: unknown): string {
  if (issue.code === "unrecognized_keys" && issue.keys) return `unknown field(s): ${issue.keys.join(", ")}`;
  if (issue.code === "invalid_value" && issue.values) return `'${String(value)}' is not allowed (allowed: ${issue.values.join(", ")})`;
  if (issue.code === "invalid_type" && value === undefined) return "missing (required)";
  if (issue.code === "invalid_union") return "not a valid rule: expected a condition {fact, op, value, source}, {unstated}, {all: [...]} or {any: [...]}";
  return issue.message;
}

class LoadedCatalogue implements Catalogue {
  private readonly byId = new Map<string, Programme>();
  private readonly byName = new Map<string, Programme>();
  readonly englishGaps: CatalogueProblem[];

  constructor(readonly programmes: Programme[]) {
    this.englishGaps = programmes.flatMap(englishGaps);
    for (const p of programmes) {
      this.byId.set(p.id.toLowerCase(), p);
      for (const n of [p.name, ...p.aliases]) this.byName.set(normalizeName(n), p);
    }
  }

  get(id: string): Programme | undefined {
    return this.byId.get(id.trim().toLowerCase());
  }

  findByName(name: string): Programme | undefined {
    return this.byName.get(normalizeName(name));
  }
}

/** Builds a catalogue from already validated programmes (tests, tools). */
export function createCatalogue(programmes: Programme[]): Catalogue {
  return new LoadedCatalogue(programmes);
}

/** Reads every *.yaml / *.yml file in `dir` (sorted by name). Throws CatalogueError on any problem. */
export async function loadCatalogue(dir: string): Promise<Catalogue> {
  let entries: string[];
  try {
    entries = await fs.readdir(dir);
  } catch (error) {
    throw new CatalogueError([{ file: dir, field: "", message: `cannot read the programme folder: ${(error as Error).message}` }]);
  }
  const files = entries.filter((f) => /\.ya?ml$/i.test(f)).sort();
  const problems: CatalogueProblem[] = [];
  const programmes: Programme[] = [];
  const seen = new Map<string, string>();
  const names = new Map<string, string>();
  for (const f of files) {
    const file = displayPath(dir, f);
    let text: string;
    try {
      text = await fs.readFile(path.join(dir, f), "utf8");
    } catch (error) {
      // A folder named *.yaml (EISDIR) or an unreadable file is one problem of that file, not a crash.
      problems.push({ file, field: "", message: `cannot read the file: ${(error as Error).message}` });
      continue;
    }
    const result = parseProgrammeFile(text, file, f.replace(/\.ya?ml$/i, ""));
    problems.push(...result.problems);
    const p = result.programme;
    if (!p) continue;
    if (seen.has(p.id)) problems.push({ file, field: "id", message: `duplicate id '${p.id}' (also in ${seen.get(p.id)})` });
    seen.set(p.id, file);
    for (const n of [p.name, ...p.aliases]) {
      const key = normalizeName(n);
      if (names.has(key) && names.get(key) !== file) problems.push({ file, field: "name", message: `name '${n}' is also used in ${names.get(key)}` });
      names.set(key, file);
    }
    programmes.push(p);
  }
  if (files.length === 0) problems.push({ file: dir, field: "", message: "no programme files (*.yaml) found" });
  if (problems.length > 0) throw new CatalogueError(problems);
  return new LoadedCatalogue(programmes);
}
