-- Several processes on one database (see src/storage/postgres/migrations/005_instances.sql).

-- update_ids already handled (Telegram may deliver an update again). Pruned after a day.
CREATE TABLE handled_updates (
  update_id INTEGER PRIMARY KEY,
  handled_at INTEGER NOT NULL
);
CREATE INDEX handled_updates_at ON handled_updates (handled_at);

-- A counter per kind of searchable content ('issues', 'stations'), raised in the transaction that changes it;
-- a running bot polls it and rebuilds its search when it moves (e.g. after `cli ingest` in another process).
CREATE TABLE content_versions (
  name TEXT PRIMARY KEY,
  version INTEGER NOT NULL
);
