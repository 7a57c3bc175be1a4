/**
 * What every Meta send shares: the length and emptiness check before anything leaves, and a
 * note of when each send started (non-secret: idempotency key → time, the last 50) so that
 * `findSent` can look for the reply from that moment on instead of guessing.
 */
import { countLength } from '../../../preload/shared/length';
import type { LengthRule } from '../../../preload/contract';
import { ChannelError, type AdapterState } from '../types';

const SENDS_KEY = 'sendsStarted';
const KEEP_SENDS = 50;
/** Meta's clock and ours may disagree a little; a reply found this much before the start still counts. */
export const CLOCK_SKEW_MS = 5 * 60_000;

export function checkReplyText(text: string, rule: LengthRule, network: string): void {
  if (!text.trim()) throw new ChannelError('refused', 'The reply is empty.');
  const length = countLength(text, rule);
  if (length > rule.max) {
    const unit = rule.count === 'bytes' ? 'bytes (UTF-8)' : 'characters';
    throw new ChannelError('refused', `The reply is ${length} ${unit} long; ${network} takes at most ${rule.max} here. Shorten it by ${length - rule.max}.`);
  }
}

export function rememberSendStart(state: AdapterState, idempotencyKey: string, at: number): void {
  const sends = readSends(state).filter(([k]) => k !== idempotencyKey);
  sends.push([idempotencyKey, at]);
  state.set(SENDS_KEY, JSON.stringify(sends.slice(-KEEP_SENDS)));
}

/** When to start looking for a reply: our note of the send, else the customer's message it answers. */
export function lookFrom(state: AdapterState, idempotencyKey: string, customerLastMessageAt: number | null): number {
  const started = readSends(state).find(([k]) => k === idempotencyKey)?.[1];
  return (started ?? customerLastMessageAt ?? 0) - CLOCK_SKEW_MS;
}

function readSends(state: AdapterState): Array<[string, number]> {
  try {
    const v = JSON.parse(state.get(SENDS_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((e): e is [string, number] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number') : [];
  } catch {
    return [];
  }
}

/** Meta may trim what it stores; compare what a person would see. */
export function sameText(a: string, b: string): boolean {
  return a.trim() === b.trim();
}
