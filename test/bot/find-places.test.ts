/** Shared locations turned into place facts with the shipped gazetteer. */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { placeNear } from "../../src/bot/conversations/find-places.js";
import { createPlaces, type Places } from "../../src/app/services.js";
import { createCatalogue } from "../../src/knowledge/catalogue/index.js";
import { loadGazetteer } from "../../src/knowledge/places/gazetteer.js";

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

  it("knows nothing at sea", () => {
    expect(placeNear(deps, 25, 128)).toBeNull();
  });
});
