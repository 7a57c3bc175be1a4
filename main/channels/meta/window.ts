/**
 * Meta's messaging window for Messenger and Instagram DMs: a standard reply within 24 hours of
 * the customer's last message, a reply tagged HUMAN_AGENT (a person answering, never automation)
 * up to 7 days after it, nothing later. Comment threads have no window.
 */
import { ChannelError, type ReplyWindow } from '../types';
import type { ThreadKind } from '../../../preload/contract';

export const STANDARD_WINDOW_MS = 24 * 60 * 60_000;
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * 60 * 60_000;

export function metaReplyWindow(kind: ThreadKind, customerLastMessageAt: number | null): ReplyWindow | null {
  if (kind !== 'dm' || customerLastMessageAt === null) return null;
  return { standardUntil: customerLastMessageAt + STANDARD_WINDOW_MS, humanAgentUntil: customerLastMessageAt + HUMAN_AGENT_WINDOW_MS };
}

export type MessagingType = { messaging_type: 'RESPONSE' } | { messaging_type: 'MESSAGE_TAG'; tag: 'HUMAN_AGENT' };

/**
 * How a DM reply must be sent now, or a refusal a person understands. With no known last
 * message the reply goes as a standard response and Meta, which knows, decides.
 */
export function messagingFor(now: number, customerLastMessageAt: number | null, network: string): MessagingType {
  const w = metaReplyWindow('dm', customerLastMessageAt);
  if (!w || now <= w.standardUntil) return { messaging_type: 'RESPONSE' };
  if (w.humanAgentUntil !== null && now <= w.humanAgentUntil) return { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' };
  const days = Math.floor((now - (customerLastMessageAt ?? now)) / (24 * 60 * 60_000));
  throw new ChannelError(
    'refused',
    `The customer last wrote ${days} days ago; ${network} allows replies for 7 days after the customer's last message. ` +
      `Nothing can be sent in this conversation until they write again.`,
  );
}
