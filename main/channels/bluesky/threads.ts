/**
 * How posts group into threads, the way an agent reads them. A thread is the reply tree's root
 * post (the post itself when it is not a reply). When the root is the brand's own post (an
 * announcement many customers answer), each customer gets their own thread under it:
 * `<root at-uri>|<customer DID>`, so one person's complaint is not buried among a hundred others.
 */
import { didOfUri } from './people';
import type { PostRecord } from './schemas';

export function threadOf(record: PostRecord, uri: string, customerDid: string, brandDid: string): string {
  const root = record.reply?.root.uri ?? uri;
  return didOfUri(root) === brandDid && customerDid !== brandDid ? `${root}|${customerDid}` : root;
}

/** The root post of a thread id made by `threadOf`. */
export function rootOfThread(threadExternalId: string): string {
  return threadExternalId.split('|')[0] ?? threadExternalId;
}

/** When the customer wrote: the record's own time, unless it claims to be from the future. */
export function postedAt(record: PostRecord, indexedAt: string): number {
  const created = Date.parse(record.createdAt);
  const indexed = Date.parse(indexedAt);
  return Number.isNaN(created) ? indexed : Math.min(created, indexed);
}
