/**
 * The application's services, built once from the configuration and shared by every entry point (the
 * bot in all its modes, the standalone sender, the command line). Features and commands get these and
 * never build their own: one catalogue, one place resolver, one station directory in TIME_ZONE.
 */
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics.js";
import type { Store } from "../storage/store.js";
import { createCatalogue } from "../knowledge/catalogue/index.js";
import type { Catalogue } from "../knowledge/catalogue/types.js";
import { type PlaceResolver, placeResolverFor, resolverFromGazetteer } from "../knowledge/eligibility/index.js";
import { createGapRecorder, type GapRecorder } from "../knowledge/gaps/index.js";
import type { Knowledge } from "../knowledge/knowledge.js";
import type { Gazetteer } from "../knowledge/places/types.js";
import { type StationDirectory, stationDirectoryOf } from "../knowledge/stations/service.js";
import { createPublishing, type Publishing } from "../delivery/publish.js";
import { DigestWakeup } from "../delivery/wakeup.js";

/** Places members and programmes name. */
export interface Places {
  readonly gazetteer: Gazetteer;
  /** Region chain of a place name: the gazetteer first, then the places the catalogue itself names. */
  readonly resolve: PlaceResolver;
}

export interface Services {
  /** Questions answered from the issues, the catalogue and the stations. */
  knowledge: Knowledge;
  /** The programme catalogue (eligibility checks run over it with `places.resolve`). */
  catalogue: Catalogue;
  places: Places;
  /** Stored stations, "open now" judged in TIME_ZONE. */
  stations: StationDirectory;
  /** Unanswered questions for the staff's gap report. */
  gaps: GapRecorder;
  /** Stores and queues an issue, then makes it searchable and wakes the digest sender. */
  publishing: Publishing;
  /** Tells the digest sender that digests are due now. */
  digests: DigestWakeup;
  /** Prometheus counters; absent where nothing scrapes them (tests, console chat, command line). */
  metrics?: Metrics;
}

export function createPlaces(catalogue: Catalogue, gazetteer: Gazetteer): Places {
  return { gazetteer, resolve: placeResolverFor(catalogue, resolverFromGazetteer(gazetteer)) };
}

export interface ServiceParts {
  store: Store;
  logger: Logger;
  knowledge: Knowledge;
  /** Default: the store's stations in TIME_ZONE. */
  stations?: StationDirectory;
  /** Default: no programmes. */
  catalogue?: Catalogue;
  /** Default: the knowledge's gazetteer. */
  gazetteer?: Gazetteer;
  metrics?: Metrics;
  digests?: DigestWakeup;
}

/** Wires loaded parts into services (no I/O: loading is src/app/app.ts's job, or a test's). */
export function composeServices(config: Config, parts: ServiceParts): Services {
  const { store, logger, knowledge } = parts;
  const catalogue = parts.catalogue ?? createCatalogue([]);
  const gazetteer = parts.gazetteer ?? knowledge.gazetteer;
  const digests = parts.digests ?? new DigestWakeup();
  return {
    knowledge,
    catalogue,
    places: createPlaces(catalogue, gazetteer),
    stations: parts.stations ?? stationDirectoryOf(store, { dataDir: config.dataDir, timeZone: config.TIME_ZONE, logger }),
    gaps: createGapRecorder({
      repo: store.gaps,
      // Grouped by what a question asks about; a knowledge without concepts groups by its search terms.
      concepts: (q) => knowledge.concepts?.(q) ?? knowledge.analyze(q).terms,
      logger,
    }),
    publishing: createPublishing({ store, gazetteer, reindex: () => knowledge.reindex(), wake: () => digests.wake() }),
    digests,
    metrics: parts.metrics,
  };
}
