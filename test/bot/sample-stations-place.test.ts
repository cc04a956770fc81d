/** With the shipped sample stations, a where-question about a district lists stations in today's district. */
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/index.js";
import type { Knowledge } from "../../src/knowledge/knowledge.js";
import { type Bounds, loadBounds } from "../../src/knowledge/places/bounds.js";
import { readSampleStations } from "../../src/knowledge/stations/service.js";
import type { Station } from "../../src/knowledge/stations/types.js";
import { openStore } from "../../src/storage/open.js";
import { createTestBot, visibleText, type TestBot } from "../support/bot-harness.js";

const DATA_DIR = path.resolve("data");

let knowledge: Knowledge;
let bounds: Bounds;
let sample: Station[];
let closeStore: () => Promise<void>;
beforeAll(async () => {
  const store = await openStore("sqlite::memory:"); // empty: the shipped sample set is loaded
  knowledge = await loadKnowledge({ store, dataDir: DATA_DIR });
  bounds = await loadBounds(DATA_DIR);
  sample = await readSampleStations(DATA_DIR);
  closeStore = () => store.close();
}, 180_000);
afterAll(() => closeStore?.());

let t: TestBot | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** The divisions (by name) where the stations named in a reply lie. */
function whereListed(text: string): string[] {
  const names = [...text.matchAll(/示例驿站·[^\s（(，,；;。]+/g)].map((m) => m[0]);
  expect(names.length).toBeGreaterThan(0);
  return names.map((name) => {
    const s = sample.find((x) => x.name === name)!;
    return bounds.divisionsAt(s).map((code) => bounds.file.divisions[code]!.name).join("+");
  });
}

describe("余杭 after the 2021 split, with the sample stations", () => {
  it("'余杭哪里能充电' lists stations that lie in today's 余杭区, not in 临平区", async () => {
    t = await createTestBot({ knowledge });
    const [reply] = await t.sendText("余杭哪里能充电");
    const text = visibleText(reply!.text);
    expect(text).toMatch(/^余杭区能充电的驿站（离余杭区中心由近到远）：【示例数据】示例驿站·余杭01（约[\d.]+公里/);
    expect(new Set(whereListed(text))).toEqual(new Set(["余杭区"]));
    expect(text).not.toContain("临平");
  });

  it("in English too", async () => {
    t = await createTestBot({ knowledge });
    const [reply] = await t.sendText("Where can I charge my phone in Yuhang?", { from: { language_code: "en" } });
    const text = visibleText(reply!.text);
    expect(text).toMatch(/^In Yuhang District \(余杭区\), stations with phone charging, nearest to its centre first: \[SAMPLE DATA\]示例驿站·余杭01 \(/);
    expect(new Set(whereListed(text))).toEqual(new Set(["余杭区"]));
    expect(text).not.toContain("临平");
  });

  it("'临平哪里能充电' lists 临平区's own", async () => {
    t = await createTestBot({ knowledge });
    const [reply] = await t.sendText("临平哪里能充电");
    const text = visibleText(reply!.text);
    expect(text).toContain("【示例数据】示例驿站·临平0");
    expect(new Set(whereListed(text))).toEqual(new Set(["临平区"]));
  });
});
