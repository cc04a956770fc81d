import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/storage/open.js";
import type { Store } from "../../src/storage/store.js";
import { runCommand } from "../support/cli.js";

const FIXTURE = path.resolve(import.meta.dirname, "fixtures/issue-2022-04-08.txt");

const cli = (args: string[], env: NodeJS.ProcessEnv) => runCommand(args, { env });

describe("publish and digest-status commands", () => {
  let store: Store | undefined;
  afterEach(async () => store?.close());

  it("publishes an issue, queues digests for matching subscribers only, and never twice", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-publish-"));
    const env = { DATABASE_URL: `sqlite:${path.join(dir, "bot.db")}`, DATA_DIR: path.resolve("data") };
    store = await openStore(env.DATABASE_URL);
    await store.subscriptions.upsert({ chatId: 1, userId: 1, topics: ["training_jobs"] });
    await store.subscriptions.upsert({ chatId: 2, userId: 2, topics: [], keywords: ["火星探测"] });
    await store.subscriptions.upsert({ chatId: 3, userId: 3, topics: ["all"] });
    const file = FIXTURE;

    const first = await cli(["publish", file], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/published 浙江工人日报 2022-04-08 No\. 12079 \(\d+ articles\): 2 digest\(s\) queued/);
    const second = await cli(["publish", "--json", file], env);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ status: "already-published", queued: 0, issueId: "cn33-0018-2022-04-08-12079" });
    const third = await cli(["publish", file], env);
    expect(third.stdout).toContain("already published");
    expect(third.stdout).toContain("nothing queued");

    const status = await cli(["digest-status", "--json"], env);
    const parsed = JSON.parse(status.stdout);
    expect(parsed.outbox).toMatchObject({ queued: 2, sent: 0 });
    expect(parsed.issues).toHaveLength(1);
    expect(parsed.subscribers.active).toBe(3);
    const text = await cli(["digest-status"], env);
    expect(text.stdout).toContain("浙江工人日报 2022-04-08 No. 12079");
  });

  it("a corrected undated page published again (its id changes) is stored but not sent a second time", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-publish-"));
    const env = { DATABASE_URL: `sqlite:${path.join(dir, "bot.db")}`, DATA_DIR: path.resolve("data") };
    store = await openStore(env.DATABASE_URL);
    await store.subscriptions.upsert({ chatId: 3, userId: 3, topics: ["all"] });
    const page = path.join(dir, "page.txt");
    fs.copyFileSync(path.resolve("data/issues/undated-jiangsu-festival-aid.txt"), page);
    const first = JSON.parse((await cli(["publish", "--json", page], env)).stdout);
    expect(first).toMatchObject({ status: "published", queued: 1 });
    fs.appendFileSync(page, "\n责任编辑:示例\n据新华社电 补充一段更正说明,内容与原文一致。\n");
    const again = JSON.parse((await cli(["publish", "--json", page], env)).stdout);
    expect(again.issueId).not.toBe(first.issueId);
    expect(again).toMatchObject({ status: "already-published", queued: 0 });
    expect((await store.issues.listIssues()).map((i) => i.id)).toEqual([again.issueId]);
  });

  it("refuses a file it cannot parse, naming it, and queues nothing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-publish-"));
    const env = { DATABASE_URL: `sqlite:${path.join(dir, "bot.db")}`, DATA_DIR: path.resolve("data") };
    const empty = path.join(dir, "empty.txt");
    fs.writeFileSync(empty, "\n\n");
    const result = await cli(["publish", empty], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("empty.txt");
    expect(result.stderr).toContain("refused");
    const usage = await cli(["publish"], env);
    expect(usage.code).toBe(2);
  });

  it("has complete --help texts", async () => {
    const publish = await cli(["publish", "--help"], {});
    expect(publish.stdout).toMatch(/already published, nothing queued/);
    expect(publish.stdout).toMatch(/INBOX_DIR/);
    const status = await cli(["digest-status", "--help"], {});
    expect(status.stdout).toMatch(/unconfirmed/);
    expect(status.stdout).toMatch(/--json/);
  });
});
