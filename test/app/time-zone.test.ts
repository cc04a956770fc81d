/**
 * One station directory for the whole application, in TIME_ZONE: `ask` judges "open now" in the configured
 * zone, as /stations does, not in Asia/Shanghai whatever the setting.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { openStore } from "../../src/storage/open.js";
import { station } from "../knowledge/stations/helpers.js";
import { runCommand } from "../support/cli.js";

let databaseUrl: string;
beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-tz-"));
  databaseUrl = `sqlite:${path.join(dir, "tz.db")}`;
  const store = await openStore(databaseUrl);
  await store.stations.upsertMany([
    station({ id: "yh-day", name: "余杭日间驿站", city: "杭州市", county: "余杭区", lat: 30.29, lon: 120.0, openingHours: "Mo-Su 08:00-20:00", amenities: ["microwave"] }),
  ]);
  await store.close();
});
afterEach(() => vi.useRealTimers());

async function openStationsAsked(timeZone: string): Promise<string[]> {
  // Monday 2024-05-06 13:00 UTC: 21:00 in Shanghai (closed), 14:00 in London (open).
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(Date.UTC(2024, 4, 6, 13, 0)));
  const result = await runCommand(["ask", "--json", "余杭现在哪里能热饭?"], { env: { DATABASE_URL: databaseUrl, TIME_ZONE: timeZone } });
  expect(result.code, result.stderr).toBe(0);
  const answer = JSON.parse(result.stdout) as { hits: { kind: string; id: string }[] };
  return answer.hits.filter((h) => h.kind === "station").map((h) => h.id);
}

describe("ask and TIME_ZONE", () => {
  it("a station open now in the configured zone is listed; the same hour in Asia/Shanghai it is closed and left out", async () => {
    expect(await openStationsAsked("Europe/London")).toContain("yh-day");
    expect(await openStationsAsked("Asia/Shanghai")).not.toContain("yh-day");
  }, 120_000);
});
