-- Several bot instances on one database.

-- update_ids already handled (Telegram may deliver an update again, possibly to another instance).
-- Rows older than a day are pruned: Telegram keeps an undelivered update for at most 24 hours.
CREATE TABLE handled_updates (
  update_id BIGINT PRIMARY KEY,
  handled_at BIGINT NOT NULL
);
CREATE INDEX handled_updates_at ON handled_updates (handled_at);

-- A counter per kind of searchable content ('issues', 'stations'), raised in the transaction that changes it;
-- running instances poll it and rebuild their in-memory search when it moves.
CREATE TABLE content_versions (
  name TEXT PRIMARY KEY,
  version BIGINT NOT NULL
);
