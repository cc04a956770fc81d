/**
 * INBOX_DIR: staff drop issue files into a folder; the bot publishes each one and moves it to
 * `done/` (published, or already published) or `failed/` (with `<name>.error.txt` saying why), once that
 * outcome is known (until then it waits in `processing/`).
 * Polling rather than fs.watch: it works the same on network shares and Docker volumes, and a file is only
 * taken once its size and mtime have stayed the same for one interval (so half-copied files wait).
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Logger } from "../logger.js";
import { listIssueFiles } from "../knowledge/newspaper/index.js";
import { parseIssueBytesOffThread } from "../knowledge/newspaper/parse-off-thread.js";
import { sleep } from "./limiter.js";
import type { PublishFileResult, Publishing } from "./publish.js";

export interface InboxOptions {
  dir: string;
  /** Stores, queues, reindexes and wakes the sender (src/app/services.ts). */
  publishing: Publishing;
  logger: Logger;
  intervalMs?: number;
}

async function moveInto(folder: string, file: string, options: { unique?: boolean } = {}): Promise<string> {
  await fs.mkdir(folder, { recursive: true });
  const stamped = path.join(folder, `${new Date().toISOString().replace(/[:.]/g, "-")}-${path.basename(file)}`);
  let target = options.unique ? stamped : path.join(folder, path.basename(file));
  try {
    await fs.access(target);
    target = options.unique
      ? path.join(folder, `${new Date().toISOString().replace(/[:.]/g, "-")}-${process.hrtime.bigint()}-${path.basename(file)}`)
      : stamped;
  } catch {
    // free name
  }
  await fs.rename(file, target);
  return target;
}

/** Files taken from the inbox wait here until their outcome is known (also across a crash or restart). */
export const PROCESSING_FOLDER = "processing";

/**
 * One pass over the folder; returns the results of the files it published or refused. Exported for tests.
 *
 * A file is moved only once its outcome is known: a stable file is first moved to `processing/` under a
 * unique time-stamped name, then published from there; published (or already published) moves it to
 * `done/`, refused to `failed/` with its reason. When publishing fails for another reason (the database
 * is busy, the disk is full) the file stays in `processing/`, the pass throws, and the next pass tries it
 * again: nothing is lost and nothing sits in `done/` unpublished.
 */
export async function scanInbox(options: InboxOptions, seen: Map<string, string>): Promise<PublishFileResult[]> {
  const { dir } = options;
  let files: string[];
  try {
    files = await listIssueFiles(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      await fs.mkdir(dir, { recursive: true });
      return [];
    }
    throw error;
  }
  const processing = path.join(dir, PROCESSING_FOLDER);
  for (const file of files) {
    const stat = await fs.stat(file);
    const signature = `${stat.size}:${stat.mtimeMs}`;
    if (seen.get(file) !== signature) {
      seen.set(file, signature);
      continue;
    }
    seen.delete(file);
    // Published from a unique path: an issue is stored with its source file, and re-ingesting a path
    // replaces what came from it, so staff reusing a name ("today.txt") must not replace yesterday's issue.
    await moveInto(processing, file, { unique: true });
  }
  const results: PublishFileResult[] = [];
  let pending: string[];
  try {
    pending = await listIssueFiles(processing);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return results;
    throw error;
  }
  for (const staged of pending) results.push(await publishStaged(options, staged));
  return results;
}

/** Publishes one file of `processing/` and moves it by its outcome; throws (file left in place) otherwise. */
async function publishStaged(options: InboxOptions, staged: string): Promise<PublishFileResult> {
  const { dir, logger } = options;
  const name = path.basename(staged).replace(/^\d{4}-\d{2}-\d{2}T[\d-]+Z-/, "");
  const [result] = await options.publishing.publish([staged], { source: `inbox:${name}`, parse: parseIssueBytesOffThread });
  if (result.status === "refused") {
    const moved = await moveInto(path.join(dir, "failed"), staged);
    await fs.writeFile(`${moved}.error.txt`, `${result.error ?? "refused"}\n`);
    logger.warn({ file: name, error: result.error }, "inbox: file refused, moved to failed/");
    return result;
  }
  await moveInto(path.join(dir, "done"), staged);
  logger.info({ file: name, status: result.status, issue: result.issueId, queued: result.queued }, "inbox: issue published");
  return result;
}

/**
 * The watcher as a supervised job: one pass every `intervalMs`. A pass that fails (database busy) fails
 * the job; the supervisor retries it with backoff and the file waits in `processing/` meanwhile.
 */
export function inboxJob(options: InboxOptions): (ctx: { signal: AbortSignal; healthy(): void }) => Promise<void> {
  const seen = new Map<string, string>();
  const interval = options.intervalMs ?? 5_000;
  return async ({ signal, healthy }) => {
    while (!signal.aborted) {
      await scanInbox(options, seen);
      healthy();
      await sleep(interval, signal);
    }
  };
}
