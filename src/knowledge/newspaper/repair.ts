/**
 * Repairs what page layout and OCR scrambled, after segmentation: paragraphs printed twice, text of a
 * continued story that OCR placed inside a neighbour, sections of a story interrupted by a photo or a brief,
 * and "(下转…)/(上接…)" pairs on the same file. Each decision compares wording (see similarity.ts).
 */
import { hasBody, MIN_REPEAT_CHARS, type Draft, type Para } from "./draft.js";
import { Corpus, termCounts, type Vector } from "./similarity.js";
import { endsSentence, squash } from "./text.js";

/** A moved section must resemble its new story clearly more than the one it was found in. */
const SECTION_MARGIN = 1.5;
const MIN_SECTION_SIMILARITY = 0.08;
const MIN_JOIN_SIMILARITY = 0.05;

function context(draft: Draft, exclude: (p: Para) => boolean = () => false): string {
  return [
    ...(draft.headline ?? []),
    ...draft.extraKicker,
    ...draft.paragraphs.filter((p) => !exclude(p)).map((p) => p.text),
  ].join("\n");
}

function buildCorpus(drafts: Draft[]): Corpus {
  return new Corpus(drafts.flatMap((d) => [...(d.headline ?? []), ...d.paragraphs.map((p) => p.text)]));
}

/**
 * Keeps one copy of a paragraph printed more than once: the story's lead, else the copy that fits its story best.
 * Each story's term counts are kept up to date as copies are dropped, so a page that repeats one line thousands
 * of times costs time in proportion to its length, not to its square.
 */
export function dropRepeatedParagraphs(drafts: Draft[]): void {
  const corpus = buildCorpus(drafts);
  const groups = new Map<string, Array<{ draft: Draft; para: Para }>>();
  for (const draft of drafts) {
    for (const para of draft.paragraphs) {
      const key = squash(para.text);
      if (key.length < MIN_REPEAT_CHARS) continue;
      const group = groups.get(key) ?? [];
      group.push({ draft, para });
      groups.set(key, group);
    }
  }
  const stories = new Map<Draft, StoryCounts>();
  const storyOf = (draft: Draft): StoryCounts => {
    let story = stories.get(draft);
    if (!story) {
      story = new StoryCounts(draft);
      stories.set(draft, story);
    }
    return story;
  };
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    // The story around the copies: each story without every copy of this paragraph.
    const copies = new Map<Draft, Para[]>();
    for (const { draft, para } of group) {
      const paras = copies.get(draft);
      if (paras) paras.push(para);
      else copies.set(draft, [para]);
    }
    const paraVector = corpus.vector(group[0].para.text);
    const fit = new Map<Draft, number>();
    for (const [draft, paras] of copies) fit.set(draft, storyOf(draft).similarityWithout(corpus, paraVector, paras));
    const scored = group.map(({ draft, para }) => {
      const isLead = (draft.headline !== null || draft.byline !== null) && storyOf(draft).lead() === para;
      return { draft, para, score: (isLead ? 1 : 0) + fit.get(draft)! };
    });
    const keep = scored.reduce((best, s) => (s.score > best.score ? s : best), scored[0]);
    for (const s of scored) if (s !== keep) storyOf(s.draft).drop(s.para);
  }
  for (const [draft, story] of stories) draft.paragraphs = draft.paragraphs.filter((p) => !story.dropped.has(p));
}

/** A story's term counts (headline, labels, paragraphs) while repeated paragraphs are being dropped from it. */
class StoryCounts {
  readonly dropped = new Set<Para>();
  private readonly counts: Map<string, number>;
  private readonly paraCounts = new Map<Para, Map<string, number>>();
  private leadIndex = 0;

  constructor(private readonly draft: Draft) {
    this.counts = termCounts(context(draft));
  }

  /** The first body paragraph not dropped. */
  lead(): Para | undefined {
    const paras = this.draft.paragraphs;
    while (this.leadIndex < paras.length && (paras[this.leadIndex].role !== "body" || this.dropped.has(paras[this.leadIndex]))) {
      this.leadIndex++;
    }
    return paras[this.leadIndex];
  }

  /** How well `vector` fits the story without `paras`. */
  similarityWithout(corpus: Corpus, vector: Vector, paras: Para[]): number {
    const removed = new Map<string, number>();
    for (const para of paras) for (const [token, n] of this.countsOf(para)) removed.set(token, (removed.get(token) ?? 0) + n);
    return corpus.similarityToRest(vector, this.counts, removed);
  }

  drop(para: Para): void {
    if (this.dropped.has(para)) return;
    this.dropped.add(para);
    subtract(this.counts, this.countsOf(para));
  }

  private countsOf(para: Para): Map<string, number> {
    let counts = this.paraCounts.get(para);
    if (!counts) {
      counts = termCounts(para.text);
      this.paraCounts.set(para, counts);
    }
    return counts;
  }
}

function subtract(counts: Map<string, number>, part: ReadonlyMap<string, number>): void {
  for (const [token, n] of part) counts.set(token, (counts.get(token) ?? 0) - n);
}

/**
 * OCR sometimes reads a continued story ("(上接第一版)…") in the wrong column order, so part of its text lands at
 * the end of the story printed before the marker. Moves those trailing paragraphs to the continuation.
 */
export function gatherContinuationText(drafts: Draft[]): void {
  const corpus = buildCorpus(drafts);
  for (let f = 1; f < drafts.length; f++) {
    const fragment = drafts[f];
    const before = drafts[f - 1];
    if (!fragment.continuedFrom || before.continuedFrom) continue;
    const moved: Para[] = [];
    while (before.paragraphs.filter((p) => p.role === "body").length > 1) {
      const last = before.paragraphs[before.paragraphs.length - 1];
      if (last.role !== "body") break;
      const fragmentText = [...fragment.paragraphs, ...moved].map((p) => p.text).join("\n");
      const toFragment = corpus.similarity(last.text, fragmentText);
      const toOwn = corpus.similarity(last.text, context(before, (p) => p === last));
      // A short line with nothing in common with its story, next to text already moved, goes along with it.
      const strayLine = moved.length > 0 && last.text.length < 40 && toOwn < 0.02;
      if (toFragment <= toOwn && !strayLine) break;
      moved.unshift(last);
      before.paragraphs.pop();
    }
    fragment.paragraphs.push(...moved);
  }
}

function sections(draft: Draft): Para[][] {
  const out: Para[][] = [[]];
  for (const p of draft.paragraphs) {
    if (p.role === "heading") out.push([p]);
    else out[out.length - 1].push(p);
  }
  return out;
}

function isInterrupted(draft: Draft): boolean {
  const last = [...draft.paragraphs].reverse().find((p) => p.role === "body");
  return last !== undefined && !endsSentence(last.text) && !draft.closed;
}

/**
 * A story interrupted by a photo or a brief continues further down the page under a section heading (小标题),
 * which segmentation first gives to whatever story is open there. Moves such sections back.
 */
export function reuniteInterruptedStories(drafts: Draft[]): void {
  const corpus = buildCorpus(drafts);
  for (let a = 1; a < drafts.length; a++) {
    const draft = drafts[a];
    const parts = sections(draft);
    if (parts.length < 2 || !parts[0].some((p) => p.role === "body")) continue;
    for (let s = 1; s < parts.length; s++) {
      const text = parts[s].map((p) => p.text).join("\n");
      const own = corpus.similarity(text, parts.slice(0, s).flat().map((p) => p.text).join("\n") + "\n" + (draft.headline ?? []).join("\n"));
      let best: { draft: Draft; score: number } | null = null;
      for (let b = 0; b < a; b++) {
        if (!isInterrupted(drafts[b])) continue;
        const score = corpus.similarity(text, context(drafts[b]));
        if (!best || score > best.score) best = { draft: drafts[b], score };
      }
      if (best && best.score >= MIN_SECTION_SIMILARITY && best.score > own * SECTION_MARGIN) {
        const movedParas = parts.slice(s).flat();
        best.draft.paragraphs.push(...movedParas);
        draft.paragraphs = draft.paragraphs.filter((p) => !movedParas.includes(p));
        break;
      }
    }
  }
}

/** Below this, a "section" shares almost no wording with the story above it (real sections in the seeds: ≥ 0.04). */
const MAX_UNRELATED_SIMILARITY = 0.025;

/**
 * A story printed without a byline right after another story is first read as a section of it. When its
 * heading reads like a headline (no "X:Y"/"X,Y" section pattern) and its text shares almost no wording
 * with the story above, it becomes its own article, titled by that heading.
 */
export function splitUnrelatedSections(drafts: Draft[]): Draft[] {
  const corpus = buildCorpus(drafts);
  const out: Draft[] = [];
  const queue = [...drafts];
  while (queue.length) {
    const draft = queue.shift()!;
    out.push(draft);
    const parts = sections(draft);
    for (let s = 1; s < parts.length; s++) {
      const heading = parts[s][0];
      const text = parts[s].slice(1).map((p) => p.text).join("\n");
      if (/[,，:：、;；?？!！“”"]/u.test(heading.text) || text.length < 40) continue;
      const before = [...(draft.headline ?? []), ...parts.slice(0, s).flat().map((p) => p.text)].join("\n");
      if (corpus.similarity(`${heading.text}\n${text}`, before) >= MAX_UNRELATED_SIMILARITY) continue;
      const moved = parts.slice(s).flat();
      draft.paragraphs = draft.paragraphs.filter((p) => !moved.includes(p));
      queue.unshift({
        ...draft,
        headline: [heading.text],
        extraKicker: [],
        hasLead: false,
        paragraphs: moved.slice(1),
        byline: null,
        photo: false,
        continuedFrom: null,
        continuesTo: draft.continuesTo,
        firstLine: heading.line,
      });
      draft.continuesTo = null;
      break;
    }
  }
  return out;
}

/** Joins "(上接…)" text to the story in the same file that says "(下转…)", when the wording agrees. */
export function joinContinuations(drafts: Draft[]): Draft[] {
  const corpus = buildCorpus(drafts);
  const removed = new Set<Draft>();
  for (const fragment of drafts) {
    if (!fragment.continuedFrom) continue;
    let best: { draft: Draft; score: number } | null = null;
    for (const candidate of drafts) {
      if (candidate === fragment || !candidate.continuesTo || removed.has(candidate)) continue;
      const score = corpus.similarity(context(fragment), context(candidate));
      if (!best || score > best.score) best = { draft: candidate, score };
    }
    if (best && best.score >= MIN_JOIN_SIMILARITY) {
      best.draft.paragraphs.push(...fragment.paragraphs);
      best.draft.continuesTo = null;
      removed.add(fragment);
    }
  }
  return drafts.filter((d) => !removed.has(d) && (d.headline !== null || d.paragraphs.length > 0));
}

export function repair(drafts: Draft[]): Draft[] {
  dropRepeatedParagraphs(drafts);
  gatherContinuationText(drafts);
  reuniteInterruptedStories(drafts);
  return joinContinuations(splitUnrelatedSections(drafts)).filter((d) => d.headline !== null || hasBody(d) || d.paragraphs.length > 0);
}
