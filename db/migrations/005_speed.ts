/**
 * Speed on a large database (issue 5): the inbox order read straight off an index, and totals per
 * status kept as counters instead of counted on every page.
 *
 * The inbox sorts by priority, then recency, then id, all descending. An index stores its rows in
 * rowid order last, so an index declared (priority DESC, last_message_at DESC) walked forwards
 * gives id ascending and needs a sort for the ties; the same columns ascending, walked backwards,
 * give exactly priority DESC, last_message_at DESC, id DESC.
 */
export const sql = /* sql */ `
DROP INDEX threads_inbox;
CREATE INDEX threads_inbox ON threads(status, priority, last_message_at);
DROP INDEX threads_all;
CREATE INDEX threads_all ON threads(priority, last_message_at);
-- A customer's other threads are few: found by customer, sorted on the spot. Without recency in
-- this index, a new message (which moves last_message_at) has one index less to rewrite.
DROP INDEX threads_customer;
CREATE INDEX threads_customer ON threads(customer_id);

-- Search reads a message's time, thread, account and direction for every candidate match. Message
-- rows are wide (text, raw payload), and the time comes after the text: a narrow copy of those
-- columns in rowid order halves the cost of each candidate.
CREATE INDEX messages_cover ON messages(id, created_at, thread_id, account_id, direction);

-- The minute-by-minute waiting-priority refresh reads only open threads that wait: from this
-- narrow index, instead of every open thread's row (100 ms and more, cold, on a large inbox).
CREATE INDEX threads_waiting ON threads(awaiting_since, priority_base, priority) WHERE status = 'open' AND awaiting_since IS NOT NULL;

-- The terms of the full-text index: a prefix search ("refun*") is looked up here once and searched
-- as the few words it stands for, instead of FTS5 merging every such word's list on each lookup.
CREATE VIRTUAL TABLE messages_fts_vocab USING fts5vocab(messages_fts, 'row');

CREATE TABLE thread_status_counts (
  status  TEXT PRIMARY KEY CHECK (status IN ('open', 'pending', 'snoozed', 'resolved')),
  n       INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO thread_status_counts (status, n)
  SELECT s.value, (SELECT count(*) FROM threads WHERE status = s.value)
  FROM json_each('["open","pending","snoozed","resolved"]') s;

CREATE TRIGGER threads_count_insert AFTER INSERT ON threads BEGIN
  UPDATE thread_status_counts SET n = n + 1 WHERE status = new.status;
END;
CREATE TRIGGER threads_count_delete AFTER DELETE ON threads BEGIN
  UPDATE thread_status_counts SET n = n - 1 WHERE status = old.status;
END;
CREATE TRIGGER threads_count_status AFTER UPDATE OF status ON threads WHEN old.status IS NOT new.status BEGIN
  UPDATE thread_status_counts SET n = n - 1 WHERE status = old.status;
  UPDATE thread_status_counts SET n = n + 1 WHERE status = new.status;
END;
`;
