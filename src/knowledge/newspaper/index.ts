/**
 * Newspaper issues: parsing OCR pages and front-matter stories, and storing them.
 *
 *   parseIssueText(text, fileName)   OCR text -> ParsedIssue (throws IssueFileError)
 *   parseIssueFile(file)             either form, chosen by content and extension
 *   ingestFiles(store, files)        parse + store each file atomically; refused files store nothing
 *   syncIssueDir(store, dir)         store the files of a folder not stored yet (fast when nothing changed)
 *   expandIssueArgs(args)            CLI arguments to files: a folder stands for its issue files
 */
export { IssueFileError } from "./errors.js";
export { parseIssueText } from "./ocr.js";
export { parseFrontMatterText, hasFrontMatter } from "./front-matter.js";
export { parseIssueFile, parseIssueBytes, readIssueFile, listIssueFiles, expandIssueArgs, decodeText, type ReadIssue } from "./file.js";
export { ingestFiles, syncIssueDir, type IngestResult, type IngestProgress, type SyncOptions } from "./ingest.js";
export { issueId } from "./ids.js";
