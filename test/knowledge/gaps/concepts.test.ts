/** Concept keys group questions asking the same thing in other words, without the place asked about. */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge, type LoadedKnowledge } from "../../../src/knowledge/index.js";
import { openStore } from "../../../src/storage/open.js";
import type { Store } from "../../../src/storage/store.js";

let store: Store;
let knowledge: LoadedKnowledge;
beforeAll(async () => {
  store = await openStore("sqlite::memory:");
  knowledge = await loadKnowledge({ store, dataDir: path.resolve("data") });
}, 120_000);
afterAll(async () => store?.close());

describe("concept keys of the gap report", () => {
  it("a colloquial phrase stands for its shortest synonym, so other wordings share a key", () => {
    expect(knowledge.concepts("没活干了")).toEqual(knowledge.concepts("下岗了"));
  });

  it("leaves out the place and question words", () => {
    const keys = knowledge.concepts("宁波的工伤认定要多长时间");
    expect(keys).toContain("工伤");
    expect(keys).not.toContain("宁波");
    expect(keys).toEqual(knowledge.concepts("义乌工伤认定要多长时间"));
  });
});
