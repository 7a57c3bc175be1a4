import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHandlers } from '../../main/api/handlers';
import { EVENT_KEYS, REQUEST_KEYS, requests, type Events } from '../../preload/contract';
import type { CoreContext } from '../../main/core';

describe('contract', () => {
  // Handlers are built without touching anything: the context is only used when a handler runs.
  const handlers = createHandlers({} as CoreContext);

  it('has a handler for every request key, and no handler without a key', () => {
    expect(Object.keys(handlers).sort()).toEqual([...REQUEST_KEYS].sort());
    for (const key of REQUEST_KEYS) expect(typeof handlers[key], key).toBe('function');
  });

  it('has a runtime schema for every request argument', () => {
    for (const key of REQUEST_KEYS) {
      expect(requests[key].arg, key).toBeInstanceOf(z.ZodType);
      // Arguments are objects, and strict: an unknown field is an error, not silently dropped.
      expect(requests[key].arg.safeParse({ __unknown: true }).success, key).toBe(false);
    }
  });

  it('lists every event', () => {
    const all: Record<keyof Events, true> = { 'threads.changed': true, 'outbox.changed': true, 'accounts.changed': true, 'crisis.changed': true };
    expect([...EVENT_KEYS].sort()).toEqual(Object.keys(all).sort());
  });

  it('keys read domain.verb', () => {
    for (const key of [...REQUEST_KEYS, ...EVENT_KEYS]) expect(key).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });
});
