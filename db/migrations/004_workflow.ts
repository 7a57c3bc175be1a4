/**
 * The care workflow: snooze, assignment, labels, private notes, SLA clocks, sentiment for the
 * crisis watch, saved searches, and colleagues/queues to hand threads to.
 */
export const sql = /* sql */ `
ALTER TABLE threads ADD COLUMN snoozed_until INTEGER;
ALTER TABLE threads ADD COLUMN assignee TEXT;
-- Priority from the newest customer message alone; the stored priority adds time waiting.
ALTER TABLE threads ADD COLUMN priority_base INTEGER NOT NULL DEFAULT 0;
-- The oldest customer message not yet answered; null when the last word is ours.
ALTER TABLE threads ADD COLUMN awaiting_since INTEGER;
ALTER TABLE threads ADD COLUMN first_inbound_at INTEGER;
ALTER TABLE threads ADD COLUMN first_response_at INTEGER;
-- SLA clock pauses while pending or snoozed: time paused so far, and since when (if paused now).
ALTER TABLE threads ADD COLUMN sla_paused_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE threads ADD COLUMN sla_paused_at INTEGER;
ALTER TABLE threads ADD COLUMN resolved_at INTEGER;
UPDATE threads SET priority_base = priority;
UPDATE threads SET first_inbound_at = (SELECT min(created_at) FROM messages m WHERE m.thread_id = threads.id AND m.direction = 'in');
UPDATE threads SET first_response_at = (SELECT min(created_at) FROM messages m WHERE m.thread_id = threads.id AND m.direction = 'out');
UPDATE threads SET awaiting_since = (
  SELECT min(created_at) FROM messages m
  WHERE m.thread_id = threads.id AND m.direction = 'in' AND m.created_at > coalesce(threads.last_outbound_at, 0)
);
CREATE INDEX threads_snoozed ON threads(snoozed_until) WHERE status = 'snoozed';
CREATE INDEX threads_assignee ON threads(assignee, status) WHERE assignee IS NOT NULL;

-- -1 negative, 0 neutral, 1 positive: from the offline lexicon, for the crisis watch and reports.
ALTER TABLE messages ADD COLUMN sentiment INTEGER NOT NULL DEFAULT 0;
CREATE INDEX messages_negative ON messages(created_at) WHERE direction = 'in' AND sentiment < 0;
CREATE INDEX messages_created ON messages(created_at);

CREATE TABLE labels (
  id     INTEGER PRIMARY KEY,
  name   TEXT NOT NULL UNIQUE COLLATE NOCASE,
  color  TEXT NOT NULL
) STRICT;

CREATE TABLE thread_labels (
  thread_id  INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
  label_id   INTEGER NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
  PRIMARY KEY (thread_id, label_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX thread_labels_label ON thread_labels(label_id, thread_id);

-- Private notes: never sent, shown in the thread apart from replies.
CREATE TABLE notes (
  id          INTEGER PRIMARY KEY,
  thread_id   INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
  author      TEXT NOT NULL,
  text        TEXT NOT NULL,
  created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX notes_thread ON notes(thread_id, created_at);

-- Colleagues and escalation queues a thread can be handed to.
CREATE TABLE assignees (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL UNIQUE COLLATE NOCASE,
  kind  TEXT NOT NULL CHECK (kind IN ('person', 'queue'))
) STRICT;

CREATE TABLE saved_searches (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL UNIQUE COLLATE NOCASE,
  query    TEXT NOT NULL,
  filters  TEXT NOT NULL CHECK (json_valid(filters))
) STRICT;

-- Canned responses for a crisis come first while one is on.
ALTER TABLE canned_responses ADD COLUMN crisis INTEGER NOT NULL DEFAULT 0 CHECK (crisis IN (0, 1));

-- Customers linked across networks: a merge moves identities and threads to one customer.
CREATE INDEX identities_handle ON identities(handle COLLATE NOCASE);
CREATE INDEX identities_name ON identities(display_name COLLATE NOCASE);
`;
