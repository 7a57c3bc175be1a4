/**
 * X v2 pages → normalised messages. Each item is checked on its own: one that does not parse
 * (or whose author X did not include) becomes a rejected entry with its raw body, the rest of
 * the page goes on. Partial errors in a 200 (`errors[]`) are recorded as rejected too.
 */
import type { NormalisedIdentity, NormalisedMessage, RejectedItem } from '../types';
import { idCompare } from './cursor';
import { DmEventSchema, ProblemSchema, TweetSchema, UserSchema, type DmEvent, type Page, type Tweet, type User } from './schemas';

export interface Mapped {
  items: NormalisedMessage[];
  rejected: RejectedItem[];
}

export function usersOf(raw: readonly unknown[] | undefined): Map<string, User> {
  const users = new Map<string, User>();
  for (const u of raw ?? []) {
    const parsed = UserSchema.safeParse(u);
    if (parsed.success) users.set(parsed.data.id, parsed.data);
  }
  return users;
}

export function identityOf(u: User): NormalisedIdentity {
  return {
    externalId: u.id,
    handle: `@${u.username}`,
    displayName: u.name || u.username,
    followerCount: u.public_metrics?.followers_count ?? null,
  };
}

/** X sends post text with &, < and > as HTML entities; people should read the characters. */
export function unescapeTweetText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function textOfTweet(t: Tweet): string {
  return unescapeTweetText(t.note_tweet?.text ?? t.text);
}

/** `errors[]` of a 200: what X could not include (deleted or protected posts, suspended users). */
export function partialErrors(page: Page): RejectedItem[] {
  return (page.errors ?? []).map((raw) => {
    const p = ProblemSchema.safeParse(raw);
    const what = p.success ? [p.data.title, p.data.detail ?? p.data.message].filter(Boolean).join(': ') : 'unreadable error entry';
    return { reason: `X left an item out of the page: ${what || 'no detail'}`, raw };
  });
}

function reason(kind: string, raw: unknown, issues: string): string {
  const id = raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? ` ${(raw as { id: string }).id}` : '';
  return `X ${kind}${id} does not have the expected shape: ${issues}`;
}

function issuesOf(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(item)'} ${i.message}`)
    .join('; ');
}

/**
 * One thread per customer per conversation: fifty people replying under one of the brand's posts
 * are fifty cases, not one. `<conversation id>:<customer id>`; the conversation part alone is
 * what X calls the conversation.
 */
export function mentionThread(conversationId: string, customerId: string): string {
  return `${conversationId}:${customerId}`;
}

/** The X conversation id inside a mention thread id (older ids are the conversation id itself). */
export function conversationOf(threadExternalId: string): string {
  return threadExternalId.split(':')[0] ?? threadExternalId;
}

const byTime = (a: NormalisedMessage, b: NormalisedMessage) => a.createdAt - b.createdAt || idCompare(a.externalId, b.externalId);

/**
 * A mentions page: customers' posts are `in`; the brand's own posts seen in the page (in `data`,
 * or expanded in `includes.tweets` as the post a customer answered) are `out`. Thread: the
 * conversation id, i.e. the root post of the reply chain. Retweets are skipped (not messages).
 */
export function mapMentions(page: Page, brandId: string): Mapped {
  const users = usersOf(page.includes?.users);
  const rejected: RejectedItem[] = partialErrors(page);
  const items: NormalisedMessage[] = [];
  const own: Array<{ t: Tweet; raw: unknown }> = [];
  const seen = new Set<string>();
  const firstCustomer = new Map<string, User>();

  for (const raw of page.data ?? []) {
    const parsed = TweetSchema.safeParse(raw);
    if (!parsed.success) {
      rejected.push({ reason: reason('post', raw, issuesOf(parsed.error)), raw });
      continue;
    }
    const t = parsed.data;
    seen.add(t.id);
    if (t.referenced_tweets?.some((r) => r.type === 'retweeted')) continue;
    if (t.author_id === brandId) {
      own.push({ t, raw });
      continue;
    }
    const author = users.get(t.author_id);
    if (!author) {
      rejected.push({ reason: `X post ${t.id}: its author ${t.author_id} is missing from includes.users`, raw });
      continue;
    }
    const conversation = t.conversation_id ?? t.id;
    if (!firstCustomer.has(conversation)) firstCustomer.set(conversation, author);
    items.push({
      externalId: t.id,
      threadExternalId: mentionThread(conversation, author.id),
      kind: 'mention',
      direction: 'in',
      customer: identityOf(author),
      text: textOfTweet(t),
      createdAt: Date.parse(t.created_at),
      raw,
    });
  }
  for (const raw of page.includes?.tweets ?? []) {
    // Context only: a referenced post that does not parse is not an item of this page.
    const parsed = TweetSchema.safeParse(raw);
    if (parsed.success && parsed.data.author_id === brandId && !seen.has(parsed.data.id)) {
      seen.add(parsed.data.id);
      own.push({ t: parsed.data, raw });
    }
  }
  const brand = users.get(brandId);
  for (const { t, raw } of own) {
    const conversation = t.conversation_id ?? t.id;
    const answered = t.in_reply_to_user_id && t.in_reply_to_user_id !== brandId ? users.get(t.in_reply_to_user_id) : undefined;
    const customer = answered ?? firstCustomer.get(conversation);
    // The brand's own post with no customer in sight (e.g. a root post) has no thread to join.
    if (!customer) continue;
    items.push({
      externalId: t.id,
      threadExternalId: mentionThread(conversation, customer.id),
      kind: 'mention',
      direction: 'out',
      customer: identityOf(customer),
      ...(brand ? { authorName: brand.name } : {}),
      text: textOfTweet(t),
      createdAt: Date.parse(t.created_at),
      raw,
    });
  }
  return { items: items.sort(byTime), rejected };
}

export interface ParsedDms {
  events: Array<{ e: DmEvent; raw: unknown }>;
  rejected: RejectedItem[];
}

/** Checks each DM event; only MessageCreate events are messages (joins/leaves are skipped). */
export function parseDmEvents(page: Page): ParsedDms {
  const rejected = partialErrors(page);
  const events: ParsedDms['events'] = [];
  for (const raw of page.data ?? []) {
    const parsed = DmEventSchema.safeParse(raw);
    if (!parsed.success) rejected.push({ reason: reason('DM event', raw, issuesOf(parsed.error)), raw });
    else if (parsed.data.event_type === 'MessageCreate') events.push({ e: parsed.data, raw });
  }
  return { events, rejected };
}

/** The customer's user id of a DM event: its sender, or for the brand's own, the other participant. */
export function dmCounterpart(e: DmEvent, brandId: string): string | null {
  if (e.sender_id !== brandId) return e.sender_id;
  const parts = e.dm_conversation_id.split('-');
  if (parts.length !== 2) return null; // a group conversation: no single counterpart
  return parts[0] === brandId ? (parts[1] ?? null) : (parts[0] ?? null);
}

/** Users a DM page needs that X did not expand (the other side of the brand's own messages). */
export function missingDmUsers(parsed: ParsedDms, users: Map<string, User>, brandId: string): string[] {
  const need = new Set<string>();
  for (const { e } of parsed.events) {
    const id = dmCounterpart(e, brandId);
    if (id && !users.has(id)) need.add(id);
  }
  return [...need];
}

/** Thread: the DM conversation id. The brand's messages are `out`, to the conversation's customer. */
export function mapDms(parsed: ParsedDms, users: Map<string, User>, brandId: string): Mapped {
  const items: NormalisedMessage[] = [];
  const rejected = [...parsed.rejected];
  const lastSender = new Map<string, User>();
  const events = [...parsed.events].sort((a, b) => idCompare(a.e.id, b.e.id));
  const brand = users.get(brandId);
  for (const { e, raw } of events) {
    const out = e.sender_id === brandId;
    const id = dmCounterpart(e, brandId);
    const customer = id ? users.get(id) : lastSender.get(e.dm_conversation_id);
    if (!customer) {
      if (!out) rejected.push({ reason: `X DM event ${e.id}: its sender ${e.sender_id} could not be looked up`, raw });
      // The brand writing into a group nobody answered yet: no customer to file it under.
      else if (id) rejected.push({ reason: `X DM event ${e.id}: the other participant ${id} could not be looked up`, raw });
      continue;
    }
    if (!out) lastSender.set(e.dm_conversation_id, customer);
    items.push({
      externalId: e.id,
      threadExternalId: e.dm_conversation_id,
      kind: 'dm',
      direction: out ? 'out' : 'in',
      customer: identityOf(customer),
      ...(out && brand ? { authorName: brand.name } : {}),
      text: e.text,
      createdAt: Date.parse(e.created_at),
      raw,
    });
  }
  return { items: items.sort(byTime), rejected };
}
