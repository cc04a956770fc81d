/** Storing parsed issues: every file is parsed completely before anything of it is written. */
import fs from "node:fs/promises";
import path from "node:path";
import type { IssueRepository } from "./repository.js";
import type { IssueMeta } from "../types.js";
import { IssueFileError } from "./errors.js";
import { listIssueFiles, parseIssueBytes, readIssueFile, type ParseIssueBytes, type ReadIssue } from "./file.js";
import { sha256 } from "./ids.js";

export interface IngestResult {
  file: string;
  /**
   * new: first time this issue id is stored; replaced: an issue with this id, or an earlier version of the same
   * file stored under another id, was there and was replaced; unchanged: this file was stored already as it is
   * (ingested again without a change), nothing was written; refused: nothing stored.
   */
  status: "new" | "replaced" | "unchanged" | "refused";
  issue?: IssueMeta;
  /** Ids of issues stored earlier from the same file under another id, deleted with this store. */
  superseded?: string[];
  articleCount?: number;
  form?: "ocr" | "front-matter";
  /** Why the file was refused (names the file). */
  error?: string;
  /** Accepted, but worth the operator's look (names the file): e.g. a story stored undated. */
  warnings?: string[];
}

export type IngestProgress = (done: number, total: number, result: IngestResult) => void;

/**
 * This file was stored as it is now: writing it again would change nothing. (The same text from another file
 * is stored again: each file's version is tracked by its path, see replaceIssue.)
 */
async function storedAsItIs(storeTo: { issues: IssueRepository }, file: string, read: ReadIssue): Promise<IngestResult | undefined> {
  const same = await storeTo.issues.findByContentHash(read.contentHash);
  if (same && same.id === read.parsed.issue.id && same.sourceFile === path.resolve(file)) {
    return { file, status: "unchanged", issue: read.parsed.issue, articleCount: read.parsed.articles.length, form: read.form };
  }
  return undefined;
}

async function store(storeTo: { issues: IssueRepository }, file: string, read: ReadIssue): Promise<IngestResult> {
  // The resolved path identifies the file: an edited file replaces what it said before (see replaceIssue).
  const { replaced, superseded } = await storeTo.issues.replaceIssue(read.parsed, {
    sourceFile: path.resolve(file),
    contentHash: read.contentHash,
  });
  return {
    file,
    status: replaced || superseded.length > 0 ? "replaced" : "new",
    issue: read.parsed.issue,
    ...(superseded.length > 0 ? { superseded } : {}),
    articleCount: read.parsed.articles.length,
    form: read.form,
    ...(read.parsed.warnings?.length ? { warnings: read.parsed.warnings } : {}),
  };
}

/**
 * Parses and stores each file. A file that cannot be parsed is refused (status "refused", nothing of it stored);
 * the others are still stored, each in its own transaction. Issues stored earlier from the same file (same
 * resolved path) under another id are deleted in that transaction: editing a file never leaves two copies.
 * Errors other than bad files (e.g. the database) throw.
 */
export async function ingestFiles(
  storeTo: { issues: IssueRepository },
  files: string[],
  onProgress?: IngestProgress,
  options: { parse?: ParseIssueBytes } = {},
): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  for (const file of files) {
    let result: IngestResult;
    try {
      const read = await readIssueFile(file, options.parse);
      result = (await storedAsItIs(storeTo, file, read)) ?? (await store(storeTo, file, read));
    } catch (error) {
      if (!(error instanceof IssueFileError)) throw error;
      result = { file, status: "refused", error: error.message };
    }
    results.push(result);
    onProgress?.(results.length, files.length, result);
  }
  return results;
}

export interface SyncOptions {
  /** Called for a file that cannot be parsed; without it the first such file throws its IssueFileError. */
  onRefused?: (error: IssueFileError) => void;
  onIngested?: (result: IngestResult) => void;
}

/**
 * Makes sure every issue file in `dir` is in the store: files whose bytes (sha256) are already stored are
 * skipped without parsing, so this is fast when nothing changed. A file whose issue id is already stored
 * from a different file (an operator's corrected version) is left alone. A file that cannot be parsed throws its
 * IssueFileError before anything is stored, unless `onRefused` takes it. Returns how many files were stored.
 */
export async function syncIssueDir(storeTo: { issues: IssueRepository }, dir: string, options: SyncOptions = {}): Promise<number> {
  let files: string[];
  try {
    files = await listIssueFiles(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
  // Parse every changed file first: without onRefused, a broken file stops the sync before anything is stored.
  const pending: Array<{ file: string; read: ReadIssue }> = [];
  for (const file of files) {
    const bytes = await fs.readFile(file);
    if (await storeTo.issues.findByContentHash(sha256(bytes))) continue;
    try {
      pending.push({ file, read: parseIssueBytes(bytes, file) });
    } catch (error) {
      if (error instanceof IssueFileError && options.onRefused) options.onRefused(error);
      else throw error;
    }
  }
  let stored = 0;
  for (const { file, read } of pending) {
    const existing = await storeTo.issues.getIssue(read.parsed.issue.id);
    if (existing && existing.sourceFile !== path.resolve(file)) continue;
    const result = await store(storeTo, file, read);
    options.onIngested?.(result);
    stored++;
  }
  return stored;
}
