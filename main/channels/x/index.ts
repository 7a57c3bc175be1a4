/**
 * The X (API v2) adapter: polls the brand's mentions and direct messages, replies with posts
 * and DMs, and looks for a reply whose send outcome was unknown.
 *
 * Streams and cursors (see ./cursor for the format):
 *   mentions  GET /2/users/:id/mentions, newest first; `since` is X's since_id. X returns only
 *             the latest 800 mentions, so after a long pause older unseen ones are out of reach.
 *   dms       GET /2/dm_events, newest first with no since_id; the walk stops at the first event
 *             at or below `since`. X keeps 30 days of DM events.
 * Config: userId (from verify), clientId (token refresh), baseUrl, timeoutMs, pageSize.
 * Secrets: accessToken, refreshToken. State: 'rateLimit' (last seen budget, JSON),
 * 'pendingSends' (first attempt time per idempotency key, for findSent).
 */
import { countLength, NETWORK_RULES } from '../../../preload/shared/length';
import type { ThreadKind } from '../../../preload/contract';
import { ChannelError, type AdapterContext, type AdapterFactory, type ChannelAdapter, type OutgoingReply, type PollResult, type SentReceipt } from '../types';
import { problemText, StalePageToken, XClient } from './client';
import { formatCursor, idCompare, maxId, parseCursor, type WalkCursor } from './cursor';
import { findSentReply, PendingSends } from './find-sent';
import { conversationOf, mapDms, mapMentions, missingDmUsers, parseDmEvents, usersOf } from './map';
import { CreatedDmSchema, CreatedTweetSchema, PageSchema, type Page } from './schemas';

export { verifyX, X_SETUP } from './setup';

const TWEET_FIELDS = 'created_at,conversation_id,in_reply_to_user_id,referenced_tweets,author_id,note_tweet';
const USER_FIELDS = 'public_metrics,username,name';
const DM_FIELDS = 'id,event_type,created_at,sender_id,dm_conversation_id,text';
const STREAMS = ['mentions', 'dms'] as const;
/** A cursor with no mark and no page: the next poll starts a first walk (null would keep the old one). */
const RESTART = 'restart';

export const createXAdapter: AdapterFactory = (ctx) => new XAdapter(ctx);

class XAdapter implements ChannelAdapter {
  readonly channel = 'x' as const;
  readonly network = 'x' as const;
  readonly streams = STREAMS;
  // Mentions allow 180 reads per 15 minutes per user, DM events fewer: once a minute leaves room for sends and lookups.
  readonly pollIntervalSeconds = 60;
  readonly limits = {
    lengthRule: (kind: ThreadKind) => (kind === 'dm' ? NETWORK_RULES.x.dm : NETWORK_RULES.x.public),
  };
  private readonly client: XClient;
  private readonly pending: PendingSends;

  constructor(private readonly ctx: AdapterContext) {
    this.client = new XClient(ctx);
    this.pending = new PendingSends(ctx.state, ctx.now);
  }

  private get brandId(): string {
    const c = this.ctx.account.config;
    const id = c['userId'] ?? c['externalId'];
    if (typeof id !== 'string' || !/^\d+$/.test(id)) {
      throw new ChannelError('auth_failed', 'This X account has no verified user id. Reconnect the X account.');
    }
    return id;
  }

  private get pageSize(): string {
    const n = Number(this.ctx.account.config['pageSize']);
    // Timelines take 5–100 per page, DM events 1–100.
    return String(Number.isInteger(n) && n >= 5 && n <= 100 ? n : 100);
  }

  async poll(stream: string, cursor: string | null): Promise<PollResult> {
    const c = parseCursor(cursor);
    const walk = stream === 'mentions' ? () => this.pollMentions(c) : stream === 'dms' ? () => this.pollDms(c) : null;
    if (!walk) throw new ChannelError('refused', `X has no stream called ${stream}.`);
    try {
      return await walk();
    } catch (err) {
      // A walk interrupted long enough for its page token to go stale starts again from the mark
      // (re-reading is harmless); otherwise the stored cursor would fail forever.
      if (!(err instanceof StalePageToken) || !c.page) throw err;
      return { items: [], rejected: [], nextCursor: formatCursor({ since: c.since, newest: null, page: null }) ?? RESTART, more: true };
    }
  }

  private async pollMentions(c: WalkCursor): Promise<PollResult> {
    const brand = this.brandId;
    const q = new URLSearchParams({
      max_results: this.pageSize,
      expansions: 'author_id,referenced_tweets.id,in_reply_to_user_id',
      'tweet.fields': TWEET_FIELDS,
      'user.fields': USER_FIELDS,
    });
    if (c.since) q.set('since_id', c.since);
    if (c.page) q.set('pagination_token', c.page);
    const page = await this.page('the mentions timeline', `/2/users/${brand}/mentions?${q}`);
    const { items, rejected } = mapMentions(page, brand);
    const newest = c.page ? c.newest : maxId(page.meta?.newest_id, ...rawIds(page));
    return { items, rejected, ...advance(c, newest, page.meta?.next_token, false) };
  }

  private async pollDms(c: WalkCursor): Promise<PollResult> {
    const brand = this.brandId;
    const q = new URLSearchParams({
      max_results: this.pageSize,
      event_types: 'MessageCreate',
      'dm_event.fields': DM_FIELDS,
      expansions: 'sender_id',
      'user.fields': USER_FIELDS,
    });
    if (c.page) q.set('pagination_token', c.page);
    const page = await this.page('direct messages', `/2/dm_events?${q}`);
    const ids = rawIds(page);
    const isNew = (id: string | null) => !c.since || id === null || idCompare(id, c.since) > 0;
    const reachedMark = c.since !== null && ids.some((id) => !isNew(id));
    // The first page is read again every poll: keep only what lies above the mark.
    const all = parseDmEvents(page);
    const events = all.events.filter(({ e }) => isNew(e.id));
    // Partial errors carry no event id: report them only with a page that brought something new.
    const kept = all.rejected.filter((r) => (rawId(r.raw) === null ? events.length > 0 || !c.since : isNew(rawId(r.raw))));
    const fresh = { events, rejected: kept };
    const users = usersOf(page.includes?.users);
    const missing = missingDmUsers(fresh, users, brand);
    if (missing.length > 0) for (const [id, u] of await this.lookupUsers(missing)) users.set(id, u);
    const { items, rejected } = mapDms(fresh, users, brand);
    const newest = c.page ? c.newest : maxId(...ids);
    return { items, rejected, ...advance(c, newest, page.meta?.next_token, reachedMark) };
  }

  private async lookupUsers(ids: string[]) {
    const q = new URLSearchParams({ ids: ids.slice(0, 100).join(','), 'user.fields': USER_FIELDS });
    const page = await this.page('the user lookup', `/2/users?${q}`);
    return usersOf(page.data);
  }

  private async page(label: string, path: string): Promise<Page> {
    const res = await this.client.call<unknown>(label, path);
    const page = PageSchema.safeParse(res.body ?? {});
    if (!page.success) throw new ChannelError('bad_payload', `X answered ${label} with a page of an unexpected shape.`);
    return page.data;
  }

  async send(reply: OutgoingReply): Promise<SentReceipt> {
    const rule = this.limits.lengthRule(reply.kind);
    const length = countLength(reply.text, rule);
    const what = reply.kind === 'dm' ? 'a direct message' : 'a post';
    if (reply.text.trim().length === 0) throw new ChannelError('refused', 'The reply is empty.');
    if (length > rule.max) {
      throw new ChannelError('refused', `The reply is ${length} characters long; X takes at most ${rule.max} in ${what}. Shorten it, then send again.`);
    }
    this.pending.start(reply.idempotencyKey);
    const externalId = reply.kind === 'dm' ? await this.sendDm(reply) : await this.sendPost(reply);
    this.pending.finish(reply.idempotencyKey);
    return { externalId, sentAt: this.ctx.now() };
  }

  private async sendPost(reply: OutgoingReply): Promise<string> {
    const res = await this.client.call<unknown>('posting the reply', '/2/tweets', {
      method: 'POST',
      json: { text: reply.text, reply: { in_reply_to_tweet_id: reply.inReplyToExternalId ?? conversationOf(reply.threadExternalId) } },
    });
    return createdId(res.body, CreatedTweetSchema, (d) => d.data.id);
  }

  private async sendDm(reply: OutgoingReply): Promise<string> {
    // A conversation id from our own polling; a thread made elsewhere goes to the participant.
    const path = /^(\d+-\d+|\d+)$/.test(reply.threadExternalId)
      ? `/2/dm_conversations/${reply.threadExternalId}/messages`
      : `/2/dm_conversations/with/${encodeURIComponent(reply.customerExternalId)}/messages`;
    const res = await this.client.call<unknown>('sending the direct message', path, { method: 'POST', json: { text: reply.text } });
    return createdId(res.body, CreatedDmSchema, (d) => d.data.dm_event_id);
  }

  async findSent(reply: OutgoingReply): Promise<SentReceipt | null> {
    const since = this.pending.startedAt(reply.idempotencyKey) ?? reply.customerLastMessageAt ?? this.ctx.now() - 24 * 3600_000;
    const found = await findSentReply(this.client, this.brandId, reply, since);
    if (found) this.pending.finish(reply.idempotencyKey);
    return found;
  }
}

/**
 * The next cursor after a page: go on with the walk while X has older pages and the mark is not
 * reached; otherwise the walk's newest id becomes the mark.
 */
function advance(c: WalkCursor, newest: string | null, nextToken: string | undefined, reachedMark: boolean): Pick<PollResult, 'nextCursor' | 'more'> {
  if (nextToken && newest && !reachedMark) return { nextCursor: formatCursor({ since: c.since, newest, page: nextToken }), more: true };
  const since = maxId(c.since, newest);
  return { nextCursor: since ? formatCursor({ since, newest: null, page: null }) : null, more: false };
}

function rawId(raw: unknown): string | null {
  const id = raw && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' && /^\d{1,20}$/.test(id) ? id : null;
}

function rawIds(page: Page): string[] {
  return (page.data ?? []).map(rawId).filter((id): id is string => id !== null);
}

/** The id of what X created. A 2xx without one: it may exist, so the outbox must look first. */
function createdId<T>(body: unknown, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, pick: (d: T) => string): string {
  const parsed = schema.safeParse(body);
  if (parsed.success) return pick(parsed.data);
  const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  if (b['data'] === undefined && Array.isArray(b['errors']) && b['errors'].length > 0) {
    throw new ChannelError('refused', `X refused the reply: ${problemText({ body, text: '', status: 200 })}`);
  }
  throw new ChannelError('bad_payload', 'X accepted the reply but did not say which id it got.', { mayHaveLeft: true });
}
