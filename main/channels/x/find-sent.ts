/**
 * After a send whose outcome is unknown: look on X for the brand's reply. X's create endpoints
 * take no idempotency key, so the only evidence is the brand's own recent posts / DM events:
 * same conversation, same text, written after the first attempt started.
 *
 * Limits (why a miss is not proof): the user timeline reaches the latest 3,200 posts and DM
 * events the last 30 days; only FIND_PAGES pages are read; X rewrites links to t.co and
 * prefixes replies with @mentions, so text is compared with links and leading mentions masked;
 * two identical replies in one conversation in that window cannot be told apart.
 */
import { findUrls } from '../../../preload/shared/length';
import type { AdapterState, OutgoingReply, SentReceipt } from '../types';
import type { XClient } from './client';
import { conversationOf, unescapeTweetText } from './map';
import { DmEventSchema, PageSchema, TweetSchema } from './schemas';

const FIND_PAGES = 5;
/** Clock skew between this machine and X, and second-granular start_time. */
const SLACK_MS = 2 * 60_000;
const PENDING_KEY = 'pendingSends';
const PENDING_TTL_MS = 7 * 24 * 3600_000;

/**
 * When each unfinished send was first attempted, by idempotency key. Kept in adapter state
 * (SQLite) so it survives a crash; holds no secret.
 */
export class PendingSends {
  constructor(
    private readonly state: AdapterState,
    private readonly now: () => number,
  ) {}

  private read(): Record<string, number> {
    try {
      const v: unknown = JSON.parse(this.state.get(PENDING_KEY) ?? '{}');
      return v && typeof v === 'object' ? (v as Record<string, number>) : {};
    } catch {
      return {};
    }
  }

  private write(map: Record<string, number>): void {
    const cutoff = this.now() - PENDING_TTL_MS;
    const kept = Object.fromEntries(Object.entries(map).filter(([, at]) => typeof at === 'number' && at >= cutoff));
    this.state.set(PENDING_KEY, JSON.stringify(kept));
  }

  /** The first attempt's time wins: a retry must not hide an earlier send that may have landed. */
  start(key: string): void {
    const map = this.read();
    if (map[key] === undefined) this.write({ ...map, [key]: this.now() });
  }

  startedAt(key: string): number | null {
    return this.read()[key] ?? null;
  }

  finish(key: string): void {
    const map = this.read();
    if (map[key] === undefined) return;
    delete map[key];
    this.write(map);
  }
}

/** Text as X shows it back, reduced to what survives the round trip. */
export function comparableText(text: string): string {
  let s = unescapeTweetText(text).normalize('NFC');
  const urls = findUrls(s);
  for (let i = urls.length - 1; i >= 0; i--) {
    const u = urls[i]!;
    s = `${s.slice(0, u.start)}\u0000${s.slice(u.end)}`;
  }
  return s
    .replace(/^(\s*@\w{1,15})+\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export async function findSentReply(client: XClient, brandId: string, reply: OutgoingReply, since: number): Promise<SentReceipt | null> {
  const from = since - SLACK_MS;
  const want = comparableText(reply.text);
  return reply.kind === 'dm' ? findDm(client, brandId, reply, from, want) : findPost(client, brandId, reply, from, want);
}

async function findPost(client: XClient, brandId: string, reply: OutgoingReply, from: number, want: string): Promise<SentReceipt | null> {
  const q = new URLSearchParams({
    max_results: '100',
    exclude: 'retweets',
    start_time: new Date(Math.floor(from / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
    'tweet.fields': 'created_at,conversation_id,referenced_tweets,in_reply_to_user_id,author_id,note_tweet',
  });
  for (let i = 0; i < FIND_PAGES; i++) {
    const res = await client.call<unknown>('the brand timeline', `/2/users/${brandId}/tweets?${q}`);
    const page = PageSchema.safeParse(res.body);
    if (!page.success) return null;
    for (const raw of page.data.data ?? []) {
      const t = TweetSchema.safeParse(raw);
      if (!t.success) continue;
      const repliedTo = t.data.referenced_tweets?.find((r) => r.type === 'replied_to')?.id;
      const sameThread = t.data.conversation_id === conversationOf(reply.threadExternalId) || (reply.inReplyToExternalId !== null && repliedTo === reply.inReplyToExternalId);
      if (sameThread && comparableText(t.data.note_tweet?.text ?? t.data.text) === want) {
        return { externalId: t.data.id, sentAt: Date.parse(t.data.created_at) };
      }
    }
    const next = page.data.meta?.next_token;
    if (!next) return null;
    q.set('pagination_token', next);
  }
  return null;
}

async function findDm(client: XClient, brandId: string, reply: OutgoingReply, from: number, want: string): Promise<SentReceipt | null> {
  const q = new URLSearchParams({
    max_results: '100',
    event_types: 'MessageCreate',
    'dm_event.fields': 'id,event_type,text,sender_id,dm_conversation_id,created_at',
  });
  const path = /^(\d+-\d+|\d+)$/.test(reply.threadExternalId)
    ? `/2/dm_conversations/${reply.threadExternalId}/dm_events`
    : `/2/dm_conversations/with/${encodeURIComponent(reply.customerExternalId)}/dm_events`;
  for (let i = 0; i < FIND_PAGES; i++) {
    const res = await client.call<unknown>('the DM conversation', `${path}?${q}`);
    const page = PageSchema.safeParse(res.body);
    if (!page.success) return null;
    let older = false;
    for (const raw of page.data.data ?? []) {
      const e = DmEventSchema.safeParse(raw);
      if (!e.success) continue;
      const at = Date.parse(e.data.created_at);
      if (at < from) older = true;
      else if (e.data.sender_id === brandId && comparableText(e.data.text) === want) return { externalId: e.data.id, sentAt: at };
    }
    const next = page.data.meta?.next_token;
    // Newest first: once a page reaches before the first attempt, nothing older can match.
    if (older || !next) return null;
    q.set('pagination_token', next);
  }
  return null;
}
