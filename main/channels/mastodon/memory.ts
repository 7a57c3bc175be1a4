/**
 * What the adapter remembers between polls in `ctx.state` (stored in SQLite, so nothing secret):
 *   threads       JSON [[statusId, threadExternalId], ...], newest last, at most THREAD_MEMORY
 *                 entries: the thread each seen or sent status belongs to, so a reply joins the
 *                 thread of the status it answers.
 *   sendAttempts  JSON { idempotencyKey: first attempt ms }, pruned after a day: how old an
 *                 Idempotency-Key is (Mastodon keeps one for an hour).
 *   rateLimit     JSON RateBudget: the last X-RateLimit-* seen, for the UI.
 *   maxCharacters the server's configuration.statuses.max_characters, refreshed once a session.
 *   selfId        the brand's account id, when the account config lacks it.
 */
import type { AdapterState } from '../types';
import type { RateBudget } from './client';

const THREAD_MEMORY = 2000;
const ATTEMPT_MEMORY_MS = 24 * 60 * 60_000;

export class ThreadMemory {
  private map: Map<string, string> | null = null;

  constructor(private readonly state: AdapterState) {}

  get(statusId: string): string | undefined {
    return this.load().get(statusId);
  }

  /** Remembers; call `save` once per page. */
  set(statusId: string, threadExternalId: string): void {
    const map = this.load();
    map.delete(statusId);
    map.set(statusId, threadExternalId);
    while (map.size > THREAD_MEMORY) {
      const oldest = map.keys().next().value;
      if (oldest === undefined) break;
      map.delete(oldest);
    }
  }

  save(): void {
    if (this.map) this.state.set('threads', JSON.stringify([...this.map]));
  }

  private load(): Map<string, string> {
    if (this.map) return this.map;
    this.map = new Map();
    try {
      const parsed: unknown = JSON.parse(this.state.get('threads') ?? '[]');
      if (Array.isArray(parsed)) {
        for (const e of parsed) if (Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string') this.map.set(e[0], e[1]);
      }
    } catch {
      // A damaged memory only means replies start threads of their own until it refills.
    }
    return this.map;
  }
}

/** When this idempotency key was first sent; recorded once, before the first request leaves. */
export function firstAttempt(state: AdapterState, key: string): number | null {
  const v = readAttempts(state)[key];
  return typeof v === 'number' ? v : null;
}

export function recordAttempt(state: AdapterState, key: string, now: number): void {
  const attempts = readAttempts(state);
  if (typeof attempts[key] === 'number') return;
  const kept: Record<string, number> = {};
  for (const [k, at] of Object.entries(attempts)) if (now - at < ATTEMPT_MEMORY_MS) kept[k] = at;
  kept[key] = now;
  state.set('sendAttempts', JSON.stringify(kept));
}

function readAttempts(state: AdapterState): Record<string, number> {
  try {
    const parsed: unknown = JSON.parse(state.get('sendAttempts') ?? '{}');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, number] => typeof e[1] === 'number'));
  } catch {
    return {};
  }
}

export function saveBudget(state: AdapterState, budget: RateBudget): void {
  state.set('rateLimit', JSON.stringify(budget));
}

export function readMaxCharacters(state: AdapterState, config: Record<string, unknown>): number {
  for (const v of [state.get('maxCharacters'), config['maxCharacters']]) {
    const n = Number(v);
    if (v !== null && v !== undefined && Number.isInteger(n) && n > 0) return n;
  }
  return 500;
}
