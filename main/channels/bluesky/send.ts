/**
 * Sending replies, and finding them again after a send whose outcome is unknown.
 *
 * A public reply is com.atproto.repo.createRecord of an app.bsky.feed.post whose `reply` holds
 * strong refs (uri + cid): `parent` = the customer's post being answered, `root` = the parent's own
 * reply root, or the parent itself. Both come from app.bsky.feed.getPosts at send time (fresh
 * cids, and `viewer.replyDisabled` tells when the author's thread gate shuts the brand out). The
 * record key is fixed per idempotency key (journal.ts), so a resend cannot post twice; today's
 * PDS answers a create on an existing key with a 500 (bluesky-social/atproto#3718; #4728 would
 * name the error), so any server error is checked with getRecord before it is reported.
 *
 * A DM is chat.bsky.convo.sendMessage, which has no idempotency key: `findSent` reads the
 * conversation (getMessages, newest first) for a message from the brand with the same text, sent
 * no earlier than a few minutes before the first attempt. Two identical messages sent to the same
 * person within that span cannot be told apart; the first one found is taken.
 */
import { countLength, NETWORK_RULES } from '../../../preload/shared/length';
import { ChannelError, type AdapterContext, type OutgoingReply, type SentReceipt } from '../types';
import type { BlueskyConfig } from './config';
import { DM_ACCESS_MISSING, XrpcRefusal } from './errors';
import { linkFacets } from './facets';
import { beginAttempt, readAttempt } from './journal';
import { createRecordOutput, messagesPage, messageView, postsOutput, postView, recordOutput } from './schemas';
import { rootOfThread } from './threads';
import type { XrpcClient } from './xrpc';

const POST = 'app.bsky.feed.post';
/** How far before the first attempt a found DM may be stamped (clock skew between us and the chat service). */
const DM_SKEW_MS = 5 * 60_000;

type Ctx = Pick<AdapterContext, 'state' | 'now'>;

export async function sendReply(x: XrpcClient, ctx: Ctx, cfg: BlueskyConfig, reply: OutgoingReply): Promise<SentReceipt> {
  checkLength(reply);
  return reply.kind === 'dm' ? sendDm(x, ctx, cfg, reply) : sendPost(x, ctx, reply);
}

export async function findSent(x: XrpcClient, ctx: Ctx, reply: OutgoingReply): Promise<SentReceipt | null> {
  const attempt = readAttempt(ctx.state, reply.idempotencyKey);
  if (!attempt) return null; // never attempted by this adapter: nothing can have left
  if (reply.kind !== 'dm') return attempt.rkey ? lookUpPost(x, attempt.rkey) : null;
  const page = messagesPage.safeParse(await x.query('chat.bsky.convo.getMessages', { convoId: reply.threadExternalId, limit: 100 }, { chat: true }));
  if (!page.success) throw new ChannelError('bad_payload', 'Bluesky answered the message lookup unreadably.');
  const brand = (await x.current()).did;
  for (const raw of page.data.messages) {
    const m = messageView.safeParse(raw);
    if (!m.success || m.data.sender.did !== brand || m.data.text.trim() !== reply.text.trim()) continue;
    const sentAt = Date.parse(m.data.sentAt);
    if (sentAt >= attempt.at - DM_SKEW_MS) return { externalId: m.data.id, sentAt };
  }
  return null;
}

function checkLength(reply: OutgoingReply): void {
  const rule = reply.kind === 'dm' ? NETWORK_RULES.bluesky.dm : NETWORK_RULES.bluesky.public;
  const length = countLength(reply.text, rule);
  if (reply.text.trim().length === 0) throw new ChannelError('refused', 'The reply is empty.');
  if (length > rule.max) {
    const what = reply.kind === 'dm' ? 'a direct message' : 'a post';
    throw new ChannelError('refused', `The reply is ${length} characters long; Bluesky allows ${rule.max} in ${what}. Shorten it, then send again.`);
  }
}

async function sendDm(x: XrpcClient, ctx: Ctx, cfg: BlueskyConfig, reply: OutgoingReply): Promise<SentReceipt> {
  if (!cfg.dms) throw new ChannelError('refused', DM_ACCESS_MISSING);
  beginAttempt(ctx.state, reply.idempotencyKey, ctx.now(), false);
  const facets = linkFacets(reply.text);
  const body = await x.procedure(
    'chat.bsky.convo.sendMessage',
    { convoId: reply.threadExternalId, message: { text: reply.text, ...(facets.length ? { facets } : {}) } },
    { chat: true },
  );
  const m = messageView.safeParse(body);
  // It was sent; only the answer is odd. Report it as sent without the platform's id rather than resend.
  if (!m.success) throw new ChannelError('transient', 'Bluesky sent the message but answered unreadably.', { mayHaveLeft: true });
  return { externalId: m.data.id, sentAt: Date.parse(m.data.sentAt) };
}

async function sendPost(x: XrpcClient, ctx: Ctx, reply: OutgoingReply): Promise<SentReceipt> {
  const parentUri = reply.inReplyToExternalId ?? rootOfThread(reply.threadExternalId);
  const found = postsOutput.safeParse(await x.query('app.bsky.feed.getPosts', { uris: [parentUri] }));
  if (!found.success) throw new ChannelError('bad_payload', 'Bluesky answered the post lookup unreadably.');
  // getPosts leaves out posts it can't show (deleted, blocked, taken down).
  const parent = found.data.posts.map((p) => postView.safeParse(p)).find((p) => p.success && p.data.uri === parentUri);
  if (!parent?.success) throw new ChannelError('refused', 'The post you are answering was deleted or is no longer visible on Bluesky.');
  if (parent.data.viewer?.replyDisabled) {
    throw new ChannelError('refused', 'The author limited who can reply to this thread on Bluesky, so the brand cannot reply there. Answer by direct message instead.');
  }
  const root = parent.data.record.reply?.root ?? { uri: parent.data.uri, cid: parent.data.cid };
  const session = await x.current();
  const attempt = beginAttempt(ctx.state, reply.idempotencyKey, ctx.now(), true);
  const rkey = attempt.rkey as string;
  const facets = linkFacets(reply.text);
  const record = {
    $type: POST,
    text: reply.text,
    createdAt: new Date(ctx.now()).toISOString(),
    reply: { root, parent: { uri: parent.data.uri, cid: parent.data.cid } },
    ...(facets.length ? { facets } : {}),
  };
  try {
    const out = createRecordOutput.safeParse(await x.procedure('com.atproto.repo.createRecord', { repo: session.did, collection: POST, rkey, record }));
    if (!out.success) throw new ChannelError('transient', 'Bluesky created the post but answered unreadably.', { mayHaveLeft: true });
    return { externalId: out.data.uri, sentAt: ctx.now() };
  } catch (err) {
    // A create on a key that exists (an earlier attempt that landed) fails today with a 500 and,
    // once the PDS names the error, with a 4xx: either way, the post may be there already.
    if ((err instanceof ChannelError && err.kind === 'transient') || (err instanceof XrpcRefusal && (err.status === 409 || /Exist/.test(err.xrpcError)))) {
      const existing = await lookUpPost(x, rkey).catch(() => null);
      if (existing) return existing;
    }
    throw err;
  }
}

async function lookUpPost(x: XrpcClient, rkey: string): Promise<SentReceipt | null> {
  const session = await x.current();
  let body: unknown;
  try {
    body = await x.query('com.atproto.repo.getRecord', { repo: session.did, collection: POST, rkey });
  } catch (err) {
    if (err instanceof XrpcRefusal && err.xrpcError === 'RecordNotFound') return null;
    throw err;
  }
  const r = recordOutput.safeParse(body);
  if (!r.success) throw new ChannelError('bad_payload', 'Bluesky answered the record lookup unreadably.');
  const createdAt = Date.parse(String((r.data.value as { createdAt?: unknown } | null)?.createdAt ?? ''));
  return { externalId: r.data.uri, sentAt: Number.isNaN(createdAt) ? 0 : createdAt };
}
