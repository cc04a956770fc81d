/** import-stations never duplicates a station when a list gains a column or its ids change. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/storage/open.js";
import { station } from "../knowledge/stations/helpers.js";
import { runCommand } from "../support/cli.js";

function temp(): { env: NodeJS.ProcessEnv; file: (name: string, content: string) => string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-dedupe-"));
  return {
    env: { DATABASE_URL: `sqlite:${path.join(dir, "test.db")}`, DATA_DIR: path.resolve("data") },
    file(name, content) {
      const p = path.join(dir, name);
      fs.writeFileSync(p, content);
      return p;
    },
  };
}

async function stored(env: NodeJS.ProcessEnv) {
  const store = await openStore(env.DATABASE_URL!);
  try {
    return (await store.stations.list()).filter((s) => !s.sample);
  } finally {
    await store.close();
  }
}

const WITHOUT_COUNTY = `名称,经度,纬度,服务
临平爱心驿站,120.2990,30.4215,热饭
余杭小哥驿站,119.9300,30.2700,饮水
`;
const WITH_COUNTY = `名称,区县,地址,经度,纬度,服务
临平爱心驿站,临平区,临平大道1号,120.2990,30.4215,热饭
余杭小哥驿站,余杭区,余杭街道,119.9300,30.2700,饮水
`;

describe("import-stations ids", () => {
  it("importing without a county column, then with one, updates the same stations (the dry run says which fields change)", async () => {
    const t = temp();
    expect((await runCommand(["import-stations", t.file("a.csv", WITHOUT_COUNTY)], { env: t.env })).code).toBe(0);
    const first = await stored(t.env);
    expect(first).toHaveLength(2);

    const dry = await runCommand(["import-stations", t.file("b.csv", WITH_COUNTY), "--dry-run", "--locale", "en"], { env: t.env });
    expect(dry.stdout + dry.stderr).not.toMatch(/^\s+\+ /m);
    const dryZh = await runCommand(["import-stations", t.file("b.csv", WITH_COUNTY), "--dry-run"], { env: t.env });
    expect(dryZh.stdout + dryZh.stderr).toContain("将新增 0 个，更新 2 个");
    expect(dry.stdout + dry.stderr).toMatch(/~ st-\w+\s+临平爱心驿站\s+\(address, county\)/);
    expect(dry.stdout + dry.stderr).toContain("Would add 0, update 2");

    expect((await runCommand(["import-stations", t.file("b.csv", WITH_COUNTY)], { env: t.env })).code).toBe(0);
    const second = await stored(t.env);
    expect(second).toHaveLength(2);
    expect(second.map((s) => s.id).sort()).toEqual(first.map((s) => s.id).sort());
    expect(second.find((s) => s.name === "临平爱心驿站")?.county).toBe("临平区");
  });

  it("a row matching a stored station by name within 50 m updates it, and the dry run says so", async () => {
    const t = temp();
    const store = await openStore(t.env.DATABASE_URL!);
    // Imported earlier under an id this list does not carry (an older derivation, or another id column).
    await store.stations.upsertMany([station({ id: "st-older", name: "临平爱心驿站", lat: 30.4215, lon: 120.299, county: "临平区" })]);
    await store.close();
    // 30 m north of the stored pin; a namesake 2 km away is another station.
    const csv = `名称,经度,纬度,服务\n临平爱心驿站,120.2990,30.42177,热饭\n临平爱心驿站,120.2990,30.4395,热饭\n`;
    const dry = await runCommand(["import-stations", t.file("c.csv", csv), "--dry-run", "--locale", "en"], { env: t.env });
    const said = dry.stdout + dry.stderr;
    const dryZh = await runCommand(["import-stations", t.file("c.csv", csv), "--dry-run"], { env: t.env });
    expect(dryZh.stdout + dryZh.stderr).toMatch(/~ st-older\s+临平爱心驿站\s+\(.*\)；与库中同名、相距 30 米的驿站是同一个：更新它，不新增/);
    expect(said).toMatch(/~ st-older\s+临平爱心驿站\s+\(.*lat.*\); same name as a stored station 30 m away: updates it instead of adding a duplicate \(id in the file: st-\w+\)/);
    expect(said).toMatch(/\+ st-\w+\s+临平爱心驿站/);
    const json = JSON.parse((await runCommand(["import-stations", t.file("c.csv", csv), "--dry-run", "--json"], { env: t.env })).stdout);
    expect(json.matched).toEqual([expect.objectContaining({ id: "st-older", name: "临平爱心驿站", distance_m: 30 })]);
    expect(json).toMatchObject({ inserted: 1, updated: 1 });

    expect((await runCommand(["import-stations", t.file("c.csv", csv)], { env: t.env })).code).toBe(0);
    const after = await stored(t.env);
    expect(after).toHaveLength(2);
    expect(after.find((s) => s.id === "st-older")?.lat).toBeCloseTo(30.42177, 5);
  });
});
