/**
 * From Mastodon statuses to the console's normalised messages, and the rules a reply follows:
 * which visibility it keeps and whom it must @mention so that it reaches them.
 */
import type { ThreadKind } from '../../../preload/contract';
import type { NormalisedIdentity, NormalisedMessage } from '../types';
import type { Account, Status } from './schemas';

export type Visibility = 'public' | 'unlisted' | 'private' | 'direct';

/**
 * A reply keeps the audience of the post it answers: a private conversation never becomes public
 * because of us. A value this code does not know is treated as the narrowest (direct), and a
 * thread the console shows as a DM always stays direct.
 */
export function replyVisibility(original: string, kind: ThreadKind): Visibility {
  if (kind === 'dm') return 'direct';
  switch (original) {
    case 'public':
    case 'unlisted':
    case 'private':
    case 'direct':
      return original;
    default:
      return 'direct';
  }
}

/** Full fediverse handle: local accounts get the server's host, remote ones already have theirs. */
export function handleOf(account: Account, host: string): string {
  return account.acct.includes('@') ? `@${account.acct}` : `@${account.acct}@${host}`;
}

export function identityOf(account: Account, host: string): NormalisedIdentity {
  return {
    externalId: account.id,
    handle: handleOf(account, host),
    displayName: account.display_name?.trim() || account.username,
    followerCount: account.followers_count ?? null,
  };
}

export function toMessage(
  status: Status,
  opts: { kind: ThreadKind; threadExternalId: string; direction: 'in' | 'out'; customer: Account; host: string },
): NormalisedMessage {
  const message: NormalisedMessage = {
    externalId: status.id,
    threadExternalId: opts.threadExternalId,
    kind: opts.kind,
    direction: opts.direction,
    customer: identityOf(opts.customer, opts.host),
    text: statusText(status),
    createdAt: Date.parse(status.created_at),
    raw: status,
  };
  if (opts.direction === 'out') message.authorName = status.account.display_name?.trim() || status.account.username;
  return message;
}

/** What a person reads: the content warning, the text, and a line per attachment. */
export function statusText(status: Status): string {
  const parts: string[] = [];
  if (status.spoiler_text?.trim()) parts.push(`[CW: ${status.spoiler_text.trim()}]`);
  const body = htmlToText(status.content);
  if (body) parts.push(body);
  for (const a of status.media_attachments ?? []) parts.push(`[${a.type}${a.description ? `: ${a.description}` : ''}]`);
  return parts.join('\n');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Mastodon's sanitised HTML (p, br, a, span) → plain text. Link texts are split over
 * "invisible" spans, so all text is kept; only the tags go. Never builds DOM: the result is
 * shown as a text node.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
      if (code[0] === '#') {
        const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
      }
      return ENTITIES[code.toLowerCase()] ?? whole;
    })
    .trim();
}

const MENTION = /(?<![\w@/])@([\w.-]+(?:@[\w-]+(?:\.[\w-]+)+)?)/g;

/**
 * Whether `text` already @mentions the account `acct` ("user" for someone on the brand's server,
 * "user@domain" otherwise). A remote account written without its domain would be looked up on the
 * brand's server, so only the full form counts for it.
 */
export function mentions(text: string, acct: string, host: string): boolean {
  const want = acct.toLowerCase();
  const local = !want.includes('@');
  for (const m of text.matchAll(MENTION)) {
    const got = (m[1] ?? '').replace(/\.+$/, '').toLowerCase();
    if (got === want || (local && got === `${want}@${host.toLowerCase()}`)) return true;
  }
  return false;
}

/**
 * Puts the @mentions a reply needs in front of it, like Mastodon's own composer does: without
 * them a direct or followers-only reply is not delivered to the person at all ("direct: visible
 * only to mentioned users"), and a public one does not notify them.
 */
export function withMentions(text: string, accts: readonly string[], host: string): string {
  const missing = [...new Set(accts)].filter((a) => !mentions(text, a, host));
  return missing.length === 0 ? text : `${missing.map((a) => `@${a}`).join(' ')} ${text}`;
}

/** Who a reply to `original` must mention: the customer; in a direct thread, everyone in it but us. */
export function replyAudience(original: Status, customerId: string, selfId: string, visibility: Visibility): string[] {
  const people = new Map<string, string>();
  people.set(original.account.id, original.account.acct);
  for (const m of original.mentions ?? []) people.set(m.id, m.acct);
  people.delete(selfId);
  if (visibility === 'direct') return [...people.values()];
  const customer = people.get(customerId) ?? (original.account.id !== selfId ? original.account.acct : undefined);
  return customer ? [customer] : [];
}

/**
 * Text compared without mentions and whitespace: Mastodon renders "@user@domain" as "@user", so
 * a reply found on the server is matched to what we sent on its words only.
 */
export function comparableText(text: string): string {
  return text.replace(MENTION, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}
