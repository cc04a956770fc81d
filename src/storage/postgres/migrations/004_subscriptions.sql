-- Newspaper digest subscriptions, published issues and the durable delivery outbox.

-- One subscription per chat. Topics, region and keywords are JSON.
CREATE TABLE subscriptions (
  chat_id BIGINT PRIMARY KEY,
  user_id BIGINT NOT NULL,
  topics TEXT NOT NULL DEFAULT '["all"]',
  region TEXT,
  keywords TEXT NOT NULL DEFAULT '[]',
  delivery TEXT NOT NULL DEFAULT 'immediate' CHECK (delivery IN ('immediate', 'daily')),
  daily_time TEXT,
  quiet_start TEXT NOT NULL DEFAULT '22:00',
  quiet_end TEXT NOT NULL DEFAULT '07:00',
  time_zone TEXT NOT NULL DEFAULT 'Asia/Shanghai',
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'inactive')),
  inactive_reason TEXT,
  locale TEXT NOT NULL DEFAULT 'zh-CN',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX subscriptions_user ON subscriptions (user_id);
CREATE INDEX subscriptions_status ON subscriptions (status);

CREATE TABLE published_issues (
  pub_id BIGSERIAL PRIMARY KEY,
  issue_id TEXT NOT NULL UNIQUE,
  paper TEXT,
  issue_date TEXT,
  issue_number TEXT,
  items TEXT NOT NULL,
  source TEXT,
  published_at TEXT NOT NULL,
  subscribers_considered INTEGER NOT NULL,
  queued INTEGER NOT NULL
);

-- One row per (issue, subscriber chat); see src/storage/sqlite/migrations/004_subscriptions.sql.
CREATE TABLE digest_outbox (
  id BIGSERIAL PRIMARY KEY,
  pub_id BIGINT NOT NULL REFERENCES published_issues (pub_id) ON DELETE CASCADE,
  issue_id TEXT NOT NULL,
  chat_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  locale TEXT NOT NULL,
  articles TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'unconfirmed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  claimed_by TEXT,
  claimed_at BIGINT,
  last_error TEXT,
  sent_at BIGINT,
  telegram_message_id BIGINT,
  created_at BIGINT NOT NULL,
  UNIQUE (issue_id, chat_id)
);
CREATE INDEX digest_outbox_due ON digest_outbox (status, next_attempt_at);
CREATE INDEX digest_outbox_chat ON digest_outbox (chat_id);
CREATE INDEX digest_outbox_user ON digest_outbox (user_id);
CREATE INDEX digest_outbox_sent ON digest_outbox (sent_at) WHERE sent_at IS NOT NULL;

-- The one digest sender allowed to work through the outbox, on whatever host it runs.
CREATE TABLE digest_sender_lease (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  run_id TEXT NOT NULL,
  pid INTEGER NOT NULL,
  host TEXT NOT NULL,
  heartbeat_at BIGINT NOT NULL
);
