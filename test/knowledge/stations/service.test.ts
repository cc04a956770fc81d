import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  applyImport,
  ensureSampleStations,
  loadStationFinder,
  planImport,
  readSampleStations,
  shouldRemoveSample,
} from "../../../src/knowledge/stations/service.js";
import { openStore } from "../../../src/storage/open.js";
import type { Store } from "../../../src/storage/store.js";
import { station } from "./helpers.js";

const DATA_DIR = path.resolve(__dirname, "../../../data");

describe("stations in the store", () => {
  let store: Store;
  afterEach(async () => store?.close());

  it("loads the shipped sample set into an empty store, once, all marked sample", async () => {
    store = await openStore("sqlite::memory:");
    const loaded = await ensureSampleStations(store.stations, DATA_DIR);
    expect(loaded).toBeGreaterThanOrEqual(60);
    expect(loaded).toBeLessThanOrEqual(150);
    expect(await store.stations.count({ sample: false })).toBe(0);
    expect(await ensureSampleStations(store.stations, DATA_DIR)).toBe(0);
    const all = await store.stations.list();
    expect(all.every((s) => s.sample && s.name.startsWith("示例"))).toBe(true);
  });

  it("places the sample set at county towns across Zhejiang", async () => {
    const sample = await readSampleStations(DATA_DIR);
    const counties = new Set(sample.map((s) => s.county));
    expect(counties.size).toBe(90);
    expect(sample.every((s) => s.province === "浙江省" && s.lat > 27 && s.lat < 31.5 && s.lon > 118 && s.lon < 123)).toBe(true);
  });

  it("does not load the sample set into a store that has real stations", async () => {
    store = await openStore("sqlite::memory:");
    await store.stations.upsertMany([station({ id: "real", lat: 30, lon: 120 })]);
    expect(await ensureSampleStations(store.stations, DATA_DIR)).toBe(0);
    const finder = await loadStationFinder({ repo: store.stations, dataDir: DATA_DIR });
    expect(finder.size).toBe(1);
  });

  it("re-imports by id: updates changed stations, keeps the rest, no duplicates", async () => {
    store = await openStore("sqlite::memory:");
    const first = [station({ id: "a", lat: 30, lon: 120 }), station({ id: "b", lat: 30.1, lon: 120.1 })];
    expect(await applyImport(store.stations, first, { removeSample: false })).toEqual({ inserted: 2, updated: 0, unchanged: 0, removedSample: 0, removed: 0 });
    const second = [station({ id: "a", lat: 30, lon: 120, phone: "0571-1" }), station({ id: "b", lat: 30.1, lon: 120.1 }), station({ id: "c", lat: 30.2, lon: 120.2 })];
    const plan = await planImport(store.stations, second, { removeSample: false });
    expect(plan.insert.map((s) => s.id)).toEqual(["c"]);
    expect(plan.update.map((u) => [u.station.id, u.changed])).toEqual([["a", ["phone"]]]);
    expect(plan.unchanged.map((s) => s.id)).toEqual(["b"]);
    // Planning wrote nothing.
    expect(await store.stations.count()).toBe(2);
    expect(await applyImport(store.stations, second, { removeSample: false })).toEqual({ inserted: 1, updated: 1, unchanged: 1, removedSample: 0, removed: 0 });
    expect(await store.stations.count()).toBe(3);
    expect((await store.stations.get("a"))?.phone).toBe("0571-1");
  });

  it("replaces the sample set when a real list is imported, in the same transaction", async () => {
    store = await openStore("sqlite::memory:");
    await ensureSampleStations(store.stations, DATA_DIR);
    const real = [station({ id: "real-1", lat: 30.3, lon: 120.1 })];
    expect(shouldRemoveSample(real, true, false)).toBe(true);
    expect(shouldRemoveSample(real, true, true)).toBe(false);
    expect(shouldRemoveSample([station({ id: "s", lat: 30, lon: 120, sample: true })], true, false)).toBe(false);
    const plan = await planImport(store.stations, real, { removeSample: true });
    expect(plan.removeSample.length).toBeGreaterThan(60);
    const result = await applyImport(store.stations, real, { removeSample: true });
    expect(result.removedSample).toBe(plan.removeSample.length);
    expect(await store.stations.count({ sample: true })).toBe(0);
    expect(await store.stations.count()).toBe(1);
  });

  it("retires real stations missing from a complete list, keeping them otherwise", async () => {
    store = await openStore("sqlite::memory:");
    const a = station({ id: "a", lat: 30, lon: 120 });
    const b = station({ id: "b", lat: 30.1, lon: 120.1 });
    const demo = station({ id: "demo", lat: 30.2, lon: 120.2, sample: true });
    await applyImport(store.stations, [a, b, demo], { removeSample: false });
    // Without removeMissing the list only adds and updates: b stays.
    const partial = await planImport(store.stations, [a], { removeSample: false });
    expect(partial.remove).toEqual([]);
    expect(partial.notInList.map((s) => s.id)).toEqual(["b"]);
    expect((await applyImport(store.stations, [a], { removeSample: false })).removed).toBe(0);
    expect((await store.stations.list()).map((s) => s.id)).toEqual(["a", "b", "demo"]);
    // As the whole network: b is closed and goes; the sample station is not a real one and is left to removeSample.
    const plan = await planImport(store.stations, [a], { removeSample: false, removeMissing: true });
    expect(plan.remove.map((s) => s.id)).toEqual(["b"]);
    expect(await applyImport(store.stations, [a], { removeSample: false, removeMissing: true })).toMatchObject({ unchanged: 1, removed: 1 });
    expect((await store.stations.list()).map((s) => s.id)).toEqual(["a", "demo"]);
  });

  it("removes nothing when a complete-list import fails half-way", async () => {
    store = await openStore("sqlite::memory:");
    await applyImport(store.stations, [station({ id: "old", lat: 30, lon: 120 })], { removeSample: false });
    const broken = [station({ id: "new", lat: 30, lon: 120 }), { ...station({ id: "bad", lat: 30, lon: 120 }), name: null as unknown as string }];
    await expect(applyImport(store.stations, broken, { removeSample: false, removeMissing: true })).rejects.toThrow();
    expect((await store.stations.list()).map((s) => s.id)).toEqual(["old"]);
  });

  it("leaves the store as it was when a write fails half-way", async () => {
    store = await openStore("sqlite::memory:");
    await applyImport(store.stations, [station({ id: "keep", lat: 30, lon: 120, sample: true })], { removeSample: false });
    // The second station violates NOT NULL (name) after the first was written and the sample removed.
    const broken = [station({ id: "new", lat: 30, lon: 120 }), { ...station({ id: "bad", lat: 30, lon: 120 }), name: null as unknown as string }];
    await expect(applyImport(store.stations, broken, { removeSample: true })).rejects.toThrow();
    expect((await store.stations.list()).map((s) => s.id)).toEqual(["keep"]);
  });
});
