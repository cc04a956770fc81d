/** Station questions in the chat: one clear answer about the place, open-now, nearest outside, no "source incomplete". */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { loadKnowledge } from "../../src/knowledge/index.js";
import type { Knowledge } from "../../src/knowledge/knowledge.js";
import { openStore } from "../../src/storage/open.js";
import path from "node:path";
import { loadGazetteer } from "../../src/knowledge/places/gazetteer.js";
import { StationFinder } from "../../src/knowledge/stations/finder.js";
import { createStationHitProvider } from "../../src/knowledge/stations/hit-provider.js";
import { station } from "../knowledge/stations/helpers.js";
import { createTestBot, visibleText, type TestBot } from "../support/bot-harness.js";
import { fakeKnowledge } from "../support/fake-knowledge.js";

/**
 * A real (imported) station list: real stations lead where-questions (sample ones rank after content).
 * 余杭 has two stations (heat food, no e-bike charging); e-bike charging is in 临平 and 西湖 (Hangzhou) and in
 * 海宁 (another city, Jiaxing).
 */
const LIST = [
  station({ id: "yh-a", name: "余杭甲驿站", city: "杭州市", county: "余杭区", lat: 30.29, lon: 120.0, openingHours: "Mo-Su 08:00-20:00", amenities: ["microwave", "rest_area"] }),
  station({ id: "yh-b", name: "余杭乙驿站", city: "杭州市", county: "余杭区", lat: 30.4, lon: 119.98, openingHours: "Mo-Su 10:00-02:00", amenities: ["microwave", "toilet"] }),
  station({ id: "lp-c", name: "临平丙驿站", city: "杭州市", county: "临平区", lat: 30.42, lon: 120.3, openingHours: "24/7", amenities: ["ebike_charging", "microwave"] }),
  station({ id: "xh-e", name: "西湖戊驿站", city: "杭州市", county: "西湖区", lat: 30.26, lon: 120.13, openingHours: "24/7", amenities: ["ebike_charging", "microwave"] }),
  station({ id: "hn-d", name: "海宁丁驿站", city: "嘉兴市", county: "海宁市", lat: 30.51, lon: 120.68, openingHours: "24/7", amenities: ["ebike_charging", "microwave"] }),
];

let knowledge: Knowledge;
let closeStore: () => Promise<void>;
beforeAll(async () => {
  const store = await openStore("sqlite::memory:");
  await store.stations.upsertMany(LIST);
  knowledge = await loadKnowledge({ store, dataDir: path.resolve("data") });
  closeStore = () => store.close();
}, 180_000);
afterAll(() => closeStore?.());

let t: TestBot | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await t?.close();
  t = undefined;
});

const answer = (bot: TestBot) => visibleText(bot.lastReplies()[0]!.text);
const en = { from: { language_code: "en" } };

/** 2024-05-06 (a Monday) at HH:MM in Asia/Shanghai. */
function at(hhmm: string): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  const [h, m] = hhmm.split(":").map(Number);
  vi.setSystemTime(new Date(Date.UTC(2024, 4, 6, h! - 8, m!)));
}

describe("where-questions about stations in a county", () => {
  it("none with the service in the county: says so, then the nearest outside in the same city with name, distance and direction", async () => {
    at("12:00");
    t = await createTestBot({ knowledge });
    await t.sendText("余杭哪里能给电瓶车充电?");
    const text = answer(t);
    expect(text).toMatch(/^余杭区有 2 个驿站，但都没有登记电动车充换电。离余杭区最近的在余杭区以外：(临平丙驿站|西湖戊驿站)（(临平区|西湖区)，在余杭区中心[东南西北]+面约[\d.]+(公里|米)，营业中）；(临平丙驿站|西湖戊驿站)（/);
    expect(text).not.toContain("你说的地方附近的驿站");
    expect(text).not.toContain("海宁"); // another city's station is not offered while Hangzhou has its own
    await t.sendText("Where can I charge my e-bike in Yuhang?", en);
    // Places in English with the Chinese in brackets: what signs and addresses show.
    expect(answer(t)).toMatch(/^Yuhang District \(余杭区\) has 2 stations, none listed with e-bike charging\. The nearest ones outside Yuhang District \(余杭区\): (临平丙驿站|西湖戊驿站) \((Linping District \(临平区\)|Xihu District \(西湖区\)), [\d.]+ k?m (north|south|east|west|northeast|northwest|southeast|southwest) of the centre of Yuhang District \(余杭区\), open now\)/);
  });

  it("'现在还开着' lists only the stations open now", async () => {
    at("09:00"); // 甲 opens 08:00-20:00, 乙 10:00-02:00
    t = await createTestBot({ knowledge });
    await t.sendText("余杭现在还开着能热饭的驿站有哪些?");
    const text = answer(t);
    expect(text).toMatch(/^余杭区现在开着、能热饭的驿站（离余杭区中心由近到远）：余杭甲驿站（约[\d.]+公里，营业中）。/);
    expect(text).not.toContain("余杭乙驿站");
    expect(text).not.toContain("已关闭");
    await t.sendText("Which stations in Yuhang are open now where I can heat food?", en);
    expect(answer(t)).toMatch(/^In Yuhang District \(余杭区\), stations open now with heat food, nearest to its centre first: 余杭甲驿站 \([\d.]+ km, open now\)\./);
    // Without "now", both are listed, open first.
    await t.sendText("余杭哪里能热饭?");
    expect(answer(t)).toMatch(/^余杭区能热饭的驿站（开着的在前，再按离余杭区中心由近到远）：余杭甲驿站（约[\d.]+公里，营业中）；余杭乙驿站（约[\d.]+公里，已关闭）。/);
  });

  it("an open station farther from the centre is listed before a nearer closed one, and the lead says so (zh and en)", async () => {
    at("01:00"); // 甲 (near the centre) is closed, 乙 (farther) is open until 02:00
    t = await createTestBot({ knowledge });
    await t.sendText("余杭哪里能热饭?");
    expect(answer(t)).toMatch(/^余杭区能热饭的驿站（开着的在前，再按离余杭区中心由近到远）：余杭乙驿站（约[\d.]+公里，营业中）；余杭甲驿站（约[\d.]+公里，已关闭）。/);
    await t.sendText("Where can I heat food in Yuhang?", en);
    expect(answer(t)).toMatch(/^In Yuhang District \(余杭区\), stations with heat food, open ones first, then nearest to its centre: 余杭乙驿站 \([\d.]+ km, open now\); 余杭甲驿站 \([\d.]+ km, closed now\)\./);
  });

  it("when none in the county is open now, says so and offers the nearest open ones outside", async () => {
    at("03:00");
    t = await createTestBot({ knowledge });
    await t.sendText("余杭现在哪里能热饭?");
    const text = answer(t);
    expect(text).toMatch(/^余杭区有 2 个能热饭的驿站，现在都没有开。离余杭区最近的在余杭区以外：/);
    expect(text).toContain("营业中");
    expect(text).not.toContain("已关闭");
    // "now" anywhere in an English question asks the same.
    await t.sendText("Where can I heat food in Yuhang now?", en);
    expect(answer(t)).toMatch(/^Yuhang District \(余杭区\) has 2 stations with heat food, none of them open now\./);
    expect(answer(t)).not.toContain("closed now");
  });
});

describe("a station card", () => {
  it("without a source names who runs it and has no 'source details incomplete' line (zh and en)", async () => {
    const gazetteer = await loadGazetteer(path.resolve("data"));
    const yuhang = gazetteer.resolve("余杭")!;
    const finder = new StationFinder([station({ id: "r1", name: "余杭驿站", operator: "余杭区总工会", source: null, county: "余杭区", city: "杭州市", lat: yuhang.lat, lon: yuhang.lon + 0.01 })]);
    const provider = createStationHitProvider({ finder });
    const hitsFor = (raw: string, english: boolean) => provider.search({ raw, terms: [], places: [{ place: yuhang, start: 0 } as never], english }, 5);
    const zhHits = await hitsFor("余杭哪里有驿站", false);
    const enHits = await hitsFor("where is a station in Yuhang", true);
    t = await createTestBot({
      knowledge: fakeKnowledge([
        { match: /^余杭/, answer: zhHits[0]!.lead!, hits: zhHits },
        { match: /^where/, answer: enHits[0]!.lead!, hits: enHits },
      ]),
    });
    await t.sendText("余杭哪里有驿站");
    const [card] = await t.pressButton("hit:1:0");
    const text = visibleText(card!.text);
    expect(text).toContain("运营：余杭区总工会");
    expect(text).not.toContain("来源信息不全");
    expect(text).not.toContain("来源：");
    await t.sendText("where is a station in Yuhang", en);
    const [enCard] = await t.pressButton("hit:2:0", en);
    expect(visibleText(enCard!.text)).toContain("Run by 余杭区总工会");
    expect(visibleText(enCard!.text)).not.toContain("source details incomplete");
  });
});
