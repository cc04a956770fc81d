/** The shipped seed issues (data/issues), parsed once per test file. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseIssueFile } from "../../../src/knowledge/newspaper/index.js";
import type { Article, ParsedIssue } from "../../../src/knowledge/types.js";

export const ISSUES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "data", "issues");

export const SEEDS = {
  zj2024: "zjgrb-2024-11-07-12773.txt",
  zj2022: "zjgrb-2022-04-08-12079.txt",
  outdoor: "undated-outdoor-worker-stations.txt",
  socialWork: "undated-social-work-conference.txt",
  jiangsu: "undated-jiangsu-festival-aid.txt",
} as const;

export function seedPath(name: keyof typeof SEEDS): string {
  return path.join(ISSUES_DIR, SEEDS[name]);
}

const cache = new Map<string, Promise<ParsedIssue>>();
export function seed(name: keyof typeof SEEDS): Promise<ParsedIssue> {
  if (!cache.has(name)) cache.set(name, parseIssueFile(seedPath(name)));
  return cache.get(name)!;
}

export const squash = (s: string): string => s.replace(/\s+/gu, "");

/** The article whose title (whitespace ignored) is `title`; fails the test with the titles found otherwise. */
export function byTitle(issue: ParsedIssue, title: string): Article {
  const found = issue.articles.find((a) => squash(a.title) === squash(title));
  if (!found) throw new Error(`no article titled ${title}; titles: ${issue.articles.map((a) => a.title).join(" | ")}`);
  return found;
}
