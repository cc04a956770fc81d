/** Shared locations turned into place facts with the shipped gazetteer. */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { placeNear } from "../../src/bot/conversations/find-places.js";
import { createPlaces, type Places } from "../../src/app/services.js";
import { createCatalogue } from "../../src/knowledge/catalogue/index.js";
import { loadGazetteer } from "../../src/knowledge/places/gazetteer.js";
import { createTestBot } from "../support/bot-harness.js";
import { findKnowledge, said, startFind } from "../support/find-harness.js";

let deps: { places: Places };
beforeAll(async () => {
  const gazetteer = await loadGazetteer(path.resolve(__dirname, "../../data"));
  deps = { places: createPlaces(createCatalogue([]), gazetteer) };
});

describe("placeNear", () => {
  it("names the county of a location in Zhejiang", () => {
    expect(placeNear(deps, 30.53, 120.94)?.facts).toEqual({ province: "浙江省", city: "嘉兴市", county: "海盐县" });
  });

  it("names a municipality for a location in it, not the nearest city of a neighbouring province", () => {
    // Haidian, Beijing: 廊坊 (Hebei) is the nearest prefecture centre.
    expect(placeNear(deps, 39.99, 116.31)?.facts).toEqual({ province: "北京市" });
    expect(placeNear(deps, 31.22, 121.54)?.facts).toEqual({ province: "上海市" });
  });

  it("names the county whose outline holds the location, where the nearest centre is a neighbour's", () => {
    // 良渚, in today's 余杭区: 拱墅区's centre is nearer than 余杭区's (at 仓前 since the 2021 split).
    expect(placeNear(deps, 30.37, 120.05)?.facts).toEqual({ province: "浙江省", city: "杭州市", county: "余杭区" });
    // South of 龙港市, in 苍南县: 龙港市's centre is nearer than 苍南县's (at 灵溪).
    expect(placeNear(deps, 27.4, 120.6)?.facts).toEqual({ province: "浙江省", city: "温州市", county: "苍南县" });
  });

  it("in the chat: /find with a shared location in 良渚 says 余杭区", async () => {
    const t = await createTestBot(await findKnowledge());
    await startFind(t, "job");
    await t.sendLocation(30.37, 120.05);
    expect(said(t)).toContain("地点：杭州市余杭区");
    await t.close();
  });

  it("knows nothing at sea", () => {
    expect(placeNear(deps, 25, 128)).toBeNull();
  });
});
