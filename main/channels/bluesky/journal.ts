/**
 * What the adapter remembers about each reply it started to send, in `ctx.state` under 'outbox'
 * (non-secret: a record key and a time per idempotency key, pruned after two weeks).
 *
 * A post reply gets its record key (rkey) once, before its first attempt: a TID built from that
 * moment and the idempotency key. Every later attempt writes the same rkey, so a resend can never
 * make a second post (the PDS refuses a create on an existing key), and `findSent` can look the
 * post up by that key with com.atproto.repo.getRecord. A DM only gets its first-attempt time: chat
 * has no idempotency key, so `findSent` searches the conversation from then on.
 *
 * TID (atproto spec "Timestamp Identifiers"): 64-bit integer, top bit 0, 53 bits of microseconds
 * since the epoch, 10 bits of clock id, written as 13 base32-sortable characters.
 */
import { createHash } from 'node:crypto';
import type { AdapterState } from '../types';

export interface Attempt {
  at: number;
  rkey?: string;
}

const KEY = 'outbox';
const KEEP_MS = 14 * 24 * 3600_000;
const B32 = '234567abcdefghijklmnopqrstuvwxyz';

export function readAttempt(state: AdapterState, idempotencyKey: string): Attempt | null {
  return readAll(state)[idempotencyKey] ?? null;
}

/** The attempt record for this key, created (and stored) on first use. */
export function beginAttempt(state: AdapterState, idempotencyKey: string, now: number, withRkey: boolean): Attempt {
  const all = readAll(state);
  const existing = all[idempotencyKey];
  if (existing && (existing.rkey || !withRkey)) return existing;
  const attempt: Attempt = { at: existing?.at ?? now, ...(withRkey ? { rkey: tidFor(idempotencyKey, existing?.at ?? now) } : {}) };
  const kept: Record<string, Attempt> = {};
  for (const [k, v] of Object.entries(all)) if (now - v.at < KEEP_MS) kept[k] = v;
  kept[idempotencyKey] = attempt;
  state.set(KEY, JSON.stringify(kept));
  return attempt;
}

/** A TID for `ms`, its sub-millisecond digits and clock id taken from the key's hash. */
export function tidFor(idempotencyKey: string, ms: number): string {
  const h = createHash('sha256').update(idempotencyKey).digest();
  const micros = BigInt(Math.floor(ms)) * 1000n + BigInt(h.readUInt16BE(0) % 1000);
  const clockId = BigInt(h.readUInt16BE(2) & 0x3ff);
  let n = (micros << 10n) | clockId;
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = B32[Number(n & 31n)] + out;
    n >>= 5n;
  }
  return out;
}

export const TID_PATTERN = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

function readAll(state: AdapterState): Record<string, Attempt> {
  try {
    const parsed = JSON.parse(state.get(KEY) ?? '{}') as unknown;
    if (!parsed || typeof parsed !== 'object') return {};
    const out: Record<string, Attempt> = {};
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
      const a = v as Partial<Attempt> | null;
      if (a && typeof a.at === 'number') out[k] = typeof a.rkey === 'string' ? { at: a.at, rkey: a.rkey } : { at: a.at };
    }
    return out;
  } catch {
    return {};
  }
}
