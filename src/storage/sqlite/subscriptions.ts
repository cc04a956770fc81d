// Placeholder: the owner of this area implements the repository here (and adds its migration file).
import type { SubscriptionRepository } from "../subscriptions.js";
import type { SqliteDb } from "./database.js";

export class SqliteSubscriptionRepository implements SubscriptionRepository {
  constructor(readonly db: SqliteDb) {}
}
