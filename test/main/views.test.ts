import { describe, expect, it } from 'vitest';
import { describeBudget, formatDuration } from '../../main/api/views';

const now = Date.UTC(2026, 10, 22, 9, 0);
const at = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

describe('rate budget in words', () => {
  it.each([
    ['X', { endpoint: '/2/users/:id/mentions', limit: 450, remaining: 412, resetAt: now + 600_000, seenAt: now }, `412 of 450 requests left until ${at(now + 600_000)}`],
    ['Mastodon', { limit: 300, remaining: 299, resetAt: now + 60_000, seenAt: now }, `299 of 300 requests left until ${at(now + 60_000)}`],
    ['Bluesky, reset passed', { limit: 3000, remaining: 2999, resetAt: now - 1, policy: '3000;w=300', seenAt: now }, '2999 of 3000 requests left'],
    ['Meta', { updatedAt: now, maxPercent: 37.4, blockedUntil: null, usage: { app: { call_count: 37 } } }, '37% of the API budget used'],
    ['Meta, blocked', { updatedAt: now, maxPercent: 100, blockedUntil: now + 3600_000, usage: null }, `paused by the platform until ${at(now + 3600_000)}`],
    ['unknown shape', { something: 'else' }, null],
  ])('%s', (_name, state, expected) => {
    expect(describeBudget(JSON.stringify(state), now)).toBe(expected);
  });

  it('shows nothing for missing or broken state', () => {
    expect(describeBudget(null, now)).toBeNull();
    expect(describeBudget('{not json', now)).toBeNull();
  });

  it('says how long someone waited the way people do', () => {
    expect([45 * 60_000, 3 * 3600_000, 50 * 3600_000].map(formatDuration)).toEqual(['45 min', '3 h', '2 d']);
  });
});
