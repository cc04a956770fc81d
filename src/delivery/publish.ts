/**
 * Publishing issue files (CLI `publish`, the inbox folder, an admin's document): parse and store each
 * file as `ingest` does, then queue its digests. A file that cannot be parsed is refused and nothing of it
 * is stored; an issue published before is stored again (ingest replaces it) but queues nothing.
 */
import { ingestFiles } from "../knowledge/newspaper/index.js";
import type { ParseIssueBytes } from "../knowledge/newspaper/file.js";
import type { Gazetteer } from "../knowledge/places/types.js";
import type { ParsedIssue } from "../knowledge/types.js";
import type { Store } from "../storage/store.js";
import { queueIssueDigests } from "./queue.js";

export interface PublishFileResult {
  file: string;
  status: "published" | "already-published" | "refused";
  issueId?: string;
  paper?: string | null;
  date?: string | null;
  number?: string | null;
  articles?: number;
  /** Digests queued by this publish (0 when already published). */
  queued: number;
  /** When it was first published (already-published). */
  publishedAt?: string;
  error?: string;
  /** Accepted with a warning (e.g. a story stored undated). */
  warnings?: string[];
}

export interface PublishDeps {
  store: Store;
  gazetteer?: Gazetteer;
  /** Who publishes: "cli", "inbox", "admin:<userId>". */
  source: string;
  now?: number;
  /** How a file's bytes are parsed (the bot parses in a worker thread, so members are not kept waiting). */
  parse?: ParseIssueBytes;
  onResult?: (result: PublishFileResult, done: number, total: number) => void;
}

async function storedIssue(store: Store, issueId: string): Promise<ParsedIssue | undefined> {
  const issue = await store.issues.getIssue(issueId);
  if (!issue) return undefined;
  const articles = await store.issues.articlesOf(issueId);
  return {
    issue: { id: issue.id, paper: issue.paper, date: issue.date, number: issue.number },
    articles: articles.map(({ issue: _issue, ...article }) => article),
  };
}

async function firstPublished(store: Store, issueIds: string[]) {
  for (const id of issueIds) {
    const published = await store.outbox.getPublished(id);
    if (published) return published;
  }
  return undefined;
}

export async function publishFiles(files: string[], deps: PublishDeps): Promise<PublishFileResult[]> {
  const results: PublishFileResult[] = [];
  for (const file of files) {
    const [ingested] = await ingestFiles(deps.store, [file], undefined, { parse: deps.parse });
    let result: PublishFileResult;
    if (ingested.status === "refused" || !ingested.issue) {
      result = { file, status: "refused", queued: 0, error: ingested.error ?? "not stored" };
    } else {
      const parsed = await storedIssue(deps.store, ingested.issue.id);
      if (!parsed) throw new Error(`${file}: issue ${ingested.issue.id} was stored but cannot be read back`);
      // A corrected file whose issue id changed (an undated page edited) replaces an issue that may have been
      // published already: the correction is stored, but subscribers do not get the same issue twice.
      const earlier = await firstPublished(deps.store, ingested.superseded ?? []);
      const outcome = earlier
        ? ({ status: "already-published", issue: earlier } as const)
        : await queueIssueDigests(deps.store.outbox, parsed, {
            gazetteer: deps.gazetteer,
            source: deps.source,
            now: deps.now,
          });
      result = {
        file,
        status: outcome.status,
        issueId: parsed.issue.id,
        paper: parsed.issue.paper,
        date: parsed.issue.date,
        number: parsed.issue.number,
        articles: parsed.articles.length,
        queued: outcome.status === "published" ? outcome.queued : 0,
        publishedAt: outcome.status === "already-published" ? outcome.issue.publishedAt : undefined,
        ...(ingested.warnings ? { warnings: ingested.warnings } : {}),
      };
    }
    results.push(result);
    deps.onResult?.(result, results.length, files.length);
  }
  return results;
}

/** Publishing as the application offers it: store and queue, then make it searchable and wake the sender. */
export interface Publishing {
  publish(files: string[], options: Pick<PublishDeps, "source" | "parse" | "onResult" | "now">): Promise<PublishFileResult[]>;
}

export function createPublishing(deps: {
  store: Store;
  gazetteer?: Gazetteer;
  /** Rebuilds this process's search (absent in a process without one, e.g. the command line). */
  reindex?: () => Promise<void>;
  /** Digests were queued: the sender looks at once. */
  wake?: () => void;
}): Publishing {
  return {
    async publish(files, options) {
      const results = await publishFiles(files, { store: deps.store, gazetteer: deps.gazetteer, ...options });
      if (results.some((r) => r.status === "published")) {
        await deps.reindex?.();
        deps.wake?.();
      }
      return results;
    },
  };
}
