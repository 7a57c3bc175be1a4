/**
 * The two streams of a Mastodon account.
 *
 * mentions: GET /api/v1/notifications?types[]=mention, walked forward with min_id ("results
 *   immediately newer than this id", so no gap however many arrive between polls).
 *   Cursor: the id of the newest notification already handed over — the min_id of the page's
 *   Link rel="prev" — a decimal string as Mastodon writes it. No cursor: the newest page only
 *   (up to 40 mentions), history is not backfilled.
 *   Thread rule: a status joins the thread of the status it replies to when that one is known
 *   (seen in this stream or sent from the console); otherwise it starts a thread of its own,
 *   "status:<its id>". So a customer's follow-ups to our replies stay together, while two
 *   customers answering the same brand post get a thread each. Direct statuses are left to the
 *   conversations stream, which files them under the conversation; taking them here too would
 *   store the same message under two threads.
 *
 * conversations: GET /api/v1/conversations (direct conversations), walked forward with min_id.
 *   Mastodon pages conversations by their last status id, so the cursor is the newest
 *   last_status id seen (the Link rel="prev" min_id): a conversation with a new message comes
 *   back by itself. The API only shows each conversation's last status, so the statuses before
 *   it come from GET /api/v1/statuses/:id/context. Thread: "conversation:<id>"; the brand's
 *   own statuses are direction 'out'.
 */
import type { ZodType } from 'zod';
import type { NormalisedMessage, PollResult, RejectedItem } from '../types';
import { ChannelError } from '../types';
import { compareIds, prevCursor, type MastodonClient } from './client';
import { toMessage } from './mapping';
import type { ThreadMemory } from './memory';
import { ContextSchema, ConversationSchema, describeIssue, NotificationSchema, StatusSchema, type Conversation, type Notification, type Status } from './schemas';

export const MENTIONS_PAGE = 40;
export const CONVERSATIONS_PAGE = 20;

export interface StreamDeps {
  client: MastodonClient;
  threads: ThreadMemory;
  selfId: () => Promise<string>;
}

export async function pollMentions(deps: StreamDeps, cursor: string | null): Promise<PollResult> {
  const { client, threads } = deps;
  const query: Array<[string, string]> = [
    ['types[]', 'mention'],
    // 4.3+: mentions from people the brand does not follow may be "filtered"; a care desk wants them.
    ['include_filtered', 'true'],
    ['limit', String(MENTIONS_PAGE)],
  ];
  if (cursor) query.push(['min_id', cursor]);
  const res = await client.call<unknown>('/api/v1/notifications', { query });
  const { valid, rejected, ids } = validateList(res.body, NotificationSchema, client.host, 'notifications');
  const self = await deps.selfId();
  const items: NormalisedMessage[] = [];
  // Oldest first, so a reply's parent is in the thread memory before the reply is filed.
  for (const n of valid.sort((a, b) => compareIds(a.id, b.id))) {
    const status = mentionStatus(n, self);
    if (!status) continue;
    const thread = (status.in_reply_to_id && threads.get(status.in_reply_to_id)) || `status:${status.id}`;
    threads.set(status.id, thread);
    items.push(toMessage(status, { kind: 'mention', threadExternalId: thread, direction: 'in', customer: status.account, host: client.host }));
  }
  threads.save();
  return {
    items,
    rejected,
    nextCursor: ids.length > 0 ? (prevCursor(res.headers) ?? newest(ids)) : null,
    more: cursor !== null && ids.length >= MENTIONS_PAGE,
  };
}

/** The status a notification brings to the desk, or null (other types, DMs, our own). */
function mentionStatus(n: Notification, self: string): Status | null {
  // Servers before 3.5 ignore types[], so the type is checked here too.
  if (n.type !== 'mention' || !n.status) return null;
  if (n.status.visibility === 'direct' || n.status.account.id === self) return null;
  return n.status;
}

export async function pollConversations(deps: StreamDeps, cursor: string | null): Promise<PollResult> {
  const { client } = deps;
  const query: Array<[string, string]> = [['limit', String(CONVERSATIONS_PAGE)]];
  if (cursor) query.push(['min_id', cursor]);
  const res = await client.call<unknown>('/api/v1/conversations', { query });
  const { valid, rejected, ids } = validateList(res.body, ConversationSchema, client.host, 'conversations', (c) => {
    const last = (c as { last_status?: { id?: unknown } } | null)?.last_status?.id;
    return typeof last === 'string' ? last : null;
  });
  const self = await deps.selfId();
  const items: NormalisedMessage[] = [];
  const byLast = (c: Conversation) => c.last_status?.id ?? '';
  for (const c of valid.sort((a, b) => compareIds(byLast(a), byLast(b)))) {
    const last = c.last_status;
    const customer = c.accounts.find((a) => a.id !== self);
    if (!last || !customer) continue;
    const thread = `conversation:${c.id}`;
    for (const status of [...(await earlierStatuses(client, last, rejected)), last]) {
      const out = status.account.id === self;
      items.push(
        toMessage(status, { kind: 'dm', threadExternalId: thread, direction: out ? 'out' : 'in', customer: out ? customer : status.account, host: client.host }),
      );
    }
  }
  return {
    items,
    rejected,
    nextCursor: ids.length > 0 ? (prevCursor(res.headers) ?? newest(ids)) : null,
    more: cursor !== null && ids.length >= CONVERSATIONS_PAGE,
  };
}

/** The direct statuses above `last` in its thread (the conversation so far), oldest first. */
async function earlierStatuses(client: MastodonClient, last: Status, rejected: RejectedItem[]): Promise<Status[]> {
  if (!last.in_reply_to_id) return [];
  let body: unknown;
  try {
    body = (await client.call<unknown>(`/api/v1/statuses/${encodeURIComponent(last.id)}/context`)).body;
  } catch (err) {
    // Deleted between the two requests: the conversation shows what is left.
    if (err instanceof ChannelError && err.kind === 'refused') return [];
    throw err;
  }
  const context = ContextSchema.safeParse(body);
  if (!context.success) throw new ChannelError('bad_payload', `${client.host} answered a conversation's context with ${describeIssue(context.error)}`);
  const statuses: Status[] = [];
  for (const raw of context.data.ancestors) {
    const s = StatusSchema.safeParse(raw);
    if (!s.success) rejected.push({ reason: `context status: ${describeIssue(s.error)}`, raw });
    // A DM that answers a public post has that post above it; it is not part of the conversation.
    else if (s.data.visibility === 'direct') statuses.push(s.data);
  }
  return statuses;
}

/**
 * A page must be a JSON array; each item is checked on its own. `ids` are the paging ids of
 * every item, valid or not, so the cursor moves past a broken one instead of stalling on it.
 */
function validateList<T extends { id: string }>(
  body: unknown,
  schema: ZodType<T>,
  host: string,
  what: string,
  pagingId: (raw: unknown) => string | null = (raw) => {
    const id = (raw as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? id : null;
  },
): { valid: T[]; rejected: RejectedItem[]; ids: string[] } {
  if (!Array.isArray(body)) throw new ChannelError('bad_payload', `${host} answered the ${what} request with something that is not a list.`);
  const valid: T[] = [];
  const rejected: RejectedItem[] = [];
  const ids: string[] = [];
  for (const raw of body) {
    const id = pagingId(raw);
    if (id) ids.push(id);
    const parsed = schema.safeParse(raw);
    if (parsed.success) valid.push(parsed.data);
    else rejected.push({ reason: `${what} item: ${describeIssue(parsed.error)}`, raw });
  }
  return { valid, rejected, ids };
}

function newest(ids: string[]): string {
  return ids.reduce((a, b) => (compareIds(a, b) >= 0 ? a : b));
}
