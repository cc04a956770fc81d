-- Newspaper digest subscriptions, published issues and the durable delivery outbox (issue 6).

-- One subscription per chat. Topics, region and keywords are JSON.
CREATE TABLE subscriptions (
  chat_id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL,
  topics TEXT NOT NULL DEFAULT '["all"]',
  region TEXT,
  keywords TEXT NOT NULL DEFAULT '[]',
  -- 'immediate' or 'daily' (then daily_time is HH:MM in time_zone)
  delivery TEXT NOT NULL DEFAULT 'immediate' CHECK (delivery IN ('immediate', 'daily')),
  daily_time TEXT,
  quiet_start TEXT NOT NULL DEFAULT '22:00',
  quiet_end TEXT NOT NULL DEFAULT '07:00',
  time_zone TEXT NOT NULL DEFAULT 'Asia/Shanghai',
  -- active, paused (by the member) or inactive (Telegram said the bot is blocked)
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'inactive')),
  inactive_reason TEXT,
  locale TEXT NOT NULL DEFAULT 'zh-CN',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX subscriptions_user ON subscriptions (user_id);
CREATE INDEX subscriptions_status ON subscriptions (status);

-- Issues whose digests were queued. issue_id is the newspaper module's stable issue id: publishing it
-- again finds this row and queues nothing. items holds the digest-relevant article facts (JSON).
CREATE TABLE published_issues (
  pub_id INTEGER PRIMARY KEY AUTOINCREMENT,
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

-- One row per (issue, subscriber chat). Status: queued -> sending (claimed by a sender run) -> sent;
-- or failed (permanent error, 403, too many attempts), or unconfirmed (the sender died while the request
-- was in flight: never resent automatically, see src/delivery/README.md).
CREATE TABLE digest_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  pub_id INTEGER NOT NULL REFERENCES published_issues (pub_id) ON DELETE CASCADE,
  issue_id TEXT NOT NULL,
  chat_id INTEGER NOT NULL,
  user_id INTEGER NOT NULL,
  locale TEXT NOT NULL,
  -- ranked article seq numbers (JSON array) of this subscriber's digest
  articles TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'unconfirmed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  -- epoch milliseconds: not before this (quiet hours, daily time, backoff, retry_after)
  next_attempt_at INTEGER NOT NULL,
  claimed_by TEXT,
  claimed_at INTEGER,
  last_error TEXT,
  sent_at INTEGER,
  telegram_message_id INTEGER,
  created_at INTEGER NOT NULL,
  UNIQUE (issue_id, chat_id)
);
CREATE INDEX digest_outbox_due ON digest_outbox (status, next_attempt_at);
CREATE INDEX digest_outbox_chat ON digest_outbox (chat_id);
CREATE INDEX digest_outbox_sent ON digest_outbox (sent_at) WHERE sent_at IS NOT NULL;

-- The one sender allowed to work through the outbox (rate limits are per process). A sender refreshes
-- heartbeat_at; another may take over when the heartbeat is old or the holder's process is gone.
CREATE TABLE digest_sender_lease (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  run_id TEXT NOT NULL,
  pid INTEGER NOT NULL,
  host TEXT NOT NULL,
  heartbeat_at INTEGER NOT NULL
);
