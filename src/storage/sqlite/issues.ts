// Placeholder: the owner of this area implements the repository here (and adds its migration file).
import type { IssueRepository } from "../issues.js";
import type { SqliteDb } from "./database.js";

export class SqliteIssueRepository implements IssueRepository {
  constructor(readonly db: SqliteDb) {}
}
