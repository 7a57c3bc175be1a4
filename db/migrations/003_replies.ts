/** Sending and answering: canned responses, the outbox, poll cursors, settings, adapter state. */
export const sql = /* sql */ `
CREATE TABLE canned_responses (
  id          INTEGER PRIMARY KEY,
  title       TEXT NOT NULL,
  shortcut    TEXT NOT NULL DEFAULT '',
  body        TEXT NOT NULL,
  use_count   INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX canned_shortcut ON canned_responses(shortcut) WHERE shortcut <> '';

CREATE TABLE outbox (
  id               INTEGER PRIMARY KEY,
  message_id       INTEGER NOT NULL UNIQUE REFERENCES messages(id) ON DELETE CASCADE,
  account_id       INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  idempotency_key  TEXT NOT NULL UNIQUE,
  -- The OutgoingReply handed to the adapter, as JSON.
  payload          TEXT NOT NULL CHECK (json_valid(payload)),
  state            TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'unknown')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER NOT NULL,
  last_error       TEXT,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL
) STRICT;
CREATE INDEX outbox_due ON outbox(state, next_attempt_at);

CREATE TABLE poll_cursors (
  account_id       INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  stream           TEXT NOT NULL,
  cursor           TEXT,
  last_success_at  INTEGER,
  last_error       TEXT,
  failures         INTEGER NOT NULL DEFAULT 0,
  next_poll_at     INTEGER,
  PRIMARY KEY (account_id, stream)
) STRICT;

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL CHECK (json_valid(value))
) STRICT;

-- Small per-account state an adapter keeps (never secrets).
CREATE TABLE adapter_state (
  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  key         TEXT NOT NULL,
  value       TEXT NOT NULL,
  PRIMARY KEY (account_id, key)
) STRICT;
`;
