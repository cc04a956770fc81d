-- Newspaper issues (or single front-matter stories) and their articles.
CREATE TABLE issues (
  id TEXT PRIMARY KEY,
  paper TEXT,
  date TEXT,
  number TEXT,
  cn TEXT,
  lunar_date TEXT,
  page TEXT,
  source_file TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX issues_content_hash ON issues (content_hash);
CREATE INDEX issues_source_file ON issues (source_file);

CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  issue_id TEXT NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  title TEXT NOT NULL,
  kicker TEXT,
  kind TEXT NOT NULL,
  body TEXT NOT NULL,
  byline TEXT,
  url TEXT,
  title_missing INTEGER NOT NULL DEFAULT 0,
  continued_from TEXT,
  continues_to TEXT,
  UNIQUE (issue_id, seq)
);
