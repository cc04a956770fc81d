/**
 * INBOX_DIR: staff drop issue files into a folder; the bot publishes each one and moves it to
 * `done/` (published, or already published) or `failed/` (with `<name>.error.txt` saying why).
 * Polling rather than fs.watch: it works the same on network shares and Docker volumes, and a file is only
 * taken once its size and mtime have stayed the same for one interval (so half-copied files wait).
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { BotDeps } from "../bot/context.js";
import { listIssueFiles } from "../knowledge/newspaper/index.js";
import { publishFiles, type PublishFileResult } from "./publish.js";

export interface InboxOptions {
  dir: string;
  deps: Pick<BotDeps, "store" | "knowledge" | "logger">;
  intervalMs?: number;
  onPublished?: (result: PublishFileResult) => void;
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

/** One pass over the folder; returns the results of the files it published. Exported for tests. */
export async function scanInbox(options: InboxOptions, seen: Map<string, string>): Promise<PublishFileResult[]> {
  const { dir, deps } = options;
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
  const results: PublishFileResult[] = [];
  for (const file of files) {
    const stat = await fs.stat(file);
    const signature = `${stat.size}:${stat.mtimeMs}`;
    if (seen.get(file) !== signature) {
      seen.set(file, signature);
      continue;
    }
    seen.delete(file);
    // Published from a unique path in done/: an issue is stored with its source file, and re-ingesting a
    // path replaces what came from it, so staff reusing a name ("today.txt") must not replace yesterday's issue.
    const staged = await moveInto(path.join(dir, "done"), file, { unique: true });
    const [result] = await publishFiles([staged], { store: deps.store, gazetteer: deps.knowledge.gazetteer, source: `inbox:${path.basename(file)}` });
    if (result.status === "refused") {
      const moved = await moveInto(path.join(dir, "failed"), staged);
      await fs.writeFile(`${moved}.error.txt`, `${result.error ?? "refused"}\n`);
      deps.logger.warn({ file, error: result.error }, "inbox: file refused, moved to failed/");
    } else {
      deps.logger.info({ file, status: result.status, issue: result.issueId, queued: result.queued }, "inbox: issue published");
      if (result.status === "published") await deps.knowledge.reindex();
      options.onPublished?.(result);
    }
    results.push(result);
  }
  return results;
}

/** Starts polling; returns a function that stops it after the pass in progress. */
export function startInboxWatcher(options: InboxOptions): () => Promise<void> {
  const seen = new Map<string, string>();
  const interval = options.intervalMs ?? 5_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<unknown> = Promise.resolve();
  const tick = () => {
    pass = scanInbox(options, seen)
      .catch((error: unknown) => options.deps.logger.error({ err: error, dir: options.dir }, "inbox scan failed"))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, interval);
      });
  };
  tick();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await pass;
  };
}
