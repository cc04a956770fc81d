import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSampleStations } from "../../src/knowledge/stations/service.js";
import { openStore } from "../../src/storage/open.js";
import { runCommand } from "../support/cli.js";

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCommand(args, { env });

function tempDir(): { url: string; dir: string; file: (name: string, content: string) => string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "niangjia-stations-"));
  return {
    url: `sqlite:${path.join(dir, "test.db")}`,
    dir,
    file(name, content) {
      const p = path.join(dir, name);
      fs.writeFileSync(p, content);
      return p;
    },
  };
}

async function stationIds(url: string): Promise<string[]> {
  const store = await openStore(url);
  try {
    return (await store.stations.list()).map((s) => s.id);
  } finally {
    await store.close();
  }
}

const REAL_CSV = `编号,名称,地址,区县,经度,纬度,服务,开放时间
r1,临平爱心驿站,临平大道1号,临平区,120.2990,30.4215,热饭、充电、厕所,24/7
r2,余杭小哥驿站,余杭街道,余杭区,119.93,30.27,饮水、歇脚,Mo-Fr 08:00-18:00; PH off
`;

describe("nearby", () => {
  it("prints the JSON contract, nearest first, with the sample set loaded into an empty store", async () => {
    const { url } = tempDir();
    const result = await cli(["nearby", "--lat", "30.42", "--lon", "120.30", "--limit", "3", "--json"], { DATABASE_URL: url });
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.stations).toHaveLength(3);
    for (const s of parsed.stations) {
      expect(Object.keys(s).sort()).toEqual(["address", "amenities", "distance_m", "id", "name", "open_now", "sample"]);
      expect(s.sample).toBe(true);
      expect(Number.isInteger(s.distance_m)).toBe(true);
    }
    const open = parsed.stations.filter((s: { open_now: boolean }) => s.open_now === true).map((s: { distance_m: number }) => s.distance_m);
    expect(open).toEqual([...open].sort((a, b) => a - b));
  });

  it("filters by need and marks sample stations in the text output", async () => {
    const { url } = tempDir();
    const json = JSON.parse((await cli(["nearby", "--lat", "30.42", "--lon", "120.30", "--need", "热饭", "--json"], { DATABASE_URL: url })).stdout);
    expect(json.stations.length).toBeGreaterThan(0);
    expect(json.stations.every((s: { amenities: string[] }) => s.amenities.includes("microwave"))).toBe(true);
    const text = await cli(["nearby", "--lat", "30.42", "--lon", "120.30", "--need", "heat_food", "--limit", "2"], { DATABASE_URL: url });
    expect(text.stdout).toContain("【示例数据】");
    expect(text.stdout).toContain("能热饭");
  });

  it("rejects bad options with exit code 2 and a reason", async () => {
    const { url } = tempDir();
    const missing = await cli(["nearby", "--lat", "30"], { DATABASE_URL: url });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--lat and --lon are required");
    const badNeed = await cli(["nearby", "--lat", "30", "--lon", "120", "--need", "按摩"], { DATABASE_URL: url });
    expect(badNeed.code).toBe(2);
    expect(badNeed.stderr).toContain('unknown need "按摩"');
    const badLat = await cli(["nearby", "--lat", "north", "--lon", "120"], { DATABASE_URL: url });
    expect(badLat.code).toBe(2);
  });

  it("has complete help", async () => {
    const help = await cli(["nearby", "--help"]);
    expect(help.code).toBe(0);
    for (const option of ["--lat", "--lon", "--need", "--open-now", "--limit", "--json", "distance_m"]) expect(help.stdout).toContain(option);
  });
});

describe("import-stations", () => {
  it("imports a real list, replacing the sample set, and re-imports by id without duplicates", async () => {
    const t = tempDir();
    await cli(["nearby", "--lat", "30.42", "--lon", "120.30", "--json"], { DATABASE_URL: t.url }); // loads the sample set
    expect((await stationIds(t.url)).length).toBeGreaterThan(60);
    const file = t.file("real.csv", REAL_CSV);
    const first = await cli(["import-stations", file, "--json"], { DATABASE_URL: t.url });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ imported: true, inserted: 2, updated: 0, invalid: 0 });
    expect(JSON.parse(first.stdout).removed_sample).toBeGreaterThan(60);
    expect(await stationIds(t.url)).toEqual(["r1", "r2"]);

    const changed = t.file("real2.csv", REAL_CSV.replace("临平大道1号", "临平大道2号"));
    const second = JSON.parse((await cli(["import-stations", changed, "--json"], { DATABASE_URL: t.url })).stdout);
    expect(second).toMatchObject({ inserted: 0, updated: 1, unchanged: 1, removed_sample: 0 });
    expect(await stationIds(t.url)).toEqual(["r1", "r2"]);
    // The sample set does not come back once real stations are there.
    const nearby = JSON.parse((await cli(["nearby", "--lat", "30.42", "--lon", "120.30", "--json"], { DATABASE_URL: t.url })).stdout);
    expect(nearby.stations.map((s: { id: string }) => s.id)).toEqual(["r1", "r2"]);
    expect(nearby.stations[0].sample).toBe(false);
  });

  it("changes nothing when a row is bad, and says which row and why", async () => {
    const t = tempDir();
    const good = t.file("good.csv", REAL_CSV);
    await cli(["import-stations", good], { DATABASE_URL: t.url });
    const bad = t.file("bad.csv", `${REAL_CSV}r3,,某路,余杭区,120.1,30.3,热饭,24/7\nr4,远方驿站,某路,余杭区,2.35,48.85,热饭,24/7\nr5,怪驿站,某路,余杭区,120.1,30.3,按摩椅,sometimes\n`);
    const result = await cli(["import-stations", bad], { DATABASE_URL: t.url });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("第 3 行（文件第 4 行）：缺少名称");
    expect(result.stdout).toContain("第 4 行（文件第 5 行）：坐标不在中国境内");
    expect(result.stdout).toContain("不认识的服务项目“按摩椅”");
    expect(result.stdout).toContain("开放时间格式不对");
    expect(result.stdout).toContain("没有导入任何数据");
    expect(await stationIds(t.url)).toEqual(["r1", "r2"]);

    const skipped = await cli(["import-stations", bad, "--skip-invalid", "--json"], { DATABASE_URL: t.url });
    expect(skipped.code).toBe(0);
    expect(JSON.parse(skipped.stdout)).toMatchObject({ imported: true, valid: 2, invalid: 3, unchanged: 2 });
    expect(JSON.parse(skipped.stdout).errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [3, "missing_name"],
      [4, "outside_china"],
      [5, "unknown_amenity"],
      [5, "bad_hours"],
    ]);
  });

  it("shows what would change with --dry-run and writes nothing", async () => {
    const t = tempDir();
    const file = t.file("real.csv", REAL_CSV);
    const result = await cli(["import-stations", file, "--dry-run", "--locale", "en"], { DATABASE_URL: t.url });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Dry run");
    expect(result.stdout).toContain("+ r1  临平爱心驿站");
    expect(result.stdout).toContain("Would add 2");
    expect(await stationIds(t.url)).toEqual([]);
  });

  it("--dry-run on a database holding the sample set sums the sample stations up in one line; --verbose lists them", async () => {
    const t = tempDir();
    await cli(["nearby", "--lat", "30.42", "--lon", "120.30"], { DATABASE_URL: t.url }); // loads the sample set, as a first start does
    const sampleCount = (await readSampleStations(path.resolve("data"))).length;
    expect((await stationIds(t.url)).length).toBe(sampleCount);
    const file = t.file("real.csv", REAL_CSV);

    const en = await cli(["import-stations", file, "--dry-run", "--locale", "en"], { DATABASE_URL: t.url });
    expect(en.code).toBe(0);
    expect(en.stdout).toContain(`  - would remove the ${sampleCount} sample stations (add --verbose to list them)`);
    expect(en.stdout).not.toContain("(sample station)");
    expect(en.stdout.trim().split("\n").length).toBeLessThan(10);
    const zh = await cli(["import-stations", file, "--dry-run", "--locale", "zh-CN"], { DATABASE_URL: t.url });
    expect(zh.stdout).toContain(`  - 将删除全部 ${sampleCount} 个示例驿站（加 --verbose 逐个列出）`);
    expect(zh.stdout).not.toContain("（示例驿站）");

    const verbose = await cli(["import-stations", file, "--dry-run", "--verbose", "--locale", "en"], { DATABASE_URL: t.url });
    const listed = verbose.stdout.split("\n").filter((line) => line.endsWith("(sample station)"));
    expect(listed).toHaveLength(sampleCount);
    expect(listed[0]).toMatch(/^  - \S+  示例驿站·/);
    expect(verbose.stdout).not.toContain("add --verbose");
    expect((await stationIds(t.url)).length).toBe(sampleCount);
  });

  it("retires stations missing from a complete list with --replace-all, shown first by --dry-run", async () => {
    const t = tempDir();
    await cli(["import-stations", t.file("real.csv", REAL_CSV)], { DATABASE_URL: t.url });
    const withoutR2 = t.file("open.csv", REAL_CSV.split("\n").filter((l) => !l.startsWith("r2,")).join("\n"));

    // A plain import keeps r2 and says so.
    const plain = await cli(["import-stations", withoutR2, "--locale", "en"], { DATABASE_URL: t.url });
    expect(plain.stdout).toContain("1 stations in the database are not in this file; they stay");
    expect(await stationIds(t.url)).toEqual(["r1", "r2"]);

    const dry = await cli(["import-stations", withoutR2, "--replace-all", "--dry-run", "--locale", "en"], { DATABASE_URL: t.url });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("- r2  余杭小哥驿站  (not in the file: removed)");
    expect(dry.stdout).toContain("Would remove 1 stations that are not in the file");
    expect(await stationIds(t.url)).toEqual(["r1", "r2"]);

    const json = JSON.parse((await cli(["import-stations", withoutR2, "--replace-all", "--json"], { DATABASE_URL: t.url })).stdout);
    expect(json).toMatchObject({ imported: true, replace_all: true, unchanged: 1, removed: 1, removed_ids: ["r2"] });
    expect(await stationIds(t.url)).toEqual(["r1"]);
  });

  it("refuses --replace-all when it could remove stations by mistake", async () => {
    const t = tempDir();
    await cli(["import-stations", t.file("real.csv", REAL_CSV)], { DATABASE_URL: t.url });
    const combined = await cli(["import-stations", t.file("x.csv", REAL_CSV), "--replace-all", "--skip-invalid"], { DATABASE_URL: t.url });
    expect(combined.code).toBe(2);
    expect(combined.stderr).toContain("--replace-all cannot be combined with --skip-invalid");
    const empty = await cli(["import-stations", t.file("empty.csv", "编号,名称,经度,纬度\n"), "--replace-all"], { DATABASE_URL: t.url });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain("--replace-all 会删除全部 2 个驿站");
    // A bad row stops a complete-list import like any other: nothing is removed.
    const bad = await cli(["import-stations", t.file("bad.csv", `${REAL_CSV.split("\n")[0]}\nr1,临平爱心驿站,临平大道1号,临平区,120.2990,30.4215,热饭,every day\n`), "--replace-all"], {
      DATABASE_URL: t.url,
    });
    expect(bad.code).toBe(1);
    expect(await stationIds(t.url)).toEqual(["r1", "r2"]);
  });

  it("names the row of hours the library would only guess at, with its corrected value", async () => {
    const t = tempDir();
    const file = t.file("hours.csv", `${REAL_CSV.split("\n")[0]}\nr1,临平爱心驿站,临平大道1号,临平区,120.2990,30.4215,热饭,周一-周五 8:00-18:00\n`);
    const result = await cli(["import-stations", file, "--locale", "en"], { DATABASE_URL: t.url });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Row 1 \(line 2 of the file\): opening hours not in OpenStreetMap syntax: "周一-周五 8:00-18:00".*Did you mean "Mo-Fr 08:00-18:00"\?/);
    expect(await stationIds(t.url)).toEqual([]);
    // In Chinese the message is all Chinese: the corrected value, not the library's English hint.
    const zh = await cli(["import-stations", file, "--locale", "zh-CN"], { DATABASE_URL: t.url });
    expect(zh.stdout).toContain("第 1 行（文件第 2 行）：开放时间格式不对：“周一-周五 8:00-18:00”（请用 OpenStreetMap 格式，如 24/7 或 Mo-Fr 08:00-18:00） 是不是想写“Mo-Fr 08:00-18:00”？");
    expect(zh.stdout).not.toContain("Please use");
  });

  it("converts GCJ-02 GeoJSON exports with --crs gcj02", async () => {
    const t = tempDir();
    const doc = {
      type: "FeatureCollection",
      features: [{ type: "Feature", geometry: { type: "Point", coordinates: [123, 45] }, properties: { id: "g", name: "测试" } }],
    };
    const file = t.file("amap.geojson", JSON.stringify(doc));
    expect((await cli(["import-stations", file, "--crs", "gcj02"], { DATABASE_URL: t.url })).code).toBe(0);
    const store = await openStore(t.url);
    const s = await store.stations.get("g");
    await store.close();
    // gcoord README: GCJ-02 [123, 45] = WGS-84 [122.99395597, 44.99804071].
    expect(s?.lon).toBeCloseTo(122.993956, 5);
    expect(s?.lat).toBeCloseTo(44.998041, 5);
  });

  it("reports unreadable files and wrong options", async () => {
    const t = tempDir();
    expect((await cli(["import-stations", path.join(t.dir, "missing.csv")], { DATABASE_URL: t.url })).code).toBe(1);
    const noColumns = t.file("x.csv", "名称,地址\n驿站,某路\n");
    const r = await cli(["import-stations", noColumns], { DATABASE_URL: t.url });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("missing required column");
    expect((await cli(["import-stations", noColumns, "--crs", "utm"], { DATABASE_URL: t.url })).code).toBe(2);
    expect((await cli(["import-stations"], { DATABASE_URL: t.url })).code).toBe(2);
  });

  it("has complete help", async () => {
    const help = await cli(["import-stations", "--help"]);
    for (const option of ["--crs", "gcj02", "bd09", "--dry-run", "--skip-invalid", "--keep-sample", "--replace-all", "--json", "纬度", "经度", "名称", "服务", "开放时间"]) {
      expect(help.stdout).toContain(option);
    }
  });
});
