import fs from "node:fs";
import path from "node:path";

/**
 * The seed pages the question sets name in `seed`: ../shared/seeds next to the checkout (../../shared/seeds
 * from a worktree one level deeper), or null when neither exists.
 */
export function seedsDir(root: string): string | null {
  return ["../shared/seeds", "../../shared/seeds"].map((d) => path.resolve(root, d)).find((d) => fs.existsSync(d)) ?? null;
}
