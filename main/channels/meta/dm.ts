/**
 * Messenger and Instagram DMs through the Page's Conversations API (`platform=messenger` or
 * `instagram`). Conversations come newest-updated first and only a conversation's 20 newest
 * messages come with details, so each round reads the conversations updated since the cursor,
 * with their newest messages, and stops at the first older one. Thread = conversation id; the
 * customer is the participant who is not the Page (or its Instagram account); messages from the
 * Page are the brand's own ('out').
 */
import {
  ChannelError,
  type AdapterState,
  type NormalisedIdentity,
  type NormalisedMessage,
  type OutgoingReply,
  type PollResult,
  type RejectedItem,
  type SentReceipt,
} from '../types';
import type { LengthRule } from '../../../preload/contract';
import { ownIds, requirePageId, type MetaConfig } from './config';
import { advance, decodeCursor, encodeCursor, isNew, startMark, type Mark } from './cursor';
import type { GraphClient } from './graph';
import { nextAfter, parseListing, rejectUnlessOld } from './listing';
import { conversation, dmMessage, reasonOf, sendResult, type Person } from './schemas';
import { checkReplyText, lookFrom, rememberSendStart, sameText } from './send';
import { messagingFor } from './window';

/** Meta gives details for a conversation's 20 newest messages only. */
export const MESSAGES_WITH_DETAILS = 20;
const MESSAGE_FIELDS = 'id,created_time,from,to,message';
const DAY_MS = 24 * 60 * 60_000;
export const NO_TEXT = '(attachment, sticker or reaction)';

export interface DmDeps {
  g: GraphClient;
  cfg: MetaConfig;
  now: () => number;
  state: AdapterState;
  platform: 'messenger' | 'instagram';
  network: 'Facebook' | 'Instagram';
  identity: (p: Person) => NormalisedIdentity;
  /** Follower counts where the platform gives them (Instagram's User Profile API). */
  followers?: (ids: string[]) => Promise<Map<string, number | null>>;
}

export async function pollConversations(d: DmDeps, raw: string | null): Promise<PollResult> {
  const pageId = requirePageId(d.cfg);
  const own = ownIds(d.cfg);
  const c = decodeCursor(raw, d.now() - d.cfg.backfillDays * DAY_MS);
  const page = parseListing(
    await d.g.get(`${pageId}/conversations`, {
      platform: d.platform,
      fields: `id,updated_time,participants,messages.limit(${MESSAGES_WITH_DETAILS}){${MESSAGE_FIELDS}}`,
      limit: d.cfg.pageSize,
      after: c.scan?.after,
    }),
    `${d.network} conversations`,
  );
  const items: NormalisedMessage[] = [];
  const rejected: RejectedItem[] = [];
  let mark: Mark = startMark(c);
  let reachedOlder = false;
  for (const rawConv of page.data) {
    const conv = conversation.safeParse(rawConv);
    if (!conv.success) {
      rejectUnlessOld(rejected, c, rawConv, reasonOf(conv.error, 'conversation'), 'updated_time');
      continue;
    }
    // Newest-updated first: the first conversation older than the mark ends the round.
    if (conv.data.updated_time < c.t) {
      reachedOlder = true;
      break;
    }
    const customer = conv.data.participants.data.find((p) => !own.has(p.id));
    if (!customer) {
      rejectUnlessOld(rejected, c, rawConv, 'conversation: no participant other than the Page', 'updated_time');
      continue;
    }
    for (const rawMsg of conv.data.messages?.data ?? []) {
      const m = dmMessage.safeParse(rawMsg);
      if (!m.success) {
        rejectUnlessOld(rejected, c, rawMsg, reasonOf(m.error, 'message'), 'created_time');
        continue;
      }
      if (!isNew(c, m.data.created_time, m.data.id)) continue;
      const out = own.has(m.data.from.id);
      items.push({
        externalId: m.data.id,
        threadExternalId: conv.data.id,
        kind: 'dm',
        direction: out ? 'out' : 'in',
        customer: d.identity(customer),
        ...(out ? { authorName: m.data.from.name ?? m.data.from.username ?? d.network } : {}),
        text: m.data.message || NO_TEXT,
        createdAt: m.data.created_time,
        raw: rawMsg,
      });
      mark = advance(mark, m.data.created_time, m.data.id);
    }
  }
  await addFollowerCounts(d, items);
  const after = reachedOlder ? null : nextAfter(page);
  const more = after !== null && page.data.length > 0;
  return {
    items,
    rejected,
    nextCursor: encodeCursor(more && after ? { t: c.t, ids: c.ids, scan: { ...mark, after, n: 0 } } : { ...mark, scan: null }),
    more,
  };
}

async function addFollowerCounts(d: DmDeps, items: NormalisedMessage[]): Promise<void> {
  if (!d.followers || items.length === 0) return;
  const counts = await d.followers([...new Set(items.map((m) => m.customer.externalId))]);
  for (const m of items) m.customer.followerCount = counts.get(m.customer.externalId) ?? m.customer.followerCount;
}

/** Send API: a standard response inside 24 h, HUMAN_AGENT up to 7 days, refused after. */
export async function sendDm(d: DmDeps, reply: OutgoingReply, rule: LengthRule): Promise<SentReceipt> {
  const pageId = requirePageId(d.cfg);
  checkReplyText(reply.text, rule, d.network);
  const now = d.now();
  const type = messagingFor(now, reply.customerLastMessageAt, d.network);
  rememberSendStart(d.state, reply.idempotencyKey, now);
  const body = await d.g.post(`${pageId}/messages`, { recipient: { id: reply.customerExternalId }, ...type, message: { text: reply.text } });
  const r = sendResult.safeParse(body);
  // Meta took the request but we can't read the id: treat as "may have been sent" and look it up.
  if (!r.success) throw new ChannelError('transient', `${d.network} accepted the message but its answer had no message id.`, { mayHaveLeft: true });
  return { externalId: r.data.message_id, sentAt: now };
}

/**
 * Looks among the conversation's 20 newest messages for one from the Page with the reply's text,
 * written after the send started. When all 20 are newer than that and none matches, the reply
 * may be further back: that is "can't tell", not "not sent".
 */
export async function findSentDm(d: DmDeps, reply: OutgoingReply): Promise<SentReceipt | null> {
  const own = ownIds(d.cfg);
  const since = lookFrom(d.state, reply.idempotencyKey, reply.customerLastMessageAt);
  const body = (await d.g.get(reply.threadExternalId, { fields: `messages.limit(${MESSAGES_WITH_DETAILS}){${MESSAGE_FIELDS}}` })) as { messages?: unknown };
  const page = parseListing(body.messages ?? { data: [] }, `${d.network} conversation`);
  let oldest = Number.POSITIVE_INFINITY;
  let found: SentReceipt | null = null;
  for (const raw of page.data) {
    const m = dmMessage.safeParse(raw);
    if (!m.success) continue;
    oldest = Math.min(oldest, m.data.created_time);
    if (!own.has(m.data.from.id) || m.data.created_time < since || !sameText(m.data.message, reply.text)) continue;
    if (!found || m.data.created_time < found.sentAt) found = { externalId: m.data.id, sentAt: m.data.created_time };
  }
  if (found) return found;
  if (page.data.length >= MESSAGES_WITH_DETAILS && oldest > since) {
    throw new ChannelError('transient', `Can't tell whether the reply reached ${d.network}: the conversation moved on by more than ${MESSAGES_WITH_DETAILS} messages.`);
  }
  return null;
}
