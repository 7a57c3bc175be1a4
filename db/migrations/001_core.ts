/** Accounts, customers and their identities, threads, messages, the event log. */
export const sql = /* sql */ `
CREATE TABLE accounts (
  id          INTEGER PRIMARY KEY,
  channel     TEXT NOT NULL,
  network     TEXT NOT NULL,
  name        TEXT NOT NULL,
  handle      TEXT NOT NULL,
  -- Non-secret settings only (base URL, page id). Secrets live in the OS keychain.
  config      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(config)),
  state       TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'paused', 'needs_reauth')),
  created_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE customers (
  id            INTEGER PRIMARY KEY,
  display_name  TEXT NOT NULL,
  note          TEXT NOT NULL DEFAULT '',
  vip           INTEGER NOT NULL DEFAULT 0 CHECK (vip IN (0, 1)),
  created_at    INTEGER NOT NULL
) STRICT;

-- A customer's presence on one network, as that network describes it.
CREATE TABLE identities (
  id              INTEGER PRIMARY KEY,
  customer_id     INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  network         TEXT NOT NULL,
  external_id     TEXT NOT NULL,
  handle          TEXT NOT NULL,
  display_name    TEXT NOT NULL,
  follower_count  INTEGER,
  updated_at      INTEGER NOT NULL,
  UNIQUE (network, external_id)
) STRICT;
CREATE INDEX identities_customer ON identities(customer_id);

CREATE TABLE threads (
  id                INTEGER PRIMARY KEY,
  account_id        INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  identity_id       INTEGER NOT NULL REFERENCES identities(id),
  customer_id       INTEGER NOT NULL REFERENCES customers(id),
  external_id       TEXT NOT NULL,
  kind              TEXT NOT NULL CHECK (kind IN ('dm', 'mention', 'comment')),
  status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'snoozed', 'resolved')),
  priority          INTEGER NOT NULL DEFAULT 0,
  priority_reasons  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(priority_reasons)),
  unread            INTEGER NOT NULL DEFAULT 1 CHECK (unread IN (0, 1)),
  snippet           TEXT NOT NULL DEFAULT '',
  last_direction    TEXT NOT NULL DEFAULT 'in' CHECK (last_direction IN ('in', 'out')),
  last_message_at   INTEGER NOT NULL,
  last_inbound_at   INTEGER,
  last_outbound_at  INTEGER,
  -- The newest inbound message, which a public reply answers.
  last_inbound_external_id TEXT,
  message_count     INTEGER NOT NULL DEFAULT 0,
  created_at        INTEGER NOT NULL,
  UNIQUE (account_id, external_id)
) STRICT;
-- The inbox: one filter, sorted by priority then recency.
CREATE INDEX threads_inbox ON threads(status, priority DESC, last_message_at DESC);
CREATE INDEX threads_all ON threads(priority DESC, last_message_at DESC);
CREATE INDEX threads_customer ON threads(customer_id, last_message_at DESC);

CREATE TABLE messages (
  id              INTEGER PRIMARY KEY,
  thread_id       INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
  account_id      INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  -- Null for a reply of ours until the channel gave it an id.
  external_id     TEXT,
  direction       TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  author_name     TEXT NOT NULL,
  author_handle   TEXT,
  text            TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  -- Only for replies written here: queued, sending, sent, failed, unknown.
  send_state      TEXT CHECK (send_state IN ('queued', 'sending', 'sent', 'failed', 'unknown')),
  send_error      TEXT,
  -- The platform's own object, for later re-parsing.
  raw             TEXT,
  UNIQUE (account_id, external_id)
) STRICT;
CREATE INDEX messages_thread ON messages(thread_id, created_at);

-- What happened to a thread, for undo and later reports.
CREATE TABLE thread_events (
  id         INTEGER PRIMARY KEY,
  thread_id  INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
  at         INTEGER NOT NULL,
  actor      TEXT NOT NULL,
  kind       TEXT NOT NULL,
  data       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data))
) STRICT;
CREATE INDEX thread_events_thread ON thread_events(thread_id, at);
CREATE INDEX thread_events_kind ON thread_events(kind, at);

-- Items a channel sent that could not be understood: kept with their raw body.
CREATE TABLE rejected_items (
  id          INTEGER PRIMARY KEY,
  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  stream      TEXT NOT NULL,
  reason      TEXT NOT NULL,
  raw         TEXT NOT NULL,
  at          INTEGER NOT NULL
) STRICT;
`;
