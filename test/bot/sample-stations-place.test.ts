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
    expect(text).toMatch(/^余杭区能充电的驿站（开着的在前，再按离余杭区中心由近到远）：【示例数据】示例驿站·余杭01（约[\d.]+公里/);
    expect(new Set(whereListed(text))).toEqual(new Set(["余杭区"]));
    expect(text).not.toContain("临平");
  });

  it("in English too", async () => {
    t = await createTestBot({ knowledge });
    const [reply] = await t.sendText("Where can I charge my phone in Yuhang?", { from: { language_code: "en" } });
    const text = visibleText(reply!.text);
    expect(text).toMatch(/^In Yuhang District \(余杭区\), stations with phone charging, open ones first, then nearest to its centre: \[SAMPLE DATA\]示例驿站·余杭01 \(/);
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

/** Every sample station named in the texts carries the sample marker: none is passed off as real. */
function unmarkedSampleNames(texts: string[]): string[] {
  return texts.flatMap((text) => [...text.matchAll(/(.{0,13})示例驿站·/g)].filter((m) => !/(【示例数据】|\[SAMPLE DATA\]|【示例】)$/.test(m[1]!)).map((m) => m[0]));
}

describe("pure station questions while the list is the sample set", () => {
  it("'附近哪有驿站能热饭' (no place): asks for the location with the need kept, then lists marked sample stations", async () => {
    t = await createTestBot({ knowledge });
    const replies = await t.sendText("附近哪有驿站能热饭");
    const prompt = replies.at(-1)!;
    expect(prompt.text).toBe("好的，找能热饭的驿站。请点下方「📍 发送我的位置」。");
    expect(prompt.payload.reply_markup).toMatchObject({ keyboard: [[{ request_location: true }], expect.anything()] });
    const found = await t.sendLocation(30.276, 119.974); // 余杭区
    const texts = found.filter((m) => m.method === "sendMessage").map((m) => visibleText(m.text));
    expect(texts[0]).toContain("注意：以下是【示例数据】，不是真实驿站");
    expect(texts[0]).toContain("离您最近、能热饭的驿站");
    const venues = found.filter((m) => m.method === "sendVenue").map((v) => String(v.payload.title));
    expect(venues.length).toBeGreaterThan(0);
    for (const title of venues) expect(title).toMatch(/^【示例】示例驿站·/);
    expect(unmarkedSampleNames(texts)).toEqual([]);
  });

  it("in English: 'where is the nearest station to heat food' asks for the location, then marks the samples", async () => {
    t = await createTestBot({ knowledge });
    const en = { from: { language_code: "en" } };
    const replies = await t.sendText("Where is the nearest station to heat food?", en);
    expect(replies.at(-1)!.text).toBe('OK, stations with heat food. Tap "📍 Share my location" below.');
    const found = await t.sendLocation(30.276, 119.974, en);
    const texts = found.filter((m) => m.method === "sendMessage").map((m) => visibleText(m.text));
    expect(texts[0]).toContain("these are [SAMPLE DATA], not real stations");
    expect(unmarkedSampleNames(texts)).toEqual([]);
  });

  it("with a place ('余杭附近哪有驿站能热饭'): the reply lists that place's sample stations, marked, and asks for no location", async () => {
    t = await createTestBot({ knowledge });
    const replies = await t.sendText("余杭附近哪有驿站能热饭");
    expect(replies).toHaveLength(1);
    const text = visibleText(replies[0]!.text);
    expect(text).toMatch(/【示例数据】示例驿站·余杭0\d/);
    expect(new Set(whereListed(text))).toEqual(new Set(["余杭区"]));
    expect(unmarkedSampleNames([text])).toEqual([]);
    // Opening a sample station says it is not real.
    const index = replies[0]!.buttons.flat().findIndex((b) => b.text.includes("示例驿站"));
    const [card] = await t.pressButton(replies[0]!.buttons.flat()[index]!.callback_data!);
    const cardText = visibleText(card!.text);
    expect(cardText).toContain("【示例数据】");
    expect(cardText).toContain("运营：示例数据（非真实站点）");
  });
});

/** The sample stations a reply names, in order: in its text above the sources, in its source lines, on its buttons. */
function stationsOf(reply: { text: string; buttons: { text: string }[][] }) {
  const names = (s: string) => [...s.matchAll(/示例驿站·[^\s（(，,；;。]+/g)].map((m) => m[0]);
  const text = visibleText(reply.text);
  const [answer, sources = ""] = text.split(/来源：|可能相关（不是确定的答案）：/);
  return { named: names(answer!), sources: names(sources), buttons: reply.buttons.flat().flatMap((b) => names(b.text)) };
}

describe("the stations a reply names are the ones it lists", () => {
  it.each(["温州有没有驿站", "余杭哪里能热饭充电？"])("%s: each station named has a source line and a button", async (q) => {
    t = await createTestBot({ knowledge });
    const [reply] = await t.sendText(q);
    const { named, sources, buttons } = stationsOf(reply!);
    expect(named.length).toBeGreaterThan(0);
    expect(sources).toEqual(named);
    expect(buttons).toEqual(named);
  });
  it("a reply made of sample stations alone is not given as an answer: it says they may be related", async () => {
    t = await createTestBot({ knowledge });
    const [reply] = await t.sendText("温州有没有驿站");
    const text = visibleText(reply!.text);
    expect(text).toContain("可能相关（不是确定的答案）");
    expect(text).not.toContain("来源：");
    expect(text).toMatch(/【示例数据】示例驿站·/);
    expect(text).toContain("12351");
  });
});
