import { describe, expect, it } from "vitest";
import { decodeText, parseStationCsv, parseStationGeoJson, StationFileError } from "../../../src/knowledge/stations/import.js";

const GOOD_CSV = `id,name,operator,address,county,lat,lon,amenities,opening_hours,phone,last_verified
yh-001,临平爱心驿站,临平区总工会,临平大道1号,临平区,30.4215,120.2990,microwave;phone_charging;toilet,24/7,0571-00000000,2025-06-01
yh-002,良渚小哥驿站,余杭区总工会,良渚街道,余杭区,30.3700,120.0300,"drinking_water, rest_area",Mo-Fr 08:00-18:00; PH off,,
`;

describe("CSV import", () => {
  it("reads documented English headers into WGS-84 stations", () => {
    const result = parseStationCsv(GOOD_CSV, { crs: "wgs84" });
    expect(result.errors).toEqual([]);
    expect(result.totalRows).toBe(2);
    const [first, second] = result.stations.map((s) => s.station);
    expect(first).toMatchObject({
      id: "yh-001",
      name: "临平爱心驿站",
      operator: "临平区总工会",
      county: "临平区",
      lat: 30.4215,
      lon: 120.299,
      amenities: ["microwave", "phone_charging", "toilet"],
      openingHours: "24/7",
      lastVerified: "2025-06-01",
      sample: false,
    });
    expect(second.amenities).toEqual(["drinking_water", "rest_area"]);
    expect(second.phone).toBeNull();
  });

  it("accepts Chinese headers, Chinese amenity labels and Chinese ways of writing hours", () => {
    const csv = `名称,地址,区县,经度,纬度,服务,开放时间,电话
海盐小哥驿站,武原街道,海盐县,120.9461,30.5260,热饭、手机充电、厕所,24小时,0573-0000
海盐第二驿站,秦山街道,海盐县,120.9,30.5,饮水|歇脚,08:00～18:00,
`;
    const result = parseStationCsv(csv, { crs: "wgs84" });
    expect(result.errors).toEqual([]);
    const [a, b] = result.stations.map((s) => s.station);
    expect(a.name).toBe("海盐小哥驿站");
    expect(a.amenities).toEqual(["microwave", "phone_charging", "toilet"]);
    expect(a.openingHours).toBe("24/7");
    expect(b.amenities).toEqual(["drinking_water", "rest_area"]);
    expect(b.openingHours).toBe("08:00-18:00");
    // Without an id column the id is derived from name and place, so a re-import finds the same station.
    expect(a.id).toMatch(/^st-[0-9a-f]{12}$/);
    expect(parseStationCsv(csv, { crs: "wgs84" }).stations[0].station.id).toBe(a.id);
  });

  it("reports every bad row with its row number, file line and reason", () => {
    const csv = `name,lat,lon,amenities,opening_hours,last_verified
好驿站,30.1,120.1,toilet,24/7,
,30.2,120.2,,,
坐标错了,300,120.2,,,
国外驿站,48.85,2.35,,,
填反了,120.2,30.2,,,
怪服务,30.3,120.3,按摩椅,,
怪时间,30.3,120.3,,sometimes,
坏日期,30.3,120.3,,,2025-13-45
`;
    const result = parseStationCsv(csv, { crs: "wgs84" });
    expect(result.stations.map((s) => s.station.name)).toEqual(["好驿站"]);
    const byRow = Object.fromEntries(result.errors.map((e) => [e.row, e]));
    expect(byRow[2]).toMatchObject({ code: "missing_name", line: 3 });
    expect(byRow[3]).toMatchObject({ code: "outside_china", field: "lat" });
    expect(byRow[4]).toMatchObject({ code: "outside_china", value: "48.85, 2.35" });
    expect(byRow[5]).toMatchObject({ code: "swapped_coordinates" });
    expect(byRow[6]).toMatchObject({ code: "unknown_amenity", value: "按摩椅" });
    expect(byRow[7]).toMatchObject({ code: "bad_hours", value: "sometimes" });
    expect(byRow[7].detail).toBeTruthy();
    expect(byRow[8]).toMatchObject({ code: "bad_date", value: "2025-13-45" });
    expect(result.errors).toHaveLength(7);
  });

  it("refuses hours the opening_hours library accepts only with warnings, naming the row", () => {
    const csv = `name,lat,lon,opening_hours
工作日驿站,30.1,120.1,周一-周五 8:00-18:00
天天驿站,30.2,120.2,every day
好驿站,30.3,120.3,Mo-Fr 08:00-18:00
`;
    const result = parseStationCsv(csv, { crs: "wgs84" });
    expect(result.stations.map((s) => s.station.name)).toEqual(["好驿站"]);
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 1, line: 2, code: "bad_hours", value: "周一-周五 8:00-18:00", suggestion: "Mo-Fr 08:00-18:00" }),
      expect.objectContaining({ row: 2, line: 3, code: "bad_hours", value: "every day", detail: expect.stringContaining("Mo-Su") }),
    ]);
  });

  it("rejects a duplicate id within the file", () => {
    const csv = `id,name,lat,lon\na,一,30.1,120.1\na,二,30.2,120.2\n`;
    const result = parseStationCsv(csv, { crs: "wgs84" });
    expect(result.errors).toEqual([expect.objectContaining({ row: 2, code: "duplicate_id" })]);
  });

  it("refuses a file without the required columns, naming them", () => {
    expect(() => parseStationCsv("名称,地址\n驿站,某路\n", { crs: "wgs84" })).toThrow(StationFileError);
    expect(() => parseStationCsv("名称,地址\n驿站,某路\n", { crs: "wgs84" })).toThrow(/lat.*纬度|纬度/);
  });

  it("lists columns it does not know instead of failing", () => {
    const result = parseStationCsv("name,lat,lon,颜色\n驿站,30.1,120.1,红\n", { crs: "wgs84" });
    expect(result.ignoredColumns).toEqual(["颜色"]);
    expect(result.stations).toHaveLength(1);
  });

  it("converts GCJ-02 coordinates to WGS-84 on import", () => {
    // gcoord's README: GCJ-02 [123, 45] is WGS-84 [122.99395597, 44.99804071].
    const result = parseStationCsv("name,lat,lon\n测试,45,123\n", { crs: "gcj02" });
    const s = result.stations[0].station;
    expect(s.lon).toBeCloseTo(122.99395597, 5);
    expect(s.lat).toBeCloseTo(44.99804071, 5);
  });

  it("reads a CSV saved in GB18030/GBK by Chinese Excel", () => {
    // "名称" in GBK is C3 FB B3 C6.
    const gbk = Uint8Array.from([0xc3, 0xfb, 0xb3, 0xc6, 0x0a]);
    expect(decodeText(gbk).trim()).toBe("名称");
    const utf8WithBom = new TextEncoder().encode("\uFEFF名称");
    expect(decodeText(utf8WithBom)).toBe("名称");
  });
});

describe("GeoJSON import", () => {
  const feature = (coordinates: unknown, properties: Record<string, unknown>, type = "Point") => ({
    type: "Feature",
    geometry: { type, coordinates },
    properties,
  });

  it("reads Point features with English or Chinese property names", () => {
    const doc = {
      type: "FeatureCollection",
      features: [
        feature([120.3, 30.42], { id: "g1", name: "驿站一", amenities: ["microwave", "热水"], opening_hours: "Mo-Su 07:00-21:00" }),
        feature([120.31, 30.43], { 名称: "驿站二", 服务: "充电、厕所", 开放时间: "24/7" }),
      ],
    };
    const result = parseStationGeoJson(JSON.stringify(doc), { crs: "wgs84" });
    expect(result.errors).toEqual([]);
    expect(result.stations.map((s) => [s.station.name, s.station.amenities])).toEqual([
      ["驿站一", ["microwave", "drinking_water"]],
      ["驿站二", ["phone_charging", "toilet"]],
    ]);
    expect(result.stations[0].station).toMatchObject({ lat: 30.42, lon: 120.3, id: "g1" });
  });

  it("reports bad features with their position in the collection", () => {
    const doc = {
      type: "FeatureCollection",
      features: [
        feature([120.3, 30.42], { name: "好" }),
        feature([[120.3, 30.42]], { name: "线" }, "LineString"),
        feature([120.3, 30.42], {}),
        feature([10, 10], { name: "远" }),
      ],
    };
    const result = parseStationGeoJson(JSON.stringify(doc), { crs: "wgs84" });
    expect(result.stations.map((s) => s.station.name)).toEqual(["好"]);
    expect(result.errors.map((e) => [e.row, e.code])).toEqual([
      [2, "bad_feature"],
      [3, "missing_name"],
      [4, "outside_china"],
    ]);
  });

  it("refuses a document that is not a FeatureCollection", () => {
    expect(() => parseStationGeoJson("[1,2]", { crs: "wgs84" })).toThrow(StationFileError);
    expect(() => parseStationGeoJson("{not json", { crs: "wgs84" })).toThrow(StationFileError);
  });
});

describe("control characters", () => {
  it("refuses a NUL byte in a station id or name, naming the row and field", () => {
    const csv = `id,name,lat,lon\nok-1,好驿站,30.1,120.1\nbad\u0000id,驿站二,30.2,120.2\nok-3,驿\u0007站,30.3,120.3\n`;
    const result = parseStationCsv(csv, { crs: "wgs84" });
    expect(result.stations.map((s) => s.station.id)).toEqual(["ok-1"]);
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 2, field: "id", code: "control_characters", value: JSON.stringify("bad\u0000id") }),
      expect.objectContaining({ row: 3, field: "name", code: "control_characters" }),
    ]);
  });
});
