/**
 * The domain declares the types and repository interfaces it needs and storage implements them, so nothing
 * under src/knowledge may import from src/storage, nor from the layers above it (bot, application, CLI).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src");
const KNOWLEDGE = path.join(SRC, "knowledge");
const FORBIDDEN = ["storage", "bot", "app", "cli", "console"].map((dir) => path.join(SRC, dir));
// Static imports and re-exports (`from "…"`), side-effect imports and dynamic `import("…")`.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|mts|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/** Every relative import of `file` that resolves under a forbidden folder, as "file: specifier". */
function forbiddenImports(file: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(SPECIFIER)) {
    const specifier = match[1]!;
    if (!specifier.startsWith(".")) continue;
    const target = path.resolve(path.dirname(file), specifier);
    if (FORBIDDEN.some((dir) => target === dir || target.startsWith(dir + path.sep))) {
      found.push(`${path.relative(SRC, file)}: ${specifier}`);
    }
  }
  return found;
}

describe("knowledge layering", () => {
  it("no file under src/knowledge imports from storage, bot, app, cli or console", () => {
    const files = sourceFiles(KNOWLEDGE);
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((file) => forbiddenImports(file, fs.readFileSync(file, "utf8")));
    expect(found).toEqual([]);
  });

  it("the scan catches a storage import, static or dynamic, and lets a sibling import pass", () => {
    const file = path.join(KNOWLEDGE, "stations", "service.ts");
    expect(forbiddenImports(file, 'import type { Store } from "../../storage/store.js";')).toHaveLength(1);
    expect(forbiddenImports(file, 'const m = await import("../../storage/open.js");')).toHaveLength(1);
    expect(forbiddenImports(file, 'export { x } from "../../storage/sqlite/store.js";')).toHaveLength(1);
    expect(forbiddenImports(file, 'import type { StationRepository } from "./repository.js";')).toEqual([]);
  });
});
