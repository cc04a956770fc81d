/**
 * Reads an operator's station list (CSV or GeoJSON), validates every row and converts coordinates to
 * WGS-84. Nothing here touches the store: see sync.ts for applying the result.
 */
import { createHash } from "node:crypto";
import { parse as parseCsv } from "csv-parse/sync";
import { parseAmenity, splitAmenityCell, type AmenityId } from "./amenities.js";
import { inChina, toWgs84, type Crs } from "./coordinates.js";
import { hoursProblem } from "./hours.js";
import type { Station } from "./types.js";

export type StationField = Exclude<keyof Station, never>;

/** Accepted column names (CSV headers and GeoJSON property names), compared after normalizeHeader(). */
export const FIELD_ALIASES: Record<StationField, string[]> = {
  id: ["id", "编号", "站点编号", "站点id", "编码"],
  name: ["name", "名称", "站点名称", "驿站名称", "站名"],
  operator: ["operator", "运营方", "运营单位", "管理单位", "主办单位", "建设单位", "负责单位"],
  address: ["address", "地址", "详细地址", "站点地址"],
  province: ["province", "省", "省份"],
  city: ["city", "市", "城市", "地市", "设区市"],
  county: ["county", "district", "区县", "县区", "县(市、区)", "县市区", "区", "县"],
  street: ["street", "街道", "乡镇", "乡镇街道", "镇街", "乡镇(街道)"],
  lat: ["lat", "latitude", "纬度", "y"],
  lon: ["lon", "lng", "long", "longitude", "经度", "x"],
  amenities: ["amenities", "services", "服务", "服务项目", "服务内容", "设施", "配套设施"],
  openingHours: ["opening_hours", "openinghours", "hours", "开放时间", "营业时间", "服务时间"],
  phone: ["phone", "tel", "telephone", "电话", "联系电话", "联系方式"],
  notes: ["notes", "note", "备注", "说明"],
  source: ["source", "来源", "数据来源"],
  lastVerified: ["last_verified", "lastverified", "verified", "核实日期", "最后核实", "更新日期", "核验日期"],
  sample: ["sample", "示例", "是否示例"],
};

/**
 * Decimal degrees as written (30.27, -0.5, +120): NaN for anything else. Number() would also read hex
 * (0x78 = 120), binary, octal and exponents, which no station list means.
 */
export function decimalDegrees(value: string): number {
  const trimmed = value.trim();
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed) ? Number(trimmed) : NaN;
}

export function normalizeHeader(header: string): string {
  return header.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, "").replace(/[-]/g, "_");
}

const HEADER_LOOKUP = new Map<string, StationField>();
for (const [field, names] of Object.entries(FIELD_ALIASES) as Array<[StationField, string[]]>) {
  for (const name of names) HEADER_LOOKUP.set(normalizeHeader(name), field);
}

export function fieldForHeader(header: string): StationField | undefined {
  return HEADER_LOOKUP.get(normalizeHeader(header));
}

/** One problem with one row; `row` counts data rows from 1, `line` is the line in the file (CSV). */
export interface RowError {
  row: number;
  line: number | null;
  field: StationField | null;
  code:
    | "missing_name"
    | "missing_coordinates"
    | "bad_number"
    | "outside_china"
    | "swapped_coordinates"
    | "unknown_amenity"
    | "bad_hours"
    | "bad_date"
    | "bad_sample"
    | "duplicate_id"
    | "control_characters"
    | "bad_feature";
  /** The offending value as written. */
  value: string | null;
  /** Library detail (e.g. the opening_hours parser's message). */
  detail?: string;
  /** A corrected value to write instead (opening hours the library can prettify). */
  suggestion?: string;
}

export interface ParseResult {
  stations: Array<{ row: number; line: number | null; station: Station }>;
  errors: RowError[];
  /** Columns that were not recognised (ignored). */
  ignoredColumns: string[];
  totalRows: number;
}

/** A file-level problem (not a row): unreadable file, missing required columns. */
export class StationFileError extends Error {}

export type RawRecord = Partial<Record<StationField, unknown>>;

export interface ParseOptions {
  crs: Crs;
  /** Used as `source` when a row has none (e.g. the file name). */
  defaultSource?: string;
}

/** Decodes UTF-8 (with or without BOM), falling back to GB18030 for files saved by Chinese Excel. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

export function parseStationCsv(text: string, options: ParseOptions): ParseResult {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parseCsv(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    throw new StationFileError(`CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (records.length === 0) throw new StationFileError("the file is empty");
  const header = records[0].record;
  const fields = header.map((h) => fieldForHeader(h));
  const ignoredColumns = header.filter((_, i) => !fields[i]);
  requireColumns(new Set(fields.filter((f): f is StationField => Boolean(f))));
  const raw = records.slice(1).map((r) => {
    const rec: RawRecord = {};
    r.record.forEach((cell, i) => {
      const field = fields[i];
      if (field && cell !== "" && rec[field] === undefined) rec[field] = cell;
    });
    return { rec, line: r.info.lines };
  });
  return validateRecords(raw, options, ignoredColumns);
}

export function parseStationGeoJson(text: string, options: ParseOptions): ParseResult {
  let doc: { type?: string; features?: unknown[] };
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new StationFileError(`GeoJSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const features = doc.type === "FeatureCollection" && Array.isArray(doc.features) ? doc.features : doc.type === "Feature" ? [doc] : null;
  if (!features) throw new StationFileError('GeoJSON: expected a FeatureCollection (or one Feature) of Point features');
  const ignored = new Set<string>();
  const errors: RowError[] = [];
  const raw: Array<{ rec: RawRecord; line: number | null; broken?: boolean }> = features.map((f, i) => {
    const feature = f as { geometry?: { type?: string; coordinates?: unknown }; properties?: Record<string, unknown> | null; id?: unknown };
    const rec: RawRecord = {};
    for (const [key, value] of Object.entries(feature.properties ?? {})) {
      const field = fieldForHeader(key);
      if (!field) ignored.add(key);
      else if (value !== null && value !== "" && rec[field] === undefined) rec[field] = value;
    }
    if (rec.id === undefined && feature.id !== undefined) rec.id = feature.id;
    const coords = feature.geometry?.coordinates;
    if (feature.geometry?.type === "Point" && Array.isArray(coords) && coords.length >= 2) {
      rec.lon = coords[0];
      rec.lat = coords[1];
    } else if (feature.geometry) {
      errors.push({ row: i + 1, line: null, field: null, code: "bad_feature", value: String(feature.geometry?.type ?? "") });
      return { rec, line: null, broken: true };
    }
    return { rec, line: null };
  });
  const result = validateRecords(raw, options, [...ignored]);
  result.errors.push(...errors);
  result.stations = result.stations.filter((s) => !raw[s.row - 1].broken);
  result.errors.sort((a, b) => a.row - b.row);
  return result;
}

function requireColumns(present: Set<StationField>): void {
  const missing = (["name", "lat", "lon"] as const).filter((f) => !present.has(f));
  if (missing.length > 0) {
    const names = missing.map((f) => FIELD_ALIASES[f].filter((n) => !/^[a-z]$/.test(n)).slice(0, 3).join("/"));
    throw new StationFileError(`missing required column(s): ${names.join(", ")}`);
  }
}

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const s = String(value).trim();
  return s === "" ? null : s;
}

/** Common Chinese ways of writing hours, mapped to opening_hours syntax; anything else passes through. */
export function normalizeHours(value: string): string {
  const v = value.normalize("NFKC").trim().replace(/\s*[~～至到]\s*/gu, "-");
  if (/^(全天)?24小时(开放|营业)?$|^全天(开放)?$/u.test(v)) return "24/7";
  return v;
}

function validateRecords(
  raw: Array<{ rec: RawRecord; line: number | null; broken?: boolean }>,
  options: ParseOptions,
  ignoredColumns: string[],
): ParseResult {
  const stations: ParseResult["stations"] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  raw.forEach(({ rec, line, broken }, i) => {
    const row = i + 1;
    const rowErrors: RowError[] = [];
    const fail = (code: RowError["code"], field: StationField | null, value: unknown, detail?: string, suggestion?: string) =>
      rowErrors.push({
        row,
        line,
        field,
        code,
        value: value === undefined || value === null ? null : String(value),
        ...(detail ? { detail } : {}),
        ...(suggestion ? { suggestion } : {}),
      });

    const name = text(rec.name);
    if (!name) fail("missing_name", "name", null);

    let lat = NaN;
    let lon = NaN;
    if (!broken) {
      if (text(rec.lat) === null || text(rec.lon) === null) fail("missing_coordinates", text(rec.lat) === null ? "lat" : "lon", null);
      else {
        // NFKC: full-width digits and points typed in Chinese input methods (３０．２７).
        lat = decimalDegrees(text(rec.lat)!.normalize("NFKC"));
        lon = decimalDegrees(text(rec.lon)!.normalize("NFKC"));
        if (!Number.isFinite(lat)) fail("bad_number", "lat", rec.lat);
        if (!Number.isFinite(lon)) fail("bad_number", "lon", rec.lon);
        if (Number.isFinite(lat) && Number.isFinite(lon) && !inChina(lat, lon)) {
          if (inChina(lon, lat)) fail("swapped_coordinates", "lat", `${lat}, ${lon}`);
          else fail("outside_china", "lat", `${lat}, ${lon}`);
        }
      }
    }

    const amenities: AmenityId[] = [];
    const amenityCells = Array.isArray(rec.amenities) ? rec.amenities.map(String) : splitAmenityCell(text(rec.amenities) ?? "");
    for (const token of amenityCells) {
      const id = parseAmenity(token);
      if (!id) fail("unknown_amenity", "amenities", token);
      else if (!amenities.includes(id)) amenities.push(id);
    }

    let openingHours = text(rec.openingHours);
    if (openingHours) {
      openingHours = normalizeHours(openingHours);
      const problem = hoursProblem(openingHours);
      if (problem) fail("bad_hours", "openingHours", rec.openingHours, problem.detail, problem.suggestion);
    }

    const lastVerified = text(rec.lastVerified);
    if (lastVerified && !isIsoDate(lastVerified)) fail("bad_date", "lastVerified", lastVerified);

    let sample = false;
    const sampleText = text(rec.sample);
    if (sampleText !== null) {
      const parsed = parseBoolean(sampleText);
      if (parsed === undefined) fail("bad_sample", "sample", sampleText);
      else sample = parsed;
    }

    const province = text(rec.province);
    const city = text(rec.city);
    const county = text(rec.county);
    const address = text(rec.address);
    const converted = Number.isFinite(lat) && Number.isFinite(lon) ? toWgs84(lon, lat, options.crs) : { lat: NaN, lon: NaN };
    // A NUL or other control character would be stored in the id and break lookups and the CSV round trip.
    for (const field of ["id", "name"] as const) {
      const value = text(rec[field]);
      if (value !== null && CONTROL_CHARACTERS.test(value)) fail("control_characters", field, JSON.stringify(value));
    }
    const id = text(rec.id) ?? derivedId(name ?? "", converted.lat, converted.lon);
    const firstRow = seen.get(id);
    if (firstRow !== undefined) fail("duplicate_id", "id", `${id} (row ${firstRow})`);
    else seen.set(id, row);

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      return;
    }
    stations.push({
      row,
      line,
      station: {
        id,
        name: name!,
        operator: text(rec.operator),
        address,
        province,
        city,
        county,
        street: text(rec.street),
        lat: converted.lat,
        lon: converted.lon,
        amenities,
        openingHours,
        phone: text(rec.phone),
        notes: text(rec.notes),
        source: text(rec.source) ?? options.defaultSource ?? null,
        lastVerified,
        sample,
      },
    });
  });
  return { stations, errors, ignoredColumns, totalRows: raw.length };
}

/**
 * Rows without an id get one from the required columns only (name and WGS-84 position to ~100 m), so
 * adding an optional column (county, address ...) to the list later does not give every station a new id.
 * A corrected position may change it: the import then matches the station by name and position (50 m).
 */
export function derivedId(name: string, lat: number, lon: number): string {
  const key = [name.trim(), lat.toFixed(3), lon.toFixed(3)].join("|");
  return `st-${createHash("sha1").update(key).digest("hex").slice(0, 12)}`;
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

function parseBoolean(value: string): boolean | undefined {
  const v = value.toLowerCase();
  if (["true", "1", "yes", "y", "是"].includes(v)) return true;
  if (["false", "0", "no", "n", "否"].includes(v)) return false;
  return undefined;
}

export type StationFormat = "csv" | "geojson";

export function formatFromFileName(file: string): StationFormat | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) return "csv";
  if (lower.endsWith(".geojson") || lower.endsWith(".json")) return "geojson";
  return undefined;
}

export function parseStationFile(bytes: Uint8Array, format: StationFormat, options: ParseOptions): ParseResult {
  const content = decodeText(bytes);
  return format === "csv" ? parseStationCsv(content, options) : parseStationGeoJson(content, options);
}
