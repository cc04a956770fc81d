/**
 * Outlines of the county-level divisions of Zhejiang and Jiangsu (data/places/bounds.json, written by
 * scripts/build-gazetteer.ts): where a division is, to check that a centre or a station lies in the division
 * it is said to be in. Coordinates are WGS-84.
 *
 * The outlines come from map data drawn before some re-organisations, so a division is described as the map
 * outlines it was made from, optionally cut to a box (the part of an outline that a split gave it) and with a
 * box taken out (the part another division took): 临平区 is the east of the old 余杭区 outline.
 */
import fs from "node:fs/promises";
import path from "node:path";

/** [west, south, east, north] in degrees. */
export type Box = [number, number, number, number];

export interface Shape {
  /** The prefecture-level city whose map holds the outline. */
  city: string;
  /** The division's name in the map data (may be a former one: 江干区). */
  name: string;
  /** Rings as flat [lon, lat, lon, lat, ...] lists; inside = inside an odd number of them (holes included). */
  rings: number[][];
}

export interface DivisionBounds {
  name: string;
  /** Keys into `shapes`: the outlines the division is made of. */
  shapes: string[];
  /** Only the part of those outlines inside this box (a division split off a larger one). */
  box?: Box;
  /** Less the part inside this box (what a new division took). */
  except?: Box;
  /** Why the division is not simply its own outline, and where the box comes from. */
  note?: string;
}

export interface BoundsFile {
  generatedBy: string;
  crs: string;
  sources: string[];
  /** Outlines keyed "cityCode:name" (two cities have a 鼓楼区). */
  shapes: Record<string, Shape>;
  /** County-level divisions by code. */
  divisions: Record<string, DivisionBounds>;
}

export interface Point {
  lat: number;
  lon: number;
}

function inRing(ring: readonly number[], { lat, lon }: Point): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
    const xi = ring[i]!, yi = ring[i + 1]!, xj = ring[j]!, yj = ring[j + 1]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function inShape(shape: Shape, point: Point): boolean {
  return shape.rings.filter((ring) => inRing(ring, point)).length % 2 === 1;
}

export function inBox([west, south, east, north]: Box, { lat, lon }: Point): boolean {
  return lon >= west && lon <= east && lat >= south && lat <= north;
}

/** Distance in degrees (longitude scaled by the latitude's cosine) from a point to a ring's nearest edge. */
function ringDistance(ring: readonly number[], { lat, lon }: Point): number {
  const k = Math.cos((lat * Math.PI) / 180);
  let best = Infinity;
  for (let i = 0; i + 3 < ring.length; i += 2) {
    const ax = (ring[i]! - lon) * k, ay = ring[i + 1]! - lat;
    const bx = (ring[i + 2]! - lon) * k, by = ring[i + 3]! - lat;
    const dx = bx - ax, dy = by - ay;
    const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}

/**
 * Neighbouring outlines are simplified one by one, so thin slivers open between them along a shared border;
 * a point in one (in no outline at all) belongs to the nearest outline this close (~300 m).
 */
const SLIVER_DEG = 0.003;

export class Bounds {
  /** Every outline within this box (plus the sliver margin): a point outside it is in none, found without a scan. */
  private readonly extent: Box;

  constructor(readonly file: BoundsFile) {
    const extent: Box = [Infinity, Infinity, -Infinity, -Infinity];
    for (const shape of Object.values(file.shapes)) {
      for (const ring of shape.rings) {
        for (let i = 0; i < ring.length; i += 2) {
          extent[0] = Math.min(extent[0], ring[i]!);
          extent[1] = Math.min(extent[1], ring[i + 1]!);
          extent[2] = Math.max(extent[2], ring[i]!);
          extent[3] = Math.max(extent[3], ring[i + 1]!);
        }
      }
    }
    this.extent = [extent[0] - SLIVER_DEG, extent[1] - SLIVER_DEG, extent[2] + SLIVER_DEG, extent[3] + SLIVER_DEG];
  }

  /** Keys of the outlines the point lies in; in a sliver between outlines, the nearest one. */
  shapesAt(point: Point): string[] {
    if (!inBox(this.extent, point)) return [];
    const entries = Object.entries(this.file.shapes);
    const inside = entries.filter(([, shape]) => inShape(shape, point)).map(([key]) => key);
    if (inside.length > 0) return inside;
    let nearest: { key: string; d: number } | undefined;
    for (const [key, shape] of entries) {
      const d = Math.min(...shape.rings.map((ring) => ringDistance(ring, point)));
      if (d <= SLIVER_DEG && (!nearest || d < nearest.d)) nearest = { key, d };
    }
    return nearest ? [nearest.key] : [];
  }

  /** Whether the point lies in the county-level division with this code; undefined when it has no outline. */
  inDivision(code: string, point: Point, shapesAt = this.shapesAt(point)): boolean | undefined {
    const division = this.file.divisions[code];
    if (!division) return undefined;
    if (division.box && !inBox(division.box, point)) return false;
    if (division.except && inBox(division.except, point)) return false;
    return division.shapes.some((key) => shapesAt.includes(key));
  }

  /** Whether the point lies in the prefecture-level city (any outline of its map). */
  inCity(cityCode: string, point: Point): boolean {
    return this.shapesAt(point).some((key) => this.file.shapes[key]!.city === cityCode);
  }

  /** Codes of the divisions the point lies in (one, unless outlines or boxes overlap). */
  divisionsAt(point: Point): string[] {
    const shapesAt = this.shapesAt(point);
    return Object.keys(this.file.divisions).filter((code) => this.inDivision(code, point, shapesAt));
  }
}

export async function loadBounds(dataDir: string): Promise<Bounds> {
  const file = path.join(dataDir, "places", "bounds.json");
  return new Bounds(JSON.parse(await fs.readFile(file, "utf8")) as BoundsFile);
}

/** The outlines when the data folder has them (a DATA_DIR of an older layout may not): undefined without. */
export async function loadBoundsIfPresent(dataDir: string): Promise<Bounds | undefined> {
  try {
    return await loadBounds(dataDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new Error(`cannot read the county outlines in ${dataDir}/places/bounds.json: ${error instanceof Error ? error.message : String(error)}`);
  }
}
