/**
 * Set-up shared by the guided-check bot tests (/find and 我符合条件吗?): scripted answers over the shipped
 * gazetteer and programme catalogue, a fresh bot per test (closed after it, with real timers again), what the
 * member reads, and the steps most tests start with.
 *
 *   const bots = findBots([{ match: /淮安/, answer: "…", hits: [...] }]);
 *   let t: TestBot;
 *   it("…", async () => {
 *     t = await bots.open();
 *     await startFind(t, "medical", "p18");          // /find, a need, a programme's place
 *     await checkProgramme(t, "p20", en);            // 我符合条件吗? for one programme, in English
 *     expect(said(t)).toContain("…");
 *   });
 */
import path from "node:path";
import { afterEach, beforeAll, vi } from "vitest";
import { type Catalogue, loadCatalogue } from "../../src/knowledge/catalogue/index.js";
import type { Knowledge } from "../../src/knowledge/knowledge.js";
import { loadGazetteer } from "../../src/knowledge/places/gazetteer.js";
import { createTestBot, type SendOptions, type TestBot, type TestBotOptions, visibleText } from "./bot-harness.js";
import { fakeKnowledge, type FakeKnowledgeRule, makeHit } from "./fake-knowledge.js";

/** A scripted answer for questions about 淮安's medical safety net, with the programme p18 as the best hit. */
export const huaianSafetyNet: FakeKnowledgeRule = {
  match: /淮安|Huai/,
  answer: "淮安市总工会对困难职工家庭医保报销后自费超过3000元的部分兜底。",
  hits: [makeHit({ kind: "programme", id: "p18", title: '淮安市总工会困难职工医疗"兜底"保障' })],
};

/** An English-speaking member. */
export const en: SendOptions = { from: { language_code: "en" } };

/** What the member reads in the replies to the last update. */
export const said = (bot: TestBot): string => visibleText(bot.lastReplies().map((m) => m.text).join("\n"));
/** The buttons under the replies to the last update. */
export const buttons = (bot: TestBot) => bot.lastReplies().flatMap((m) => m.buttons.flat());
/** Everything the bot sent in the test. */
export const everything = (bot: TestBot): string => visibleText(bot.allTexts().join("\n"));
/** Whether a conversation is kept in storage for the default user. */
export const conversationStored = (bot: TestBot) => bot.store.kv.has("user:4242:conversation:4242");

/** What the guided checks run on: scripted answers (for questions typed mid-flow) with the shipped gazetteer, and the programme catalogue. */
export interface FindKnowledge {
  knowledge: Knowledge;
  catalogue: Catalogue;
}

export async function findKnowledge(rules: FakeKnowledgeRule[] = []): Promise<FindKnowledge> {
  return {
    knowledge: { ...fakeKnowledge(rules), gazetteer: await loadGazetteer(path.resolve("data")) },
    catalogue: await loadCatalogue(path.resolve("data/programmes")),
  };
}

/** Loads them once for the file; `open()` gives each test its bot, closed after the test. */
export function findBots(rules: FakeKnowledgeRule[] = []): {
  loaded: () => FindKnowledge;
  open: (options?: Omit<TestBotOptions, "knowledge" | "catalogue">) => Promise<TestBot>;
} {
  let loaded: FindKnowledge | undefined;
  let current: TestBot | undefined;
  beforeAll(async () => {
    loaded = await findKnowledge(rules);
  });
  afterEach(async () => {
    vi.useRealTimers();
    await current?.close();
    current = undefined;
  });
  return {
    loaded: () => loaded!,
    open: async (options = {}) => (current = await createTestBot({ ...loaded!, ...options })),
  };
}

/** /find, then the need's button, then (when given) the place button of a programme. */
export async function startFind(t: TestBot, need: string, where?: string, from?: SendOptions): Promise<void> {
  await t.sendText("/find", from);
  await t.pressButton(`find:need:${need}`, from);
  if (where) await t.pressButton(`find:where:${where}`, from);
}

/** 我符合条件吗? for one programme: its button, then the place button the check offers. */
export async function checkProgramme(t: TestBot, id: string, from?: SendOptions): Promise<void> {
  await t.pressButton(`elig:${id}`, from);
  await t.pressButton(`find:p:${id}`, from);
}
