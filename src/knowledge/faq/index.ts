/**
 * Loads and validates the staff-written answers (data/faq/*.yaml). Like the catalogue, any invalid file stops
 * the load with a FaqError listing every problem as "file: field: message (got <value>)". The folder is
 * optional: without it there are simply no staff answers.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import type { FaqEntry, FaqProblem } from "./types.js";

export type { FaqEntry, FaqProblem } from "./types.js";

export class FaqError extends Error {
  constructor(readonly problems: FaqProblem[]) {
    super(
      `The staff answers (FAQ) have ${problems.length} problem(s):\n` +
        problems.map((p) => `  ${p.file}: ${p.field ? `${p.field}: ` : ""}${p.message}`).join("\n"),
    );
    this.name = "FaqError";
  }
}

const FIELDS = ["id", "example", "questions", "answer", "written_by", "written_on", "link"] as const;
const ID = /^[a-z0-9][a-z0-9-]*$/;
const MAX_ID = 32;

/** The wrong value, quoted as the operator wrote it (long text shortened). */
function got(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function isoDate(value: unknown): string | null {
  // YAML reads an unquoted 2026-11-02 as a date.
  const text = value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;
  if (typeof text !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text ? text : null;
}

function nonEmptyText(value: unknown): string | null {
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

/** Validates one file's text; returns the entry or the problems (each naming its field and the wrong value). */
export function parseFaqFile(text: string, file: string, expectedId?: string): { entry?: FaqEntry; problems: FaqProblem[] } {
  const problems: FaqProblem[] = [];
  const report = (field: string, message: string) => problems.push({ file, field, message });
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) report(e.linePos ? `line ${e.linePos[0].line}` : "", `YAML syntax error: ${e.message.split("\n")[0]}`);
    return { problems };
  }
  const raw = doc.toJS() as unknown;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    report("", `expected a YAML mapping with the fields ${FIELDS.join(", ")}, got ${got(raw)}`);
    return { problems };
  }
  const data = raw as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    if (!(FIELDS as readonly string[]).includes(key)) report(key, `unknown field (expected: ${FIELDS.join(", ")})`);
  }

  const id = data.id;
  if (typeof id !== "string" || !ID.test(id) || id.length > MAX_ID) {
    report("id", `expected lower-case letters, digits and '-' (at most ${MAX_ID}), e.g. join-union, got ${got(id)}`);
  } else if (expectedId !== undefined && id !== expectedId) {
    report("id", `must match the file name '${expectedId}.yaml', got ${got(id)}`);
  }

  if (data.example !== undefined && typeof data.example !== "boolean") report("example", `expected true or false, got ${got(data.example)}`);

  const questions: string[] = [];
  if (!Array.isArray(data.questions) || data.questions.length === 0) {
    report("questions", `expected a list of at least one question as members ask it, got ${got(data.questions)}`);
  } else {
    data.questions.forEach((q, i) => {
      const text = nonEmptyText(q);
      if (text === null) report(`questions[${i}]`, `expected the question as text, got ${got(q)}`);
      else questions.push(text);
    });
  }

  const answer = nonEmptyText(data.answer);
  if (answer === null || typeof data.answer !== "string") report("answer", `expected the answer as text, got ${got(data.answer)}`);

  const writtenBy = nonEmptyText(data.written_by);
  if (writtenBy === null || typeof data.written_by !== "string") {
    report("written_by", `expected who wrote the answer (name or office), got ${got(data.written_by)}`);
  }

  const writtenOn = isoDate(data.written_on);
  if (writtenOn === null) report("written_on", `expected the date it was written, YYYY-MM-DD (a real day), got ${got(data.written_on)}`);

  let link: string | null = null;
  if (data.link !== undefined && data.link !== null && data.link !== "") {
    if (typeof data.link === "string" && /^https?:\/\/\S+$/.test(data.link.trim())) link = data.link.trim();
    else report("link", `expected an http(s) address, got ${got(data.link)}`);
  }

  if (problems.length > 0) return { problems };
  return {
    entry: {
      id: id as string,
      questions,
      answer: answer!,
      writtenBy: writtenBy!,
      writtenOn: writtenOn!,
      link,
      example: data.example === true,
      file,
    },
    problems,
  };
}

function displayPath(dir: string, file: string): string {
  const rel = path.relative(process.cwd(), path.join(dir, file));
  return rel.startsWith("..") ? path.join(dir, file) : rel;
}

/**
 * Reads every *.yaml / *.yml file of `dir` (sorted by name). A missing folder means no staff answers. Throws a
 * FaqError naming every problem (file and field) when any file is invalid or two files ask the same question.
 */
export async function loadFaq(dir: string): Promise<FaqEntry[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new FaqError([{ file: dir, field: "", message: `cannot read the FAQ folder: ${(error as Error).message}` }]);
  }
  const problems: FaqProblem[] = [];
  const entries: FaqEntry[] = [];
  const askedIn = new Map<string, string>();
  for (const name of names.filter((n) => /\.ya?ml$/i.test(n)).sort()) {
    const file = displayPath(dir, name);
    const result = parseFaqFile(await fs.readFile(path.join(dir, name), "utf8"), file, name.replace(/\.ya?ml$/i, ""));
    problems.push(...result.problems);
    if (!result.entry) continue;
    // An example may ask what a real entry answers (the real one replaces it).
    if (!result.entry.example) {
      result.entry.questions.forEach((q, i) => {
        const key = q.replace(/[\s?？!！。,，]/g, "").toLowerCase();
        const other = askedIn.get(key);
        if (other && other !== file) problems.push({ file, field: `questions[${i}]`, message: `${got(q)} is also asked in ${other}` });
        askedIn.set(key, file);
      });
    }
    entries.push(result.entry);
  }
  if (problems.length > 0) throw new FaqError(problems);
  return entries;
}

/** The entries members may be shown: examples of the format are never served as answers. */
export function servedEntries(entries: readonly FaqEntry[]): FaqEntry[] {
  return entries.filter((e) => !e.example);
}
