import { openStore } from "../../src/storage/open.js";
import type { Store } from "../../src/storage/store.js";
import type { SubscriptionInput } from "../../src/knowledge/digest/types.js";
import { queueIssueDigests } from "../../src/delivery/queue.js";
import { sampleIssue } from "../knowledge/digest/fixtures.js";

/** 2024-11-07 10:00 in Asia/Shanghai: outside the default quiet hours. */
export const MORNING = Date.UTC(2024, 10, 7, 2, 0);
/** 2024-11-07 23:30 in Asia/Shanghai: inside the default quiet hours. */
export const LATE_NIGHT = Date.UTC(2024, 10, 7, 15, 30);

export async function storeWithSubscribers(count: number, input: Partial<SubscriptionInput> = {}, url = "sqlite::memory:"): Promise<Store> {
  const store = await openStore(url);
  for (let i = 1; i <= count; i++) {
    await store.subscriptions.upsert({ chatId: 1000 + i, userId: 1000 + i, topics: ["all"], ...input });
  }
  return store;
}

export async function publishSample(store: Store, now = Date.now(), issueId?: string) {
  return queueIssueDigests(store.outbox, sampleIssue(issueId), { source: "test", now });
}
