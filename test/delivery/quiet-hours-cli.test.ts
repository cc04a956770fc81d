/** During quiet hours (22:00–07:00, TIME_ZONE) staff are told why queued digests are not due. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openStore } from "../../src/storage/open.js";
import type { Store } from "../../src/storage/store.js";
import { runCommand } from "../support/cli.js";

const FIXTURE = path.resolve(import.meta.dirname, "fixtures/issue-2022-04-08.txt");

async function setup(): Promise<{ env: NodeJS.ProcessEnv; store: Store }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-quiet-"));
  const env = { DATABASE_URL: `sqlite:${path.join(dir, "bot.db")}`, DATA_DIR: path.resolve("data"), TIME_ZONE: "Asia/Shanghai" };
  const store = await openStore(env.DATABASE_URL);
  await store.subscriptions.upsert({ chatId: 3, userId: 3, topics: ["all"] });
  return { env, store };
}

describe("publish and digest-status during quiet hours", () => {
  let store: Store | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    await store?.close();
    store = undefined;
  });

  it("at 23:00 Shanghai time both say the digests are held until 07:00 (quiet hours)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2024-05-01T15:00:00Z")); // 23:00 in Asia/Shanghai
    const s = await setup();
    store = s.store;
    const published = await runCommand(["publish", FIXTURE], { env: s.env });
    expect(published.code, published.stderr).toBe(0);
    expect(published.stdout).toMatch(/1 digest\(s\) queued, held until 07:00 \(quiet hours\)/);
    expect(published.stdout).toContain("1 digest(s) queued in total, held until 07:00 (quiet hours).");
    const status = await runCommand(["digest-status"], { env: s.env });
    expect(status.stdout).toContain("1 queued (0 due now; 1 held until 07:00 (quiet hours))");
    const json = JSON.parse((await runCommand(["digest-status", "--json"], { env: s.env })).stdout);
    expect(json.held_until).toBe("07:00");
  });

  it("at noon nothing is held and nothing is said about quiet hours", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2024-05-01T04:00:00Z")); // 12:00 in Asia/Shanghai
    const s = await setup();
    store = s.store;
    const published = await runCommand(["publish", FIXTURE], { env: s.env });
    expect(published.stdout).toContain("1 digest(s) queued in total.");
    expect(published.stdout).not.toContain("quiet hours");
    const status = await runCommand(["digest-status"], { env: s.env });
    expect(status.stdout).toContain("1 queued (1 due now)");
    expect(status.stdout).not.toContain("held");
  });
});

describe("/stats for staff during quiet hours", () => {
  afterEach(() => vi.useRealTimers());

  it("says the queued digests are held until 07:00, in Chinese and in English", async () => {
    const { createTestBot } = await import("../support/bot-harness.js");
    const { fakeKnowledge } = await import("../support/fake-knowledge.js");
    const { publishFiles } = await import("../../src/delivery/publish.js");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2024-05-01T15:00:00Z")); // 23:00 in Asia/Shanghai
    const t = await createTestBot({ knowledge: fakeKnowledge([]), config: { ADMIN_IDS: [4242], TIME_ZONE: "Asia/Shanghai" } });
    try {
      await t.store.subscriptions.upsert({ chatId: 3, userId: 3, topics: ["all"] });
      await publishFiles([FIXTURE], { store: t.store, source: "test" });
      const [zh] = await t.sendText("/stats");
      expect(zh!.text).toContain("现在是免打扰时段：摘要暂不发送，07:00 以后发出。");
      const [en] = await t.sendText("/stats", { from: { language_code: "en" } });
      expect(en!.text).toContain("Quiet hours now: digests are held until 07:00 (quiet hours).");
    } finally {
      await t.close();
    }
  });
});
