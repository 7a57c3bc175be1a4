/**
 * Replying on Mastodon: POST /api/v1/statuses with in_reply_to_id, the visibility of the post
 * answered, the @mentions that make it reach the customer, and the outbox's key as
 * Idempotency-Key. Mastodon keeps that key for one hour and answers a repeat with the status it
 * already created, without posting again.
 *
 * findSent, after a send whose outcome is unknown:
 * - within REPOST_WINDOW_MS of the first attempt: the same request again, same key. Either the
 *   first one landed (Mastodon returns it) or it did not (it lands now, once). Both end with
 *   the reply on Mastodon exactly once.
 * - later (the key may be gone, a repeat could post twice): the brand's own latest statuses are
 *   searched for a reply to the same post with the same words. Found: sent. Not found and the
 *   page reaches back past the first attempt: known not sent (null). Otherwise it cannot tell,
 *   and throws, which leaves the message for the agent to check.
 */
import { ChannelError, type AdapterState, type OutgoingReply, type SentReceipt } from '../types';
import { comparableText, htmlToText, replyAudience, replyVisibility, withMentions } from './mapping';
import { firstAttempt, recordAttempt } from './memory';
import { describeIssue, StatusSchema, type Status } from './schemas';
import type { StreamDeps } from './streams';

/** Mastodon stores idempotency keys for 1 hour; keep clear of the edge. */
export const REPOST_WINDOW_MS = 55 * 60_000;
const OWN_STATUSES_PAGE = 40;
/** Our clock and the server's may disagree by this much. */
const CLOCK_SKEW_MS = 5 * 60_000;
const DELETED = 'The post you are replying to was deleted.';

export interface SendDeps extends StreamDeps {
  state: AdapterState;
  now: () => number;
}

export async function sendReply(deps: SendDeps, reply: OutgoingReply, opts: { firstTry: boolean }): Promise<SentReceipt> {
  const { client, state, threads } = deps;
  const target = reply.inReplyToExternalId;
  if (!target) throw new ChannelError('refused', 'There is no Mastodon post to reply to in this thread.');
  const original = await fetchStatus(deps, target);
  const visibility = replyVisibility(original.visibility, reply.kind);
  const audience = replyAudience(original, reply.customerExternalId, await deps.selfId(), visibility);
  const status = withMentions(reply.text, audience, client.host);
  if (opts.firstTry) recordAttempt(state, reply.idempotencyKey, deps.now());
  let body: unknown;
  try {
    body = (
      await client.call<unknown>('/api/v1/statuses', {
        method: 'POST',
        form: { status, in_reply_to_id: target, visibility },
        headers: { 'Idempotency-Key': reply.idempotencyKey },
        notFound: DELETED,
      })
    ).body;
  } catch (err) {
    // A 2xx whose body is not JSON still means the status was created.
    if (err instanceof ChannelError && err.kind === 'bad_payload') throw new ChannelError('transient', err.message, { mayHaveLeft: true, cause: err });
    throw err;
  }
  const posted = StatusSchema.safeParse(body);
  const id = posted.success ? posted.data.id : (body as { id?: unknown } | null)?.id;
  if (typeof id !== 'string' || !id) {
    throw new ChannelError('transient', `${client.host} accepted the reply but its answer had no status id.`, { mayHaveLeft: true });
  }
  threads.set(id, reply.threadExternalId);
  threads.save();
  const createdAt = posted.success ? Date.parse(posted.data.created_at) : Number.NaN;
  return { externalId: id, sentAt: Number.isNaN(createdAt) ? deps.now() : createdAt };
}

export async function findSentReply(deps: SendDeps, reply: OutgoingReply): Promise<SentReceipt | null> {
  const at = firstAttempt(deps.state, reply.idempotencyKey);
  if (at !== null && deps.now() - at < REPOST_WINDOW_MS) {
    try {
      return await sendReply(deps, reply, { firstTry: false });
    } catch (err) {
      // The post answered is gone, so the repeat cannot be made; our reply may still exist.
      if (!(err instanceof ChannelError && err.kind === 'refused' && err.message === DELETED)) throw err;
    }
  }
  return searchOwnStatuses(deps, reply, at);
}

async function searchOwnStatuses(deps: SendDeps, reply: OutgoingReply, at: number | null): Promise<SentReceipt | null> {
  const { client } = deps;
  const self = await deps.selfId();
  const res = await client.call<unknown>(`/api/v1/accounts/${encodeURIComponent(self)}/statuses`, {
    query: [
      ['limit', String(OWN_STATUSES_PAGE)],
      ['exclude_reblogs', 'true'],
    ],
  });
  if (!Array.isArray(res.body)) throw new ChannelError('bad_payload', `${client.host} answered the account's statuses with something that is not a list.`);
  const words = comparableText(reply.text);
  const since = at === null ? null : at - CLOCK_SKEW_MS;
  let oldest = Infinity;
  for (const raw of res.body) {
    const s = StatusSchema.safeParse(raw);
    if (!s.success) continue;
    const created = Date.parse(s.data.created_at);
    oldest = Math.min(oldest, created);
    const sameReply = s.data.in_reply_to_id === reply.inReplyToExternalId && comparableText(htmlToText(s.data.content)) === words;
    if (sameReply && (since === null || created >= since)) return { externalId: s.data.id, sentAt: created };
  }
  if (since !== null && (res.body.length < OWN_STATUSES_PAGE || oldest < since)) return null;
  throw new ChannelError(
    'refused',
    'Cannot tell whether this reply reached Mastodon (the first attempt is more than an hour old and no longer among the account\'s latest posts). Look at the conversation on Mastodon before sending it again.',
  );
}

async function fetchStatus(deps: SendDeps, id: string): Promise<Status> {
  const { client } = deps;
  const res = await client.call<unknown>(`/api/v1/statuses/${encodeURIComponent(id)}`, { notFound: DELETED });
  const parsed = StatusSchema.safeParse(res.body);
  if (!parsed.success) throw new ChannelError('bad_payload', `${client.host} answered with an unexpected post (${describeIssue(parsed.error)}).`);
  return parsed.data;
}
