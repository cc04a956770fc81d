/**
 * openApp(config): the one composition root. Every entry point (`npm start` in polling, webhook and
 * console mode, `npm run sender`, each command-line command) starts here and takes only what it needs:
 * parts load on first use and once, so `check` never opens the database and `ingest` never loads jieba.
 */
import path from "node:path";
import type { Config } from "../config.js";
import { createLogger, type Logger } from "../logger.js";
import { Metrics } from "../metrics.js";
import { openStore, type OpenStoreOptions } from "../storage/open.js";
import type { Store } from "../storage/store.js";
import { loadCatalogue } from "../knowledge/catalogue/index.js";
import type { Catalogue } from "../knowledge/catalogue/types.js";
import { ContentWatcher } from "../knowledge/content-watch.js";
import { loadGazetteer } from "../knowledge/places/gazetteer.js";
import type { Gazetteer } from "../knowledge/places/types.js";
import { type StationDirectory, stationDirectoryOf } from "../knowledge/stations/service.js";
import { createPublishing, type Publishing } from "../delivery/publish.js";
import { DigestWakeup } from "../delivery/wakeup.js";
import type { MessageApi } from "../delivery/sender.js";
import { startJobs } from "./jobs.js";
import { composeServices, createPlaces, type Places, type Services } from "./services.js";
import { JobSupervisor } from "./supervise.js";

export interface OpenAppOptions {
  /** Default: a logger at LOG_LEVEL. */
  logger?: Logger;
  /** How the store waits for a busy database (a serving process waits asynchronously). */
  storeOptions?: OpenStoreOptions;
  /** Count updates, answers and send errors for GET /metrics. */
  metrics?: boolean;
}

export interface App {
  readonly config: Config;
  readonly logger: Logger;
  /** Background jobs of this process; its health is part of /healthz. */
  readonly jobs: JobSupervisor;
  store(): Promise<Store>;
  catalogue(): Promise<Catalogue>;
  gazetteer(): Promise<Gazetteer>;
  places(): Promise<Places>;
  stations(): Promise<StationDirectory>;
  /** Publishing for a process without a search of its own (the command line). */
  publishing(): Promise<Publishing>;
  /** Everything, the search included (jieba and the index: seconds and a few hundred MB). */
  services(): Promise<Services>;
  /** Starts the digest sender, inbox watcher, conversation sweep and content watcher. */
  startJobs(options?: { senderApi?: MessageApi }): Promise<void>;
  /** Stops the jobs, then closes the store. */
  close(): Promise<void>;
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

export function openApp(config: Config, options: OpenAppOptions = {}): App {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const jobs = new JobSupervisor({ logger: logger.child({ area: "jobs" }) });
  const digests = new DigestWakeup();
  let opened: Promise<Store> | undefined;
  let contentWatcher: ContentWatcher | undefined;

  const store = () => (opened ??= openStore(config.DATABASE_URL, options.storeOptions));
  const catalogue = once(() => loadCatalogue(path.join(config.dataDir, "programmes")));
  const gazetteer = once(() => loadGazetteer(config.dataDir));
  const places = once(async () => createPlaces(await catalogue(), await gazetteer()));
  const stations = once(async () => stationDirectoryOf(await store(), { dataDir: config.dataDir, timeZone: config.TIME_ZONE, logger }));
  const publishing = once(async () => {
    // Region matching falls back to place names when DATA_DIR has no gazetteer.
    const places = await gazetteer().catch((error: unknown) => {
      logger.warn({ err: error }, "region matching without the gazetteer");
      return undefined;
    });
    return createPublishing({ store: await store(), gazetteer: places, wake: () => digests.wake() });
  });

  const services = once(async (): Promise<Services> => {
    const db = await store();
    // Imported here: jieba and the index load only in processes that search.
    const { loadKnowledge } = await import("../knowledge/index.js");
    const [programmes, places, directory] = await Promise.all([catalogue(), gazetteer(), stations()]);
    const knowledge = await loadKnowledge({ store: db, dataDir: config.dataDir, logger, catalogue: programmes, gazetteer: places, stations: directory });
    // Issues stored by another process or instance (ingest, publish) become searchable here within seconds.
    contentWatcher = new ContentWatcher({ content: db.content, reindex: () => knowledge.reindex(), logger });
    await contentWatcher.prime();
    const metrics = options.metrics ? new Metrics({ outbox: db.outbox, processMetrics: true }) : undefined;
    return composeServices(config, { store: db, logger, knowledge, catalogue: programmes, gazetteer: places, stations: directory, metrics, digests });
  });

  return {
    config,
    logger,
    jobs,
    store,
    catalogue,
    gazetteer,
    places,
    stations,
    publishing,
    services,
    async startJobs(jobOptions = {}) {
      startJobs({ config, store: await store(), logger, services: await services(), supervisor: jobs, contentWatcher, ...jobOptions });
    },
    async close() {
      await jobs.stop();
      // A store that failed to open has nothing to close.
      const db = await opened?.catch(() => undefined);
      await db?.close();
    },
  };
}

/** Runs `use` with an app and closes it afterwards, whatever `use` does (one-shot commands). */
export async function withApp<T>(config: Config, options: OpenAppOptions, use: (app: App) => Promise<T>): Promise<T> {
  const app = openApp(config, options);
  try {
    return await use(app);
  } finally {
    await app.close();
  }
}
