/**
 * loadKnowledge: the Knowledge facade over the stored newspaper issues, the programme catalogue and the
 * gazetteer. Shipped issues in DATA_DIR/issues are synced into the store first, so every process sees them.
 */
import path from "node:path";
import type { Logger } from "../logger.js";
import type { ContentVersions } from "./content-versions.js";
import type { IssueRepository, StoredArticle } from "./newspaper/repository.js";
import type { StationRepository } from "./stations/repository.js";
import { loadCatalogue } from "./catalogue/index.js";
import { normalizeName } from "./catalogue/names.js";
import type { Catalogue } from "./catalogue/types.js";
import type { AskOptions, HitProvider, Knowledge } from "./knowledge.js";
import { loadFaq, servedEntries } from "./faq/index.js";
import { syncIssueDir } from "./newspaper/index.js";
import { loadGazetteer } from "./places/gazetteer.js";
import { createStationHitProvider } from "./stations/hit-provider.js";
import { type StationDirectory, stationDirectoryOf } from "./stations/service.js";
import type { Gazetteer } from "./places/types.js";
import { answerQuestion } from "./search/ask.js";
import { faqDocument, programmeDocument, type SearchDocument } from "./search/documents.js";
import { SearchEngine } from "./search/engine.js";
import { analyzeQuery, type QueryAnalysis } from "./text/analyze.js";
import { conceptKeys } from "./gaps/concepts.js";
import { loadLexicon, type Lexicon } from "./text/lexicon.js";
import { conceptsOf } from "./text/thesaurus.js";
import { configureSegmenter } from "./text/segmenter.js";
import type { Answer } from "./types.js";

export interface LoadKnowledgeOptions {
  /** The repositories knowledge reads: issues for the search, stations and their content version. */
  store: { issues: IssueRepository; stations: StationRepository; content: ContentVersions };
  /** DATA_DIR: issues/, programmes/, dict/, places/. */
  dataDir: string;
  logger?: Logger;
  /** Shared with the rest of the application; loaded from DATA_DIR when absent. */
  catalogue?: Catalogue;
  gazetteer?: Gazetteer;
  /** Station hits come from this directory, so they judge "open now" in its time zone. */
  stations?: StationDirectory;
  /** TIME_ZONE for a directory built here (when `stations` is absent). */
  timeZone?: string;
}

export type LoadedKnowledge = Knowledge & {
  readonly catalogue: Catalogue;
  readonly lexicon: Lexicon;
  /** Counts of what the index holds (for logs and the benchmark). */
  readonly size: { programmes: number; articles: number; passages: number };
  /** The current search engine (replaced by reindex); the benchmark measures it directly. */
  readonly engine: SearchEngine;
  /** Concept keys of a question (groups the gap report). */
  concepts(question: string): string[];
  /** Full analysis, with term weights and the asked fact (the eval and tests use it). */
  analyzeFull(question: string): QueryAnalysis;
};

export function articleDocument(a: StoredArticle): SearchDocument {
  return {
    kind: "article",
    id: a.id,
    title: a.title,
    extraTitle: a.kicker ?? "",
    body: a.body,
    source: { paper: a.issue.paper, date: a.issue.date, issue: a.issue.number, title: a.title, url: a.url ?? null },
    regionText: "",
  };
}

/**
 * A catalogue entry names the article it comes from; when the catalogue leaves paper, date or issue empty,
 * the stored article with that headline supplies them (still only what the page printed).
 */
function citeFromArticles(doc: SearchDocument, articles: StoredArticle[]): SearchDocument {
  const { source } = doc;
  if ((source.paper && source.date && source.issue) || !source.title) return doc;
  const want = normalizeName(source.title);
  const article = articles.find((a) => normalizeName(a.title) === want);
  if (!article) return doc;
  return {
    ...doc,
    source: {
      ...source,
      paper: source.paper ?? article.issue.paper,
      date: source.date ?? article.issue.date,
      issue: source.issue ?? article.issue.number,
    },
  };
}

export async function loadKnowledge(options: LoadKnowledgeOptions): Promise<LoadedKnowledge> {
  const { store, dataDir, logger } = options;
  configureSegmenter({ dictDir: path.join(dataDir, "dict") });
  const lexicon = loadLexicon(path.join(dataDir, "dict"));
  // A file that cannot be parsed is reported and skipped: the other issues still load (ingest refuses it loudly).
  await syncIssueDir(store, path.join(dataDir, "issues"), {
    onRefused: (error) => logger?.warn({ err: error.message }, "issue file skipped"),
    onIngested: (result) => {
      logger?.info({ file: result.file, status: result.status, articles: result.articleCount }, "issue file stored");
      for (const warning of result.warnings ?? []) logger?.warn({ file: result.file }, warning);
    },
  });
  const catalogue = options.catalogue ?? (await loadCatalogue(path.join(dataDir, "programmes")));
  // Staff-written answers; entries marked `example: true` show the format and are never served.
  const faq = servedEntries(await loadFaq(path.join(dataDir, "faq")));
  for (const gap of catalogue.englishGaps) logger?.warn({ file: gap.file, field: gap.field }, `catalogue: ${gap.message}`);
  const gazetteer: Gazetteer = options.gazetteer ?? (await loadGazetteer(dataDir));
  const providers: HitProvider[] = [];
  // `station` hits for station questions. The sample set is loaded into an empty store on first use; the
  // finder reloads within seconds of an import by any process (the stored stations content version).
  const stationDirectory = options.stations ?? stationDirectoryOf(store, { dataDir, timeZone: options.timeZone, logger });
  providers.push(createStationHitProvider({ finder: () => stationDirectory.finder(), gazetteer }));

  let engine: SearchEngine;
  let size = { programmes: 0, articles: 0, passages: 0 };
  const build = async () => {
    const started = performance.now();
    const articles = await store.issues.allArticles();
    const docs = [
      ...faq.map(faqDocument),
      ...catalogue.programmes.map((p) => citeFromArticles(programmeDocument(p), articles)),
      ...articles.map(articleDocument),
    ];
    engine = SearchEngine.build(docs, gazetteer);
    size = { programmes: catalogue.programmes.length, articles: articles.length, passages: engine.passageCount };
    logger?.info({ ...size, ms: Math.round(performance.now() - started) }, "search index built");
  };
  await build();

  const analyzeFull = (question: string) => analyzeQuery(question, lexicon, gazetteer);
  // The gap report groups by the thesaurus' concepts (没活干 and 下岗 are both 失业); a question that touches
  // none of them is grouped by its own content words.
  const gapConcepts = (question: string): string[] => {
    const found = conceptsOf(question, lexicon.concepts ?? []);
    if (found.length === 0) return conceptKeys(analyzeFull(question));
    return [...new Set(found.map((c) => c.label.zh))].sort();
  };

  const ask = (question: string, askOptions: AskOptions = {}): Promise<Answer> =>
    answerQuestion(question, { engine, analyze: analyzeFull, providers, logger }, askOptions);

  return {
    ask,
    analyze: analyzeFull,
    analyzeFull,
    gazetteer,
    catalogue,
    lexicon,
    get size() {
      return size;
    },
    get engine() {
      return engine;
    },
    concepts: (question: string) => gapConcepts(question),
    addHitProvider(provider) {
      providers.push(provider);
    },
    reindex: build,
  };
}
