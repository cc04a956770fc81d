import { describe, expect, it } from "vitest";
import { meetsNeeds, needById, needsInText, parseNeed } from "../../../src/knowledge/stations/amenities.js";

const ids = (text: string) => needsInText(text).map((n) => n.id);

describe("needs in a question", () => {
  it("narrows 充电 to e-bike charging when the question is about an e-bike or its battery", () => {
    expect(ids("余杭哪里可以给电动车充电")).toEqual(["ebike_charge"]);
    expect(ids("电动车没电了,余杭哪有换电的")).toEqual(["ebike_charge"]);
    expect(ids("电瓶车哪里能充电")).toEqual(["ebike_charge"]);
    expect(ids("where can I charge my e-bike")).toEqual(["ebike_charge"]);
  });

  it("narrows 充电 to phone charging for phones and power banks", () => {
    expect(ids("手机没电了哪里能充电")).toEqual(["phone_charge"]);
    expect(ids("手机电池没电了")).toEqual(["phone_charge"]);
    expect(ids("哪里能借充电宝")).toEqual(["phone_charge"]);
    expect(ids("where can I charge my phone")).toEqual(["phone_charge"]);
  });

  it("keeps plain 充电 as either kind, next to other needs, in the order asked", () => {
    expect(ids("余杭哪里能热饭充电?")).toEqual(["heat_food", "charge"]);
    expect(ids("哪里可以充电")).toEqual(["charge"]);
  });

  it("does not read an e-bike alone as a charging need", () => {
    expect(ids("电瓶车哪里能修")).not.toContain("ebike_charge");
    expect(ids("电瓶车哪里能修")).not.toContain("charge");
  });

  it("is met by the right amenities", () => {
    const [ebike] = needsInText("给电动车充电");
    const [phone] = needsInText("手机充电");
    expect(meetsNeeds(["phone_charging"], [ebike])).toBe(false);
    expect(meetsNeeds(["ebike_charging"], [ebike])).toBe(true);
    expect(meetsNeeds(["ebike_charging"], [phone])).toBe(false);
    // The bot's 充电 button and --need 充电 take either.
    const charge = parseNeed("充电")!;
    expect(charge).toBe(needById("charge"));
    expect(meetsNeeds(["phone_charging"], [charge])).toBe(true);
    expect(meetsNeeds(["ebike_charging"], [charge])).toBe(true);
    expect(parseNeed("ebike_charge")?.amenities).toEqual(["ebike_charging"]);
  });
});
