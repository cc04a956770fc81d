/** Station questions in the chat: one clear answer about the place, open-now, nearest outside, no "source incomplete". */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import path from "node:path";
import { loadGazetteer } from "../../src/knowledge/places/gazetteer.js";
import { StationFinder } from "../../src/knowledge/stations/finder.js";
import { createStationHitProvider } from "../../src/knowledge/stations/hit-provider.js";
import { station } from "../knowledge/stations/helpers.js";
import { createTestBot, loadRealKnowledge, visibleText, type TestBot } from "../support/bot-harness.js";
import { fakeKnowledge } from "../support/fake-knowledge.js";

// The shipped data (jieba, index, sample stations) loads once for the file, before the clock is set.
beforeAll(() => loadRealKnowledge(), 180_000);

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

describe("where-questions about stations in a county (shipped sample stations)", () => {
  it("none with the service in the county: says so, then the nearest outside with name, distance and direction", async () => {
    at("12:00");
    t = await createTestBot();
    await t.sendText("余杭哪里能给电瓶车充电?");
    const text = answer(t);
    expect(text).toMatch(/^余杭区有 2 个驿站，但都没有登记电动车充换电。离余杭区最近的在余杭区以外：【示例数据】示例驿站·\S+（\S+区，在余杭区中心[东南西北]+面约[\d.]+公里，(营业中|已关闭)）/);
    expect(text).not.toContain("你说的地方附近的驿站");
    expect(text).not.toContain("海宁"); // another city's station is not offered while Hangzhou has nearer ones
    await t.sendText("Where can I charge my e-bike in Yuhang?", en);
    expect(answer(t)).toMatch(/^Yuhang has 2 stations, none listed with e-bike charging\. The nearest ones outside Yuhang: \[SAMPLE DATA\]\S+ \(\S+, [\d.]+ km (north|south|east|west|northeast|northwest|southeast|southwest) of the centre of Yuhang, (open now|closed now)\)/);
  });

  it("'现在还开着' lists only the stations open now", async () => {
    at("09:00"); // 余杭01 opens 08:00-20:00, 余杭02 10:00-02:00
    t = await createTestBot();
    await t.sendText("余杭现在还开着能热饭的驿站有哪些?");
    const text = answer(t);
    expect(text).toMatch(/^余杭区现在开着、能热饭的驿站（离余杭区中心由近到远）：【示例数据】示例驿站·余杭01（约[\d.]+公里，营业中）。/);
    expect(text).not.toContain("余杭02");
    expect(text).not.toContain("已关闭");
    await t.sendText("Which stations in Yuhang are open now where I can heat food?", en);
    expect(answer(t)).toMatch(/^In Yuhang, stations open now with heat food, nearest to its centre first: \[SAMPLE DATA\]示例驿站·余杭01 \([\d.]+ km, open now\)\./);
  });

  it("when none in the county is open now, says so and offers the nearest open ones outside", async () => {
    at("03:00");
    t = await createTestBot();
    await t.sendText("余杭现在哪里能热饭?");
    const text = answer(t);
    expect(text).toMatch(/^余杭区有 2 个能热饭的驿站，现在都没有开。离余杭区最近的在余杭区以外：/);
    expect(text).toContain("营业中");
    expect(text).not.toContain("已关闭");
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
