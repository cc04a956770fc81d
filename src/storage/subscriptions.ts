/**
 * What both stores share about subscriptions: the settings an upsert stores. The types and repository
 * interfaces are the digest domain's (src/knowledge/digest/types.ts, repositories.ts).
 */
import { DEFAULT_QUIET_HOURS, type DigestTopic, type Subscription, type SubscriptionInput } from "../knowledge/digest/types.js";

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

function checkTime(value: string, what: string): void {
  if (!HHMM.test(value)) throw new Error(`${what}: expected HH:MM (00:00-23:59), got "${value}"`);
}

/** The settings an upsert stores: the input over the existing subscription over the defaults, validated. */
export function mergeSubscription(input: SubscriptionInput, existing: Subscription | undefined) {
  const merged = {
    topics: input.topics ?? existing?.topics ?? (["all"] as DigestTopic[]),
    region: input.region !== undefined ? input.region : (existing?.region ?? null),
    keywords: input.keywords ?? existing?.keywords ?? [],
    delivery: input.delivery ?? existing?.delivery ?? { kind: "immediate" as const },
    quietHours: input.quietHours ?? existing?.quietHours ?? DEFAULT_QUIET_HOURS,
    timeZone: input.timeZone ?? existing?.timeZone ?? "Asia/Shanghai",
    locale: input.locale ?? existing?.locale ?? "zh-CN",
  };
  if (merged.delivery.kind === "daily") checkTime(merged.delivery.time, "daily delivery time");
  checkTime(merged.quietHours.start, "quiet hours start");
  checkTime(merged.quietHours.end, "quiet hours end");
  return merged;
}
