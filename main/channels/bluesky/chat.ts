/**
 * Stream 'chat': direct messages, through the PDS with the chat proxy header. New events come from
 * chat.bsky.convo.getLog: each logCreateMessage carries the whole messageView (text, sender,
 * sentAt), so no getMessages call is needed to read them. Thread = conversation id, kind 'dm';
 * a message whose sender is the brand's DID is 'out'.
 *
 * Cursor: `rev:<rev>`, the newest log revision handed over (revs sort as strings, like TIDs). A first
 * poll has no log position yet: it lists the newest conversations (chat.bsky.convo.listConvos),
 * hands over each one's last message and starts the log at their newest rev, as the Bluesky app
 * starts its own event log.
 */
import { ChannelError, type AdapterState, type NormalisedMessage, type PollResult, type RejectedItem } from '../types';
import type { BlueskyConfig } from './config';
import { Directory, loadProfiles } from './people';
import {
  convoOutput,
  convosPage,
  convoView,
  describeIssue,
  LOG_CREATE_MESSAGE,
  logCreateMessage,
  logEntry,
  logPage,
  MESSAGE_VIEW,
  messageView,
  type ConvoView,
  type MessageView,
} from './schemas';
import type { XrpcClient } from './xrpc';

interface Seen {
  convoId: string;
  message: MessageView;
  raw: unknown;
}

export async function pollChat(x: XrpcClient, cfg: BlueskyConfig, state: AdapterState, cursor: string | null): Promise<PollResult> {
  const brand = (await x.current()).did;
  const people = new Directory();
  const from = cursor?.startsWith('rev:') ? cursor.slice(4) : null;
  const read = from === null ? await firstLook(x, cfg, state, brand, people) : await readLog(x, from, people);

  // The customer is whoever else writes; for a conversation only the brand wrote in, its member.
  const customers = new Map<string, string>();
  for (const s of read.seen) if (s.message.sender.did !== brand && !customers.has(s.convoId)) customers.set(s.convoId, s.message.sender.did);
  for (const s of read.seen) {
    if (customers.has(s.convoId)) continue;
    const did = await customerOf(x, state, s.convoId, brand, people);
    if (did) customers.set(s.convoId, did);
  }
  const details = await loadProfiles(x, customers.values());
  const items = read.seen.map(({ convoId, message, raw }): NormalisedMessage => {
    const did = customers.get(convoId) ?? message.sender.did;
    return {
      externalId: message.id,
      threadExternalId: convoId,
      kind: 'dm',
      direction: message.sender.did === brand ? 'out' : 'in',
      customer: people.identity(did, details),
      text: message.text,
      createdAt: Date.parse(message.sentAt),
      raw,
    };
  });
  const advanced = read.rev !== null && (from === null || read.rev > from);
  return { items, rejected: read.rejected, nextCursor: advanced ? `rev:${read.rev}` : null, more: read.more && advanced };
}

interface Read {
  seen: Seen[];
  rejected: RejectedItem[];
  rev: string | null;
  more: boolean;
}

async function firstLook(x: XrpcClient, cfg: BlueskyConfig, state: AdapterState, brand: string, people: Directory): Promise<Read> {
  const page = convosPage.safeParse(await x.query('chat.bsky.convo.listConvos', { limit: cfg.pageSize }, { chat: true }));
  if (!page.success) throw new ChannelError('bad_payload', `Bluesky sent an unreadable conversation list (${describeIssue(page.error)})`);
  const read: Read = { seen: [], rejected: [], rev: null, more: false };
  for (const raw of page.data.convos) {
    const c = convoView.safeParse(raw);
    if (!c.success) {
      read.rejected.push({ reason: `conversation: ${describeIssue(c.error)}`, raw });
      continue;
    }
    rememberMembers(state, c.data, brand, people);
    if (read.rev === null || c.data.rev > read.rev) read.rev = c.data.rev;
    const last = c.data.lastMessage as { $type?: unknown } | undefined;
    if (!last || (last.$type !== undefined && last.$type !== MESSAGE_VIEW)) continue;
    const m = messageView.safeParse(last);
    if (m.success) read.seen.push({ convoId: c.data.id, message: m.data, raw });
    else read.rejected.push({ reason: `last message: ${describeIssue(m.error)}`, raw });
  }
  return read;
}

async function readLog(x: XrpcClient, from: string, people: Directory): Promise<Read> {
  const page = logPage.safeParse(await x.query('chat.bsky.convo.getLog', { cursor: from }, { chat: true }));
  if (!page.success) throw new ChannelError('bad_payload', `Bluesky sent an unreadable chat log (${describeIssue(page.error)})`);
  const read: Read = { seen: [], rejected: [], rev: from, more: false };
  for (const raw of page.data.logs) {
    const e = logEntry.safeParse(raw);
    if (!e.success) {
      read.rejected.push({ reason: `chat log entry: ${describeIssue(e.error)}`, raw });
      continue;
    }
    // The log may repeat the event at the cursor; anything at or before it was handed over.
    if (e.data.rev <= from) continue;
    if (read.rev === null || e.data.rev > read.rev) read.rev = e.data.rev;
    read.more = true;
    if (e.data.$type !== LOG_CREATE_MESSAGE) continue; // reads, reactions, mutes … change no thread
    const log = logCreateMessage.safeParse(raw);
    if (!log.success) {
      read.rejected.push({ reason: `chat message: ${describeIssue(log.error)}`, raw });
      continue;
    }
    if (log.data.message.$type !== undefined && log.data.message.$type !== MESSAGE_VIEW) continue; // deleted
    const m = messageView.safeParse(log.data.message);
    if (!m.success) {
      read.rejected.push({ reason: `chat message: ${describeIssue(m.error)}`, raw });
      continue;
    }
    for (const p of log.data.relatedProfiles ?? []) people.add(p);
    read.seen.push({ convoId: log.data.convoId, message: m.data, raw });
  }
  // Another page is due only if the server has one and this one moved the log on.
  read.more = read.more && page.data.cursor !== undefined;
  return read;
}

/** The customer of a conversation the brand wrote in: cached per conversation, else getConvo. */
async function customerOf(x: XrpcClient, state: AdapterState, convoId: string, brand: string, people: Directory): Promise<string | null> {
  const cached = state.get(`convo:${convoId}`);
  if (cached) return cached;
  const out = convoOutput.safeParse(await x.query('chat.bsky.convo.getConvo', { convoId }, { chat: true }));
  if (!out.success) return null;
  return rememberMembers(state, out.data.convo, brand, people);
}

function rememberMembers(state: AdapterState, convo: ConvoView, brand: string, people: Directory): string | null {
  for (const m of convo.members) people.add(m);
  const other = convo.members.find((m) => m.did !== brand);
  if (other && state.get(`convo:${convo.id}`) !== other.did) state.set(`convo:${convo.id}`, other.did);
  return other?.did ?? null;
}
