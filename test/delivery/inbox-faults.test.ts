/** The INBOX_DIR watcher when publishing fails for a reason that is not the file's fault. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { scanInbox } from "../../src/delivery/inbox.js";
import { createPublishing } from "../../src/delivery/publish.js";
import { silentLogger } from "../../src/logger.js";
import { openStore } from "../../src/storage/open.js";
import type { Store } from "../../src/storage/store.js";

const FIXTURE = path.resolve(import.meta.dirname, "fixtures/issue-2022-04-08.txt");

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

/** The store, with its first `failures` issue writes failing as a locked database does. */
function lockedAtFirst(inner: Store, failures: number): Store {
  let left = failures;
  const issues = new Proxy(inner.issues, {
    get(target, property, receiver) {
      if (property !== "replaceIssue") return Reflect.get(target, property, receiver) as unknown;
      return async (...args: Parameters<Store["issues"]["replaceIssue"]>) => {
        if (left-- > 0) throw Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
        return target.replaceIssue(...args);
      };
    },
  });
  return Object.assign(Object.create(inner) as Store, { issues });
}

const listing = (dir: string, folder: string) => (fs.existsSync(path.join(dir, folder)) ? fs.readdirSync(path.join(dir, folder)) : []);

describe("inbox watcher and a busy database", () => {
  it("keeps the file until it is published: a failed attempt leaves nothing in done/ or failed/, and a later pass publishes it", async () => {
    const inner = (store = await openStore("sqlite::memory:"));
    await inner.subscriptions.upsert({ chatId: 1, userId: 1, topics: ["all"], quietHours: { start: "00:00", end: "00:00" } });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-inbox-busy-"));
    fs.copyFileSync(FIXTURE, path.join(dir, "today.txt"));
    const inbox = { dir, publishing: createPublishing({ store: lockedAtFirst(inner, 2) }), logger: silentLogger };
    const seen = new Map<string, string>();
    expect(await scanInbox(inbox, seen)).toEqual([]); // notes the file (it might still be copying)

    await expect(scanInbox(inbox, seen)).rejects.toThrow(/locked/);
    await expect(scanInbox(inbox, seen)).rejects.toThrow(/locked/);
    expect(listing(dir, "done")).toEqual([]);
    expect(listing(dir, "failed")).toEqual([]);
    expect(await inner.issues.listIssues()).toEqual([]);

    const results = await scanInbox(inbox, seen);
    expect(results.map((r) => r.status)).toEqual(["published"]);
    expect(listing(dir, "done")).toEqual([expect.stringMatching(/-today\.txt$/)]);
    expect(listing(dir, "failed")).toEqual([]);
    expect(listing(dir, "processing")).toEqual([]);
    expect((await inner.issues.listIssues()).map((i) => i.date)).toEqual(["2022-04-08"]);
    expect((await inner.outbox.status(Date.now())).outbox.queued).toBe(1);
    // Nothing is published twice by later passes.
    expect(await scanInbox(inbox, seen)).toEqual([]);
  });

  it("a refused file goes to failed/ with its reason, once", async () => {
    store = await openStore("sqlite::memory:");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-inbox-refused-"));
    fs.writeFileSync(path.join(dir, "notes.txt"), "hello\n");
    const inbox = { dir, publishing: createPublishing({ store }), logger: silentLogger };
    const seen = new Map<string, string>();
    await scanInbox(inbox, seen);
    const [result] = await scanInbox(inbox, seen);
    expect(result.status).toBe("refused");
    const failed = listing(dir, "failed").sort();
    expect(failed).toEqual([expect.stringMatching(/-notes\.txt$/), expect.stringMatching(/-notes\.txt\.error\.txt$/)]);
    expect(fs.readFileSync(path.join(dir, "failed", failed[1]), "utf8")).toMatch(/notes\.txt.*(20|Chinese|汉字|story)/i);
    expect(await scanInbox(inbox, seen)).toEqual([]);
  });
});
