// Placeholder: the owner of this area implements the repository here (and adds its migration file).
import type { StationRepository } from "../stations.js";
import type { SqliteDb } from "./database.js";

export class SqliteStationRepository implements StationRepository {
  constructor(readonly db: SqliteDb) {}
}
