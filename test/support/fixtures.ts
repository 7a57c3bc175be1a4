/** Normalised channel items for tests, with sensible defaults. */
import type { IngestItem } from '../../db/messages';

let n = 0;
export function item(over: Partial<IngestItem> & { accountId: number }): IngestItem {
  n++;
  return {
    network: 'x',
    externalId: `m${n}`,
    threadExternalId: `t${n}`,
    kind: 'mention',
    direction: 'in',
    customer: { externalId: `u${n}`, handle: `@user${n}`, displayName: `User ${n}`, followerCount: 10 },
    authorName: `User ${n}`,
    authorHandle: `@user${n}`,
    text: `hello ${n}`,
    createdAt: 1_700_000_000_000 + n * 1000,
    raw: '{}',
    priority: 20,
    priorityReasons: [],
    ...over,
  };
}
