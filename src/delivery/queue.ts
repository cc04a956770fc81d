/**
 * Publishing an issue queues its digests: one outbox row per subscriber with at least one matching article,
 * all created in one transaction together with the "published" record (so publishing twice queues nothing).
 */
import type { Gazetteer } from "../knowledge/places/types.js";
import type { ParsedIssue } from "../knowledge/types.js";
import { prepareArticles, selectArticles, type PreparedArticle } from "../knowledge/digest/match.js";
import type { DigestItem, OutboxDraft, PublishResult, Subscription } from "../knowledge/digest/types.js";
import type { OutboxRepository } from "../knowledge/digest/repositories.js";
import { earliestDelivery } from "./schedule.js";

export interface QueueOptions {
  gazetteer?: Gazetteer;
  /** Who published: "cli", "inbox:<file>", "admin:<userId>". */
  source: string;
  /** Clock (epoch ms) for tests. */
  now?: number;
}

export function planDigests(articles: PreparedArticle[], subscribers: Subscription[], now: number): OutboxDraft[] {
  const drafts: OutboxDraft[] = [];
  for (const sub of subscribers) {
    const seqs = selectArticles(articles, sub);
    if (seqs.length === 0) continue;
    drafts.push({
      chatId: sub.chatId,
      userId: sub.userId,
      locale: sub.locale,
      articles: seqs,
      notBefore: earliestDelivery(now, sub.delivery, sub.quietHours, sub.timeZone),
    });
  }
  return drafts;
}

export async function queueIssueDigests(
  repo: OutboxRepository,
  parsed: ParsedIssue,
  options: QueueOptions,
): Promise<PublishResult> {
  const now = options.now ?? Date.now();
  const articles = prepareArticles(parsed.articles, options.gazetteer);
  const items: DigestItem[] = articles.map((a) => ({ seq: a.seq, articleId: a.articleId, title: a.title, summary: a.summary }));
  return repo.publish(
    {
      issueId: parsed.issue.id,
      paper: parsed.issue.paper,
      date: parsed.issue.date,
      number: parsed.issue.number,
      items,
      source: options.source,
    },
    (subscribers) => planDigests(articles, subscribers, now),
  );
}
