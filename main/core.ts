/**
 * The core both hosts run: the database, the handlers of the contract, the event bus, the poller
 * and the outbox. It never imports electron, so it runs under plain Node (headless host, tests).
 */
import { adapterState, getAccount, listAccounts, setAccountState, type AccountRow } from '../db/accounts';
import { openDatabase, type Db } from '../db/open';
import type { Channel, Handlers, Network } from '../preload/contract';
import { EventBus } from './api/events';
import { createHandlers } from './api/handlers';
import { accountSummary } from './api/views';
import type { AccountRecord, AdapterContext, ChannelAdapter, ChannelModule } from './channels/types';
import { bootstrap } from './services/bootstrap';
import { Credentials, osKeychain, type Keychain } from './services/credentials';
import { systemClock, type Clock } from './services/clock';
import { OutboxWorker } from './services/outbox';
import { Poller } from './services/poller';
import { OFF_THREAD_KEYS, ReadPool } from './services/read-pool';
import { Scheduler } from './services/scheduler';

export interface CoreOptions {
  dbPath: string;
  host: 'electron' | 'web';
  version: string;
  clock?: Clock;
  random?: () => number;
  /** Channel modules (main/channels/registry in the app; fakes in tests). */
  channels: Partial<Record<Channel, ChannelModule>>;
  /** First launch on an empty database creates the demo accounts and starter library (default true). */
  seedDemo?: boolean;
  outboxGapMs?: number;
  log?: (msg: string) => void;
  /** Where account secrets live; the OS keychain unless a test passes another. */
  keychain?: Keychain;
  /** The HTTP client adapters use; tests inject faults here. */
  fetch?: typeof fetch;
  /**
   * The bundled read worker (dist/main/read-worker.cjs): when given, search, reports and period
   * exports run on a worker thread with its own read-only connection instead of on this thread.
   */
  readWorkerFile?: string;
}

export interface CoreContext {
  db: Db;
  bus: EventBus;
  clock: Clock;
  host: 'electron' | 'web';
  version: string;
  dbPath: string;
  credentials: Credentials;
  fetch: typeof fetch;
  modules: Partial<Record<Channel, ChannelModule>>;
  contextFor(accountId: number): AdapterContext | null;
  adapterFor(accountId: number): ChannelAdapter | null;
  /** Forgets a cached adapter (account reconnected, removed or its config changed). */
  dropAdapter(accountId: number): void;
  kickOutbox(): void;
  poller: Poller;
  emitAccounts(): void;
}

export interface Core {
  db: Db;
  bus: EventBus;
  handlers: Handlers;
  poller: Poller;
  outbox: OutboxWorker;
  scheduler: Scheduler;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createCore(opts: CoreOptions): Core {
  const db = openDatabase(opts.dbPath);
  const clock = opts.clock ?? systemClock;
  const bus = new EventBus();
  const log = opts.log ?? ((m: string) => console.log(m));
  const modules = opts.channels;
  const adapters = new Map<number, ChannelAdapter>();
  const credentials = new Credentials(opts.keychain ?? osKeychain());
  const fetchImpl = opts.fetch ?? globalThis.fetch.bind(globalThis);

  const record = (a: AccountRow): AccountRecord => ({
    id: a.id,
    channel: a.channel as Channel,
    network: a.network as Network,
    name: a.name,
    handle: a.handle,
    config: a.config,
  });
  const contextFor = (row: AccountRow): AdapterContext => ({
    account: record(row),
    state: adapterState(db, row.id),
    secrets: credentials.storeFor(row.id),
    now: () => clock.now(),
    fetch: fetchImpl,
  });
  const adapterFor = (accountId: number): ChannelAdapter | null => {
    const cached = adapters.get(accountId);
    if (cached) return cached;
    const row = getAccount(db, accountId);
    const module = row ? modules[row.channel as Channel] : undefined;
    if (!row || !module) return null;
    const adapter = module.create(contextFor(row));
    adapters.set(accountId, adapter);
    return adapter;
  };

  const emitAccounts = () =>
    bus.emit('accounts.changed', { accounts: listAccounts(db).map((a) => accountSummary(db, a)) });

  const poller = new Poller({
    db,
    clock,
    bus,
    log,
    ...(opts.random ? { random: opts.random } : {}),
    accounts: () =>
      listAccounts(db)
        .filter((a) => a.state === 'active')
        .flatMap((a) => {
          const adapter = adapterFor(a.id);
          return adapter ? [{ account: record(a), adapter }] : [];
        }),
    onAccountsChanged: emitAccounts,
  });
  const outbox = new OutboxWorker({
    db,
    clock,
    bus,
    log,
    adapterFor,
    ...(opts.random ? { random: opts.random } : {}),
    ...(opts.outboxGapMs !== undefined ? { minGapMs: opts.outboxGapMs } : {}),
    onAuthFailed: (id) => {
      setAccountState(db, id, 'needs_reauth');
      emitAccounts();
    },
  });

  const scheduler = new Scheduler({ db, clock, bus });

  const ctx: CoreContext = {
    db,
    bus,
    clock,
    host: opts.host,
    version: opts.version,
    dbPath: opts.dbPath,
    credentials,
    fetch: fetchImpl,
    modules,
    contextFor: (id) => {
      const row = getAccount(db, id);
      return row ? contextFor(row) : null;
    },
    adapterFor,
    dropAdapter: (id) => void adapters.delete(id),
    poller,
    emitAccounts,
    // After the current request has answered, so its reply shows the state it was written in.
    kickOutbox: () => void setImmediate(() => outbox.kick()),
  };
  const handlers = createHandlers(ctx);
  const readPool = opts.readWorkerFile && opts.dbPath !== ':memory:' ? new ReadPool(opts.readWorkerFile, opts.dbPath, log) : null;
  if (readPool) {
    const table = handlers as unknown as Record<string, (arg: unknown) => unknown>;
    for (const key of OFF_THREAD_KEYS) table[key] = (arg: unknown) => readPool.run(key, arg, clock.now());
  }

  return {
    db,
    bus,
    handlers,
    poller,
    outbox,
    scheduler,
    async start() {
      // The worker opens its own connection: after the first inbox has been answered, not during it.
      if (readPool) clock.setTimeout(() => readPool.warm(), 2000);
      if (opts.seedDemo ?? true) await bootstrap(db, clock, poller);
      await outbox.start();
      poller.start();
      scheduler.start();
    },
    async stop() {
      scheduler.stop();
      poller.stop();
      outbox.stop();
      await outbox.idle();
      await readPool?.close();
      db.close();
    },
  };
}
