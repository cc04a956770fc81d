/**
 * openApp as the entry points use it: the serving process's jobs start from the application (not from bot
 * features), a publish through the services reaches subscribers through the digest sender job, and a
 * command that needs no database opens none.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openApp, type App } from "../../src/app/app.js";
import { parseConfig } from "../../src/config.js";
import type { MessageApi } from "../../src/delivery/sender.js";
import { silentLogger } from "../../src/logger.js";
import { waitFor } from "../support/spawn-bot.js";

const FIXTURE = path.resolve(import.meta.dirname, "../delivery/fixtures/issue-2022-04-08.txt");

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe("openApp", () => {
  it("starts the sender, inbox, conversation sweep and content watcher; a publish is delivered by the sender job", async () => {
    const inbox = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-app-inbox-"));
    app = openApp(parseConfig({ DATABASE_URL: "sqlite::memory:", INBOX_DIR: inbox }), { logger: silentLogger });
    const store = await app.store();
    await store.subscriptions.upsert({ chatId: 7, userId: 7, topics: ["all"], quietHours: { start: "00:00", end: "00:00" } });
    const sent: number[] = [];
    const api = { sendMessage: async (chatId: number) => (sent.push(chatId), { message_id: sent.length }) } as unknown as MessageApi;
    const services = await app.services();
    await app.startJobs({ senderApi: api });
    expect(app.jobs.health().jobs.map((j) => j.name).sort()).toEqual(["content-watch", "conversation-sweep", "digest-sender", "inbox"]);

    const [result] = await services.publishing.publish([FIXTURE], { source: "test" });
    expect(result).toMatchObject({ status: "published", queued: 1 });
    await waitFor(() => sent.length === 1, 20_000, "the digest");
    expect(sent).toEqual([7]);
    // Stopping the app stops its jobs before the store closes.
    await app.close();
    expect(app.jobs.health().jobs).toEqual([]);
    app = undefined;
  }, 120_000);

  it("loads only what a command asks for: the catalogue without opening the database", async () => {
    app = openApp(parseConfig({ DATABASE_URL: "sqlite:/nonexistent-dir/never/opened.db" }), { logger: silentLogger });
    const catalogue = await app.catalogue();
    expect(catalogue.programmes.length).toBeGreaterThan(0);
    expect(await app.catalogue()).toBe(catalogue);
    const places = await app.places();
    expect(places.resolve("淮安")?.city).toBe("淮安市");
  });
});
