/**
 * The front-matter form: one story per Markdown or text file, how staff add a single article.
 *
 *   ---
 *   title: 共富工坊 点亮残疾人就业梦
 *   date: 2024-11-07        # optional: a story without it is stored undated (with a warning)
 *   source: 浙江工人日报
 *   url: https://...
 *   paper: 浙江工人日报      # optional
 *   issue: "12773"          # optional, issue number as printed
 *   ---
 *   body text …
 */
import matter from "gray-matter";
import YAML from "yaml";
import type { Article, ArticleKind, ParsedIssue } from "../types.js";
import { IssueFileError } from "./errors.js";
import { sha256 } from "./ids.js";
import { cleanSpaces, collapseSpaces } from "./text.js";

const KINDS: ArticleKind[] = ["news", "photo", "brief", "feature", "notice", "other"];
const KNOWN_FIELDS = new Set(["id", "title", "date", "source", "url", "paper", "issue", "kicker", "kind", "byline"]);

export function hasFrontMatter(text: string): boolean {
  return /^\uFEFF?---[ \t]*\r?\n/u.test(text);
}

function optionalString(data: Record<string, unknown>, field: string, file: string): string | null {
  const value = data[field];
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "string") return value.trim() || null;
  if (typeof value === "number") return String(value);
  throw new IssueFileError(file, `front matter field "${field}": expected text, got ${JSON.stringify(value)}`, { field });
}

/** The printed date, or null when the field is absent: the story is still stored, and cited as undated. */
function readDate(value: unknown, file: string): string | null {
  const fail = (got: string): never => {
    throw new IssueFileError(file, `front matter field "date": expected a date such as 2024-11-07, got ${got}`, {
      field: "date",
    });
  };
  if (value === undefined || value === null || value === "") return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) fail(String(value));
    return value.toISOString().slice(0, 10);
  }
  const text = String(value).trim();
  const m = text.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/u);
  if (!m) return fail(JSON.stringify(value));
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return fail(`${JSON.stringify(value)} (no such day)`);
  }
  return d.toISOString().slice(0, 10);
}

/** Paragraphs separated by blank lines; lines inside a paragraph are joined (Markdown soft breaks). */
function cleanBody(content: string): string {
  return content
    .replace(/\r\n?/gu, "\n")
    .split(/\n\s*\n/u)
    .map((para) => cleanSpaces(para.replace(/\n/gu, " ")))
    .filter(Boolean)
    .join("\n");
}

export function parseFrontMatterText(text: string, file: string): ParsedIssue {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // A fresh options object: gray-matter caches results by input string when called without options.
    // The yaml package (YAML 1.2 core schema) keeps dates as written, so an impossible date is not silently rolled over.
    parsed = matter(text.replace(/^\uFEFF/u, ""), { engines: { yaml: (source: string) => YAML.parse(source) ?? {} } });
  } catch (error) {
    const e = error as { message?: string; linePos?: Array<{ line: number }> };
    // +1: the opening "---" line precedes the YAML.
    const line = e.linePos?.[0] ? e.linePos[0].line + 1 : undefined;
    const reason = (e.message ?? String(error)).split("\n")[0];
    throw new IssueFileError(file, `front matter is not valid YAML: ${reason}`, { line });
  }
  const data = parsed.data as Record<string, unknown>;
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new IssueFileError(file, "front matter must be a set of fields (title: …, date: …)");
  }
  const unknown = Object.keys(data).filter((k) => !KNOWN_FIELDS.has(k));
  if (unknown.length) {
    throw new IssueFileError(
      file,
      `front matter field "${unknown[0]}" is not known (expected: ${[...KNOWN_FIELDS].join(", ")})`,
      { field: unknown[0] },
    );
  }
  const title = optionalString(data, "title", file);
  if (!title) {
    throw new IssueFileError(file, 'front matter field "title" is missing (the headline as printed)', { field: "title" });
  }
  const date = readDate(data.date, file);
  const url = optionalString(data, "url", file);
  if (url && !/^https?:\/\/\S+$/u.test(url)) {
    throw new IssueFileError(file, `front matter field "url": expected an http(s) address, got ${JSON.stringify(url)}`, {
      field: "url",
    });
  }
  const kindText = optionalString(data, "kind", file) ?? "news";
  if (!KINDS.includes(kindText as ArticleKind)) {
    throw new IssueFileError(file, `front matter field "kind": expected one of ${KINDS.join(", ")}, got "${kindText}"`, {
      field: "kind",
    });
  }
  const source = optionalString(data, "source", file);
  const paper = optionalString(data, "paper", file) ?? source;
  const number = optionalString(data, "issue", file);
  const body = cleanBody(parsed.content);
  if (!body) throw new IssueFileError(file, "the story has no text below the front matter");
  if (!/\p{L}/u.test(body)) throw new IssueFileError(file, "no recognisable text in the story body (no letters or characters)");
  // One story per file: its identity is the explicit id, else its address, else its date and title.
  const key = optionalString(data, "id", file) ?? url ?? `${date ?? "undated"}|${title}`;
  const id = `story-${sha256(key).slice(0, 16)}`;
  const article: Article = {
    id: `${id}/1`,
    issueId: id,
    seq: 1,
    title: collapseSpaces(title),
    kicker: optionalString(data, "kicker", file),
    kind: kindText as ArticleKind,
    body,
    byline: optionalString(data, "byline", file),
    url,
  };
  // Same-day content beats waiting for the date: an undated story is searchable and cited as undated.
  const warnings = date
    ? []
    : [`${file}: front matter field "date" is missing: the story is stored and cited as undated (add date: YYYY-MM-DD if it was printed)`];
  return { issue: { id, paper, date, number }, articles: [article], ...(warnings.length > 0 ? { warnings } : {}) };
}
