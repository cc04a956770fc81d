import { afterEach, describe, expect, it } from "vitest";
import { stationsFeature } from "../../src/bot/features/stations.js";
import { features } from "../../src/bot/features/index.js";
import { openStore } from "../../src/storage/open.js";
import type { Store } from "../../src/storage/store.js";
import { station } from "../knowledge/stations/helpers.js";
import { createTestBot, type TestBot } from "../support/bot-harness.js";
import { fakeKnowledge } from "../support/fake-knowledge.js";

let t: TestBot | undefined;
let store: Store | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  store = undefined;
});

const questions = fakeKnowledge([]);

/** A bot whose store holds exactly these stations (so the sample set is not loaded). */
async function botWith(stations: Parameters<Store["stations"]["upsertMany"]>[0]): Promise<TestBot> {
  store = await openStore("sqlite::memory:");
  if (stations.length > 0) await store.stations.upsertMany(stations);
  return createTestBot({ knowledge: questions, store, features: [stationsFeature] });
}

describe("找驿站", () => {
  it("is registered in the bot's feature list", () => {
    expect(features).toContain(stationsFeature);
  });

  it("asks for the location with a share-location button and need buttons", async () => {
    t = await botWith([]);
    const replies = await t.pressButton("menu:stations");
    const prompt = replies.find((m) => m.method === "sendMessage")!;
    expect(prompt.text).toContain("发送我的位置");
    const keyboard = prompt.keyboard.flat();
    expect(keyboard.find((b) => b.request_location)?.text).toBe("📍 发送我的位置");
    expect(keyboard.map((b) => b.text)).toEqual(expect.arrayContaining(["热饭", "充电", "喝水", "厕所", "歇脚"]));
    expect(t.calls("answerCallbackQuery")).toHaveLength(1);
  });

  it("answers a location with the nearest stations as venues, open first, with services and hours", async () => {
    t = await botWith([
      station({ id: "near-closed", name: "近但关门", lat: 30.2705, lon: 120.15, openingHours: "Mo-Su off", address: "A路" }),
      station({ id: "open", name: "开着的驿站", lat: 30.28, lon: 120.15, openingHours: "24/7", address: "B路", amenities: ["microwave", "phone_charging"], phone: "0571-12345" }),
      station({ id: "far", name: "远处驿站", lat: 30.9, lon: 120.6, openingHours: "Mo-Su 00:00-24:00" }),
    ]);
    await t.sendText("/stations");
    const replies = await t.sendLocation(30.27, 120.15);
    const venues = replies.filter((m) => m.method === "sendVenue");
    // Open nearby first, then the open one 80 km away, the closed one last although it is nearest.
    expect(venues.map((v) => v.payload.title)).toEqual(["开着的驿站", "远处驿站", "近但关门"]);
    expect(venues[0].payload).toMatchObject({ latitude: 30.28, longitude: 120.15, address: "B路" });
    const texts = replies.filter((m) => m.method === "sendMessage").map((m) => m.text);
    const openLine = texts.find((x) => x.includes("开着的驿站"))!;
    expect(openLine).toContain("营业中");
    expect(openLine).toContain("24小时开放");
    expect(openLine).toContain("微波炉热饭");
    expect(openLine).toContain("0571-12345");
    const closedLine = texts.find((x) => x.includes("近但关门"))!;
    expect(closedLine).toContain("已关闭");
    // Hours in words, not in opening_hours syntax.
    expect(closedLine).toContain("开放时间：每天 休息");
    expect(texts.find((x) => x.includes("远处驿站"))).toContain("开放时间：24小时开放");
    expect(texts.join("\n")).not.toContain("示例");
    // The first reply removes the location keyboard.
    expect(replies[0].payload.reply_markup).toEqual({ remove_keyboard: true });
  });

  it("filters by the need button pressed before sharing the location", async () => {
    t = await botWith([
      station({ id: "plain", name: "没微波炉", lat: 30.2701, lon: 120.15, amenities: ["rest_area"] }),
      station({ id: "heat", name: "能热饭", lat: 30.29, lon: 120.15, amenities: ["microwave"] }),
    ]);
    await t.pressButton("menu:stations");
    const ack = await t.sendText("热饭");
    expect(ack[0].text).toContain("热饭");
    expect(ack[0].keyboard.flat().some((b) => b.request_location)).toBe(true);
    const replies = await t.sendLocation(30.27, 120.15);
    expect(replies.filter((m) => m.method === "sendVenue").map((v) => v.payload.title)).toEqual(["能热饭"]);
    expect(replies[0].text).toContain("能热饭的驿站");
  });

  it("marks sample stations on the map pin and in the text", async () => {
    t = await botWith([]); // empty store: the shipped sample set is loaded
    const replies = await t.sendLocation(30.42, 120.3);
    const venues = replies.filter((m) => m.method === "sendVenue");
    expect(venues.length).toBeGreaterThan(0);
    for (const v of venues) expect(String(v.payload.title)).toMatch(/^【示例】示例驿站/);
    const texts = replies.filter((m) => m.method === "sendMessage").map((m) => m.text);
    expect(texts[0]).toContain("不是真实驿站");
    expect(texts.slice(1).every((x) => x.includes("【示例数据】"))).toBe(true);
  });

  it("says when nothing meets the need and gives the hotline", async () => {
    t = await botWith([station({ id: "plain", lat: 30.27, lon: 120.15, amenities: ["rest_area"] })]);
    await t.pressButton("menu:stations");
    await t.sendText("厕所");
    const replies = await t.sendLocation(30.27, 120.15);
    expect(replies.some((m) => m.method === "sendVenue")).toBe(false);
    expect(replies[0].text).toContain("附近没有找到能厕所的驿站");
    expect(replies[0].text).toContain("12351");
  });

  it("does not send stations hundreds of kilometres away as nearby", async () => {
    t = await botWith([station({ id: "zj", lat: 30.27, lon: 120.15 })]);
    const replies = await t.sendLocation(-33.87, 151.21);
    expect(replies.some((m) => m.method === "sendVenue")).toBe(false);
    expect(replies[0].text).toContain("附近没有找到驿站");
  });

  it("leaves ordinary text to the search when no location was asked for", async () => {
    t = await botWith([]);
    await t.sendText("热饭");
    expect(questions.questions).toContain("热饭");
  });

  it("answers in English for English users", async () => {
    t = await botWith([station({ id: "x", name: "Station X", lat: 30.27, lon: 120.15, amenities: ["toilet"] })]);
    const en = { from: { id: 9, language_code: "en" } };
    const prompt = await t.pressButton("menu:stations", en);
    expect(prompt.find((m) => m.method === "sendMessage")!.keyboard.flat().map((b) => b.text)).toContain("📍 Share my location");
    const replies = await t.sendLocation(30.27, 120.15, en);
    expect(replies.map((m) => m.text).join("\n")).toContain("Services: toilet");
  });

  it("asks again for a location whose coordinates are not numbers, instead of listing stations 约NaN公里 away", async () => {
    t = await botWith([station({ id: "open", name: "开着的驿站", lat: 30.28, lon: 120.15, openingHours: "24/7" })]);
    await t.sendText("/stations");
    const replies = await t.sendLocation("abc" as unknown as number, 120.15);
    expect(replies.filter((m) => m.method === "sendVenue")).toEqual([]);
    const text = replies.map((m) => m.text).join("\n");
    expect(text).toContain("没能读出这个位置");
    expect(text).not.toContain("NaN");
    const english = await t.sendLocation(91, 120.15, { from: { id: 8, language_code: "en" } });
    expect(english.map((m) => m.text).join("\n")).toContain("That location could not be read");
  });
});
