/** The ingest path: normalised channel items → idempotent upsert → FTS (by trigger). */
import { ingestBatch, type IngestItem } from '../../db/messages';
import type { Db } from '../../db/open';
import type { AccountRecord, NormalisedMessage } from '../channels/types';
import { scoreMessage } from './priority';
import { sentimentOf } from './sentiment';

export function toIngestItem(account: AccountRecord, m: NormalisedMessage): IngestItem {
  const { priority, reasons } = m.direction === 'in' ? scoreMessage(m.text, m.customer.followerCount) : { priority: 0, reasons: [] };
  return {
    accountId: account.id,
    network: account.network,
    externalId: m.externalId,
    threadExternalId: m.threadExternalId,
    kind: m.kind,
    direction: m.direction,
    customer: m.customer,
    authorName: m.direction === 'in' ? m.customer.displayName : (m.authorName ?? account.name),
    authorHandle: m.direction === 'in' ? m.customer.handle : account.handle,
    text: m.text,
    createdAt: m.createdAt,
    raw: JSON.stringify(m.raw ?? null),
    priority,
    priorityReasons: reasons,
    sentiment: m.direction === 'in' ? sentimentOf(m.text) : 0,
  };
}

/** Stores the items in one transaction; `commit` runs inside it (the poller advances its cursor there). */
export function ingest(db: Db, account: AccountRecord, items: NormalisedMessage[], now: number, commit?: () => void): number[] {
  return db.transaction(() => {
    const outcomes = ingestBatch(db, items.map((m) => toIngestItem(account, m)), now);
    commit?.();
    return [...new Set(outcomes.filter((o) => o.inserted).map((o) => o.threadId))];
  })();
}
