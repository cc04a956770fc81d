import { afterEach, describe, expect, it } from "vitest";
import { GrammyError, type Api } from "grammy";
import { DigestSender, SenderLeaseError } from "../../src/delivery/sender.js";
import { takeSenderLease } from "../../src/delivery/lease.js";
import type { Store } from "../../src/storage/store.js";
import type { SenderLease } from "../../src/knowledge/digest/types.js";
import { publishSample, storeWithSubscribers } from "./helpers.js";
import { ManualClock } from "../support/manual-clock.js";

const NO_QUIET = { start: "00:00", end: "00:00" };
// Short lease timings so a 1 s retry_after lasts many heartbeats and more than the stale limit. Time is a
// ManualClock's: the sender's waits and heartbeats run on it, never on the machine's clock.
const HEARTBEAT_MS = 40;
const STALE_MS = 300;

/** sendMessage answers the first call with 429 retry_after=1 and accepts the others; records chat ids. */
function floodControlledApi() {
  const sent: number[] = [];
  let calls = 0;
  const api = {
    sendMessage: async (chatId: number) => {
      calls++;
      if (calls === 1) {
        throw new GrammyError(
          "Call to 'sendMessage' failed!",
          { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } },
          "sendMessage",
          {},
        );
      }
      sent.push(chatId);
      return { message_id: calls, chat: { id: chatId } };
    },
  } as unknown as Api;
  return { api, sent, calls: () => calls };
}

/** One sender at a time, with the short lease timings above, on the test's clock. */
const leasedSender = (store: Store, api: Api, clock: ManualClock) =>
  new DigestSender({
    store,
    api,
    ratePerSecond: 100,
    concurrency: 1,
    perChatGapMs: 0,
    heartbeatMs: HEARTBEAT_MS,
    leaseStaleMs: STALE_MS,
    now: clock.now,
    sleep: clock.sleep,
  });

/** The lease as stored (read through a takeover attempt that always declines). */
async function currentLease(store: Store): Promise<SenderLease | undefined> {
  let seen: SenderLease | undefined;
  const probe: SenderLease = { runId: "probe", pid: 1, host: "probe", heartbeatAt: 0 };
  const result = await store.senderLease.acquireSenderLease(probe, (holder) => {
    seen = holder;
    return false;
  });
  if (result.acquired) await store.senderLease.releaseSenderLease("probe");
  return seen;
}

describe("sender lease during a long 429 wait", () => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it("the heartbeat keeps the lease fresh while the loop waits out retry_after, so nobody takes over", async () => {
    store = await storeWithSubscribers(3, { quietHours: NO_QUIET });
    const clock = new ManualClock();
    await publishSample(store, clock.now());
    const { api, sent, calls } = floodControlledApi();
    const sender = leasedSender(store, api, clock);
    const running = sender.runUntilIdle();
    // Well into the 1 s pause the 429 asked for (more than STALE_MS after the loop last got to run).
    await clock.advance(700);
    expect(calls()).toBe(1);
    const lease = await currentLease(store);
    expect(lease?.runId).toBe(sender.runId);
    expect(clock.now() - lease!.heartbeatAt).toBeLessThan(STALE_MS);
    // A second sender with the same stale limit finds a live holder and does not take over.
    await expect(takeSenderLease(store, "intruder", clock.now(), STALE_MS)).rejects.toBeInstanceOf(SenderLeaseError);
    await clock.until(running, 5_000);
    // Everything was delivered exactly once by the one sender, and nothing was marked unconfirmed.
    expect(sent.sort()).toEqual([1001, 1002, 1003]);
    const status = await store.outbox.status(Date.now());
    expect(status.outbox).toMatchObject({ sent: 3, queued: 0, unconfirmed: 0, sending: 0 });
    // The lease is released when the sender stops, and its timer no longer renews it.
    expect(await currentLease(store)).toBeUndefined();
    await clock.advance(3 * HEARTBEAT_MS);
    expect(await currentLease(store)).toBeUndefined();
  });

  it("a sender whose lease was taken over stops claiming rows instead of running alongside the new one", async () => {
    store = await storeWithSubscribers(3, { quietHours: NO_QUIET });
    const clock = new ManualClock();
    const published = await publishSample(store, clock.now());
    const { api, sent, calls } = floodControlledApi();
    const sender = leasedSender(store, api, clock);
    const running = sender.start();
    await clock.advance(200); // the first send got its 429; the loop now waits out retry_after
    expect(calls()).toBe(1);
    // Another run takes the lease (as a sender would from a process frozen past the stale limit).
    const taken = await store.senderLease.acquireSenderLease({ runId: "other-run", pid: 1, host: "elsewhere", heartbeatAt: clock.now() }, () => true);
    expect(taken.acquired).toBe(true);
    // Stops on its own within a few heartbeats, well before retry_after is over.
    await clock.until(running, 3 * HEARTBEAT_MS + 200);
    await clock.advance(1200); // past the retry_after: still nothing more is claimed or sent
    expect(calls()).toBe(1);
    expect(sent).toEqual([]);
    const rows = await store.outbox.outboxRows(published.issue.issueId);
    expect(rows.map((r) => r.status)).toEqual(["queued", "queued", "queued"]);
    expect((await currentLease(store))?.runId).toBe("other-run");
  });

  it("a claim only succeeds for the run holding the lease", async () => {
    store = await storeWithSubscribers(1, { quietHours: NO_QUIET });
    const published = await publishSample(store);
    const [row] = await store.outbox.outboxRows(published.issue.issueId);
    await takeSenderLease(store, "holder", Date.now(), STALE_MS);
    expect(await store.outbox.claim(row.id, "not-the-holder", Date.now())).toBe(false);
    expect(await store.outbox.claim(row.id, "holder", Date.now())).toBe(true);
  });
});
