/** Customers across networks: identities, linking two records of one person, and undoing a link. */
import { stmt, type Db } from './open';

export interface CustomerRow {
  id: number;
  displayName: string;
  note: string;
  vip: boolean;
  createdAt: number;
}

export interface IdentityRow {
  id: number;
  customerId: number;
  network: string;
  externalId: string;
  handle: string;
  displayName: string;
  followerCount: number | null;
}

export function getCustomer(db: Db, id: number): CustomerRow | null {
  const r = stmt<[number], Omit<CustomerRow, 'vip'> & { vip: number }>(
    db,
    `SELECT id, display_name AS displayName, note, vip, created_at AS createdAt FROM customers WHERE id = ?`,
  ).get(id);
  return r ? { ...r, vip: r.vip === 1 } : null;
}

export function identitiesOf(db: Db, customerId: number): IdentityRow[] {
  return stmt<[number], IdentityRow>(
    db,
    `SELECT id, customer_id AS customerId, network, external_id AS externalId, handle, display_name AS displayName,
       follower_count AS followerCount FROM identities WHERE customer_id = ? ORDER BY network, id`,
  ).all(customerId);
}

export function getIdentity(db: Db, id: number): IdentityRow | null {
  return (
    stmt<[number], IdentityRow>(
      db,
      `SELECT id, customer_id AS customerId, network, external_id AS externalId, handle, display_name AS displayName,
         follower_count AS followerCount FROM identities WHERE id = ?`,
    ).get(id) ?? null
  );
}

export function updateCustomer(db: Db, id: number, patch: { note?: string; vip?: boolean }): void {
  if (patch.note !== undefined) stmt(db, `UPDATE customers SET note = ? WHERE id = ?`).run(patch.note, id);
  if (patch.vip !== undefined) stmt(db, `UPDATE customers SET vip = ? WHERE id = ?`).run(patch.vip ? 1 : 0, id);
}

/** Moves the other customer's identities and threads to `keepId`, keeps both notes, and removes the other record. */
export function mergeCustomers(db: Db, keepId: number, otherId: number): void {
  db.transaction(() => {
    const other = getCustomer(db, otherId);
    const keep = getCustomer(db, keepId);
    if (!other || !keep) return;
    stmt(db, `UPDATE identities SET customer_id = ? WHERE customer_id = ?`).run(keepId, otherId);
    stmt(db, `UPDATE threads SET customer_id = ? WHERE customer_id = ?`).run(keepId, otherId);
    const note = [keep.note, other.note].filter((n) => n.trim()).join('\n\n');
    stmt(db, `UPDATE customers SET note = ?, vip = max(vip, ?), created_at = min(created_at, ?) WHERE id = ?`).run(
      note,
      other.vip ? 1 : 0,
      other.createdAt,
      keepId,
    );
    stmt(db, `DELETE FROM customers WHERE id = ?`).run(otherId);
  })();
}

/** Gives an identity (and its threads) a customer record of its own again. Returns the new customer id. */
export function splitIdentity(db: Db, identityId: number, now: number): number | null {
  return db.transaction(() => {
    const identity = getIdentity(db, identityId);
    if (!identity) return null;
    const id = Number(stmt(db, `INSERT INTO customers (display_name, created_at) VALUES (?, ?)`).run(identity.displayName, now).lastInsertRowid);
    stmt(db, `UPDATE identities SET customer_id = ? WHERE id = ?`).run(id, identityId);
    stmt(db, `UPDATE threads SET customer_id = ? WHERE identity_id = ?`).run(id, identityId);
    return id;
  })();
}

/**
 * Other customers who may be the same person: an identity whose handle has the same local part
 * ("@ana_ruiz", "@ana_ruiz@mastodon.social", "@ana_ruiz.bsky.social") or whose full display name
 * is the same, ignoring case.
 */
export function linkSuggestions(db: Db, customerId: number, limit = 10): Array<IdentityRow & { reason: string }> {
  const out = new Map<number, IdentityRow & { reason: string }>();
  const byHandle = stmt<[{ exact: string; bare: string; fediverse: string; bluesky: string; customerId: number; limit: number }], IdentityRow>(
    db,
    `SELECT id, customer_id AS customerId, network, external_id AS externalId, handle, display_name AS displayName,
       follower_count AS followerCount FROM identities
     WHERE (handle = @exact COLLATE NOCASE OR handle = @bare COLLATE NOCASE
            OR handle LIKE @fediverse ESCAPE '\\' OR handle LIKE @bluesky ESCAPE '\\')
       AND customer_id <> @customerId LIMIT @limit`,
  );
  const byName = stmt<[string, number, number], IdentityRow>(
    db,
    `SELECT id, customer_id AS customerId, network, external_id AS externalId, handle, display_name AS displayName,
       follower_count AS followerCount FROM identities WHERE display_name = ? COLLATE NOCASE AND customer_id <> ? LIMIT ?`,
  );
  const like = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
  for (const m of identitiesOf(db, customerId)) {
    const local = handleLocalPart(m.handle);
    if (local.length >= 3) {
      const rows = byHandle.all({ exact: `@${local}`, bare: local, fediverse: `@${like(local)}@%`, bluesky: `@${like(local)}.%`, customerId, limit });
      for (const r of rows) out.set(r.customerId, { ...r, reason: `same handle ${local}` });
    }
    // One-word names ("Sam") are too common to suggest anything.
    if (m.displayName.trim().split(/\s+/).length >= 2) {
      for (const r of byName.all(m.displayName, customerId, limit)) {
        if (!out.has(r.customerId)) out.set(r.customerId, { ...r, reason: `same name “${m.displayName}”` });
      }
    }
  }
  return [...out.values()].slice(0, limit);
}

/** "@maria@mastodon.social" / "@maria.bsky.social" / "@maria" → "maria". */
export function handleLocalPart(handle: string): string {
  const h = handle.replace(/^@/, '');
  return (h.split('@')[0] ?? h).replace(/\.bsky\.social$/i, '').split('.')[0] ?? h;
}

export interface TimelineRow {
  messageId: number;
  threadId: number;
  network: string;
  kind: string;
  direction: 'in' | 'out';
  authorName: string;
  text: string;
  createdAt: number;
}

export function customerTimeline(db: Db, customerId: number, limit: number): TimelineRow[] {
  return stmt<[number, number], TimelineRow>(
    db,
    `SELECT m.id AS messageId, m.thread_id AS threadId, a.network, t.kind, m.direction, m.author_name AS authorName, m.text,
       m.created_at AS createdAt
     FROM threads t JOIN messages m ON m.thread_id = t.id JOIN accounts a ON a.id = t.account_id
     WHERE t.customer_id = ? ORDER BY m.created_at DESC, m.id DESC LIMIT ?`,
  ).all(customerId, limit);
}

export function threadIdsOfCustomer(db: Db, customerId: number, limit: number): number[] {
  return stmt<[number, number], { id: number }>(db, `SELECT id FROM threads WHERE customer_id = ? ORDER BY last_message_at DESC LIMIT ?`)
    .all(customerId, limit)
    .map((r) => r.id);
}
