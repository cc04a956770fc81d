-- PostgreSQL twin of src/storage/sqlite/migrations/001_core.sql: same tables, same columns, same meaning.
-- Times are ISO-8601 text and JSON is text, as in SQLite, so both engines return identical rows.

-- Key/value pairs for grammY sessions and conversation state.
CREATE TABLE kv (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- One row per Telegram user who changed a setting or asked the bot to remember facts.
CREATE TABLE users (
  user_id BIGINT PRIMARY KEY,
  locale TEXT,
  remembered_facts TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
