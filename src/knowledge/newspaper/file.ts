/** Reading an issue file: checks it is text, picks the form (OCR page or front-matter story), parses it. */
import fs from "node:fs/promises";
import path from "node:path";
import type { ParsedIssue } from "../types.js";
import { IssueFileError } from "./errors.js";
import { hasFrontMatter, parseFrontMatterText } from "./front-matter.js";
import { sha256 } from "./ids.js";
import { parseIssueText } from "./ocr.js";

export const ISSUE_EXTENSIONS = [".txt", ".md", ".markdown"];

/**
 * Decodes file bytes as text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK (common for
 * Chinese OCR tools). Refuses binary data.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new IssueFileError(file, "the file is empty (0 bytes)");
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, "utf-16le", file);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, "utf-16be", file);
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) throw new IssueFileError(file, "the file is binary, not text (it contains NUL bytes)");
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  if (control > sample.length * 0.05) throw new IssueFileError(file, "the file is binary, not text (control characters)");
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      return new TextDecoder("gb18030", { fatal: true }).decode(bytes);
    } catch {
      throw new IssueFileError(file, "the file is not text in UTF-8 or GBK (is it binary, or another encoding?)");
    }
  }
}

/**
 * Characters a newspaper text is made of: ASCII, Latin-1, general and CJK punctuation, CJK ideographs,
 * full-width forms. Bytes of another encoding read as UTF-16 fall mostly outside these (a random 16-bit
 * value lands here about a third of the time), so the share tells a real UTF-16 text from mojibake.
 */
const TEXT_CHARACTER = /[\t\n\r\u0020-\u007e\u00a0-\u00ff\u2000-\u206f\u2100-\u218f\u2460-\u24ff\u2500-\u25ff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/u;

/** A byte-order mark says UTF-16, but the bytes must also decode cleanly and read as text. */
function decodeUtf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be", file: string): string {
  const body = bytes.subarray(2);
  let text: string;
  try {
    if (body.length % 2 !== 0) throw new Error("odd length");
    text = new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    throw new IssueFileError(file, `the file starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()} text; save it as UTF-8`);
  }
  const sample = [...text.slice(0, 4096)];
  const readable = sample.filter((c) => TEXT_CHARACTER.test(c)).length;
  if (sample.length > 0 && readable < sample.length * 0.9) {
    throw new IssueFileError(
      file,
      `the file starts with a ${encoding.toUpperCase()} byte-order mark but does not read as text in that encoding (${sample.length - readable} of ${sample.length} characters are unusual); save it as UTF-8`,
    );
  }
  return text;
}

export interface ReadIssue {
  parsed: ParsedIssue;
  /** sha256 of the file's bytes. */
  contentHash: string;
  form: "ocr" | "front-matter";
}

/** Parses bytes already read; `file` names the file in messages and decides the form by extension. */
export function parseIssueBytes(bytes: Uint8Array, file: string): ReadIssue {
  const text = decodeText(bytes, file);
  if (!text.trim()) throw new IssueFileError(file, "the file is empty (only blank lines)");
  const markdown = /\.(md|markdown)$/iu.test(file);
  const form = hasFrontMatter(text) ? "front-matter" : "ocr";
  if (markdown && form === "ocr") {
    throw new IssueFileError(
      file,
      "a Markdown story needs YAML front matter: start the file with ---, then title: and date: lines, then ---",
    );
  }
  const parsed = form === "front-matter" ? parseFrontMatterText(text, file) : parseIssueText(text, file);
  return { parsed, contentHash: sha256(bytes), form };
}

/** Largest issue file accepted (a printed page is about 30 kB of text; the bot's upload limit is the same). */
export const MAX_ISSUE_FILE_BYTES = 10 * 1024 * 1024;

export type ParseIssueBytes = (bytes: Uint8Array, file: string) => ReadIssue | Promise<ReadIssue>;

/**
 * Reads a regular file of at most MAX_ISSUE_FILE_BYTES. Anything else (a folder, a FIFO that would block
 * forever, a device such as /dev/zero that never ends) is refused before reading, and a file that grows
 * past the limit while being read is refused too.
 */
async function readCapped(file: string): Promise<Uint8Array> {
  const tooBig = (size: number) =>
    new IssueFileError(file, `the file is too large (${(size / 1024 / 1024).toFixed(1)} MB; an issue file may have at most ${MAX_ISSUE_FILE_BYTES / 1024 / 1024} MB)`);
  const stat = await fs.stat(file);
  if (stat.isDirectory()) throw new IssueFileError(file, "is a folder, not a file");
  if (!stat.isFile()) throw new IssueFileError(file, "is not a regular file (a device, pipe or socket); save the issue as a .txt or .md file");
  if (stat.size > MAX_ISSUE_FILE_BYTES) throw tooBig(stat.size);
  const handle = await fs.open(file, "r");
  try {
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_ISSUE_FILE_BYTES) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        if (length > MAX_ISSUE_FILE_BYTES) throw tooBig(length);
        break;
      }
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** Reads and parses an issue file; `parse` can move the parsing elsewhere (the bot: a worker thread). */
export async function readIssueFile(file: string, parse: ParseIssueBytes = parseIssueBytes): Promise<ReadIssue> {
  let bytes: Uint8Array;
  try {
    bytes = await readCapped(file);
  } catch (error) {
    if (error instanceof IssueFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new IssueFileError(file, code === "ENOENT" ? "no such file" : `cannot read the file (${code ?? String(error)})`);
  }
  return parse(bytes, file);
}

/** Parses an issue file of either form (OCR text, or one story with YAML front matter). */
export async function parseIssueFile(file: string): Promise<ParsedIssue> {
  return (await readIssueFile(file)).parsed;
}

/** The issue files directly inside a folder (README files and hidden files are not issues), sorted by name. */
export async function listIssueFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith(".") && !/^readme/iu.test(e.name))
    .filter((e) => ISSUE_EXTENSIONS.includes(path.extname(e.name).toLowerCase()))
    .map((e) => path.join(dir, e.name))
    .sort();
}

/**
 * Command-line arguments to issue files: a folder stands for its issue files (listIssueFiles), anything else
 * is kept as given (a missing file is refused later, with its name, by ingestFiles).
 */
export async function expandIssueArgs(args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const stat = await fs.stat(arg).catch(() => null);
    if (stat?.isDirectory()) files.push(...(await listIssueFiles(arg)));
    else files.push(arg);
  }
  return files;
}
