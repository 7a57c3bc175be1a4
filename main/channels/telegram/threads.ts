/**
 * How Telegram messages group into threads, and the ids that say so.
 *
 * - Message ids are unique only inside a chat, so a message is `"<chatId>:<messageId>"`
 *   (an edit: `"<chatId>:<messageId>:edit:<editDate>"`, so the new wording is stored too).
 * - A private chat is one conversation: its thread is `"<chatId>"`.
 * - In a group, each question to the bot is its own thread, `"<chatId>:<rootMessageId>"`: the
 *   root is the message that first mentioned the bot; replies to it, to the bot's answers or
 *   to later messages of the thread join it. Telegram only says which message a reply answers
 *   (never that one's own parent), so the adapter remembers message → root for recent group
 *   messages in its state. Ids only: nothing secret, and bounded.
 */
import type { AdapterState } from '../types';

const ROOTS_KEY = 'telegram.threadRoots';
const MAX_REMEMBERED = 2_000;

export function messageKey(chatId: number, messageId: number): string {
  return `${chatId}:${messageId}`;
}

export function dmThreadId(chatId: number): string {
  return String(chatId);
}

export function groupThreadId(chatId: number, rootMessageId: number): string {
  return `${chatId}:${rootMessageId}`;
}

export interface ParsedThread {
  chatId: number;
  /** Null for a private chat. */
  rootMessageId: number | null;
}

export function parseThreadId(threadExternalId: string): ParsedThread | null {
  const m = /^(-?\d+)(?::(\d+))?$/.exec(threadExternalId);
  if (!m) return null;
  const chatId = Number(m[1]);
  if (!Number.isSafeInteger(chatId)) return null;
  return { chatId, rootMessageId: m[2] === undefined ? null : Number(m[2]) };
}

/** The message id inside a message external id (edits included), or null. */
export function parseMessageId(externalId: string | null): { chatId: number; messageId: number } | null {
  if (!externalId) return null;
  const m = /^(-?\d+):(\d+)(?::edit:\d+)?$/.exec(externalId);
  if (!m) return null;
  return { chatId: Number(m[1]), messageId: Number(m[2]) };
}

/** message key → root message id of its thread, oldest first; persisted in adapter state. */
export class ThreadRoots {
  private readonly roots: Map<string, number>;
  private dirty = false;

  constructor(private readonly state: AdapterState) {
    this.roots = new Map(load(state.get(ROOTS_KEY)));
  }

  rootOf(chatId: number, messageId: number): number | undefined {
    return this.roots.get(messageKey(chatId, messageId));
  }

  remember(chatId: number, messageId: number, root: number): void {
    const key = messageKey(chatId, messageId);
    if (this.roots.get(key) === root) return;
    this.roots.delete(key);
    this.roots.set(key, root);
    while (this.roots.size > MAX_REMEMBERED) {
      const oldest = this.roots.keys().next().value;
      if (oldest === undefined) break;
      this.roots.delete(oldest);
    }
    this.dirty = true;
  }

  save(): void {
    if (!this.dirty) return;
    this.state.set(ROOTS_KEY, JSON.stringify([...this.roots]));
    this.dirty = false;
  }
}

function load(json: string | null): Array<[string, number]> {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((e): e is [string, number] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number');
  } catch {
    // A damaged entry costs only thread grouping of old replies; start afresh.
    return [];
  }
}
