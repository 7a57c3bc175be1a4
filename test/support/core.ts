/** A core on a temp database with one scripted account, for service and handler tests. */
import { createAccount } from '../../db/accounts';
import { createCore, type Core } from '../../main/core';
import { memoryKeychain } from '../../main/services/credentials';
import type { ChannelAdapter, NormalisedMessage } from '../../main/channels/types';
import type { Arg, EventKey, Events, RequestKey, Result } from '../../preload/contract';
import { dispatch } from '../../main/api/dispatch';
import { ManualClock } from './clock';
import { tempDbPath } from './db';
import { msg, page, ScriptedAdapter } from '../fakes/scripted-adapter';

export interface TestCore {
  core: Core;
  accountId: number;
  events: Array<{ event: EventKey; payload: Events[EventKey] }>;
}

export function coreWith(dbPath: string, adapter: ChannelAdapter, clock: ManualClock, opts: { outboxGapMs?: number } = {}): TestCore {
  const core = createCore({
    dbPath,
    host: 'web',
    version: 'test',
    clock,
    random: () => 1,
    seedDemo: false,
    channels: { demo: { create: () => adapter } },
    keychain: memoryKeychain(),
    outboxGapMs: opts.outboxGapMs ?? 0,
    log: () => {},
  });
  const existing = core.db.prepare('SELECT id FROM accounts LIMIT 1').get() as { id: number } | undefined;
  const accountId =
    existing?.id ?? createAccount(core.db, { channel: 'demo', network: 'x', name: 'Harbor · X', handle: '@harbor', config: {}, now: clock.now() });
  const events: TestCore['events'] = [];
  core.bus.subscribe((event, payload) => events.push({ event, payload }));
  return { core, accountId, events };
}

/** Lets pending promise callbacks run (the adapter calls are async). */
export const flush = () => new Promise((r) => setImmediate(r));

/** Calls a handler through the same boundary the hosts use (schema defaults, errors as replies). */
export async function invoke<K extends RequestKey>(core: Core, key: K, arg: Arg<K>): Promise<Result<K>> {
  const reply = await dispatch(core.handlers, key, arg, () => {});
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  return reply.value as Result<K>;
}

/** A core on a new temp database with a scripted adapter and a manual clock, for one test. */
export function freshScriptedCore(): { t: TestCore; adapter: ScriptedAdapter; clock: ManualClock; cleanup: () => Promise<void> } {
  const p = tempDbPath();
  const clock = new ManualClock();
  const adapter = new ScriptedAdapter();
  const t = coreWith(p.path, adapter, clock);
  return {
    t,
    adapter,
    clock,
    cleanup: async () => {
      await t.core.stop();
      p.cleanup();
    },
  };
}

export type Api = { [K in RequestKey]: (arg: Arg<K>) => Promise<Result<K>> };

/** `api(core)['threads.list']({ filter: 'open' })`: each call through the contract's boundary. */
export function api(core: Core): Api {
  return new Proxy({} as Api, { get: (_t, key: string) => (arg: unknown) => invoke(core, key as RequestKey, arg as never) });
}

/**
 * Customer messages arriving now on the scripted account, polled in; returns the id of each
 * item's thread, in the items' order.
 */
export async function arriveOn(
  env: { t: TestCore; adapter: ScriptedAdapter; clock: ManualClock },
  items: Array<Partial<NormalisedMessage>>,
): Promise<number[]> {
  env.adapter.queuePoll(page(items.map((i) => msg({ createdAt: env.clock.now(), ...i })), `c${env.clock.now()}-${Math.random()}`));
  await env.t.core.poller.pollNow(env.t.accountId, 'mentions');
  const rows = env.t.core.db.prepare('SELECT id, external_id AS e FROM threads').all() as Array<{ id: number; e: string }>;
  return items.map((i) => rows.find((r) => r.e === i.threadExternalId)!.id);
}
