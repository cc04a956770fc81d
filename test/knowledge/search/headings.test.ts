/**
 * A section heading printed inside a story (小标题) stays its own line in every text a member reads: answer
 * quotes and snippets (built from passages), and the digest's summary and full-article view.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tidyText } from "../../../src/knowledge/digest/summary.js";
import { parseIssueFile } from "../../../src/knowledge/newspaper/index.js";
import { splitPassages } from "../../../src/knowledge/search/documents.js";
import { bestWindow } from "../../../src/knowledge/search/snippet.js";

const SEED = path.resolve("data/issues/undated-outdoor-worker-stations.txt");
const HEADING = "更高目标更高要求";

async function storyWithHeading() {
  const issue = await parseIssueFile(SEED);
  const story = issue.articles.find((a) => a.body.includes(HEADING));
  if (!story) throw new Error("seed story with the heading not found");
  return story;
}

const term = (t: string) => ({ term: t, weight: 1 }) as Parameters<typeof bestWindow>[1][number];

describe("section headings inside a story", () => {
  it("stay on their own line in the passages the search quotes from", async () => {
    const story = await storyWithHeading();
    const passages = splitPassages(story.body);
    const withHeading = passages.filter((p) => p.includes(HEADING));
    expect(withHeading.length).toBeGreaterThan(0);
    for (const p of withHeading) {
      expect(p.split("\n")).toContain(HEADING);
      expect(p).not.toContain(`${HEADING}事实上`);
    }
    expect(passages.join("")).not.toMatch(/改什么\?锚定/);
  });

  it("stay on their own line in a snippet or answer quote around them", async () => {
    const story = await storyWithHeading();
    const snippet = bestWindow(story.body, [term("民生实事"), term("事实上"), term("目标")], 220);
    expect(snippet).toContain(HEADING);
    expect(snippet).not.toContain(`${HEADING}事实上`);
    expect(snippet).toMatch(new RegExp(`(^|\\n)${HEADING}\\n事实上`));
  });

  it("stay on their own line in the full article a digest reader opens", async () => {
    const story = await storyWithHeading();
    const shown = tidyText(story.body);
    expect(shown.split("\n")).toContain(HEADING);
    expect(shown).not.toContain(`${HEADING}事实上`);
  });
});
