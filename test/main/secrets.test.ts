// A full connect → poll → send cycle on a real adapter (Mastodon, against its fake), then a search
// of everything the app wrote — database, WAL, logs, replies to the renderer — for the secret.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_MODULES } from '../../main/channels/registry';
import { createCore, type Core } from '../../main/core';
import { memoryKeychain, osKeychain, type Keychain } from '../../main/services/credentials';
import type { Arg, RequestKey, Result } from '../../preload/contract';
import { invoke } from '../support/core';
import { tempDir } from '../support/db';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon';

const SECRET = `care-secret-${Math.random().toString(36).slice(2)}-zz9`;
const realKeychain = process.env['CARE_KEYCHAIN_SESSION'] === '1';

let fake: MastodonFake;
let core: Core;
let dir: { dir: string; cleanup(): void };
let keychain: Keychain;
const logs: string[] = [];
const replies: string[] = [];
const call = async <K extends RequestKey>(key: K, arg: Arg<K>): Promise<Result<K>> => {
  const value = await invoke(core, key, arg);
  replies.push(JSON.stringify(value));
  return value;
};

beforeAll(async () => {
  fake = await startMastodonFake({ token: SECRET });
  dir = tempDir();
  keychain = realKeychain ? osKeychain() : memoryKeychain();
  const log = (m: string) => void logs.push(m);
  const spies = (['log', 'error', 'warn', 'info'] as const).map((k) => {
    const original = console[k];
    console[k] = (...args: unknown[]) => log(args.map(String).join(' '));
    return () => (console[k] = original);
  });
  afterAll(() => spies.forEach((restore) => restore()));
  core = createCore({ dbPath: join(dir.dir, 'care.sqlite3'), host: 'web', version: 'test', channels: CHANNEL_MODULES, seedDemo: false, keychain, log, outboxGapMs: 0 });
  await core.start();
});

afterAll(async () => {
  await core.stop();
  await fake.close();
  dir.cleanup();
});

describe('secrets stay in the keychain', () => {
  it(`connects, polls and replies on Mastodon, and the secret is nowhere but the keychain (${realKeychain ? 'real Secret Service' : 'in-memory keychain'})`, async () => {
    const customer = fake.addAccount({ username: 'ana', domain: 'example.social', displayName: 'Ana Ruiz', followers: 1200 });
    const mention = fake.mention(customer, 'my order never arrived, can you help?');

    // A wrong token is refused before anything is stored.
    await expect(call('accounts.connect', { channel: 'mastodon', fields: { baseUrl: fake.baseUrl, accessToken: 'wrong-token' } })).rejects.toThrow(/Nothing was saved/);
    expect((await call('accounts.list', {})).length).toBe(0);

    const account = await call('accounts.connect', { channel: 'mastodon', fields: { baseUrl: fake.baseUrl, accessToken: SECRET } });
    expect(account.state).toBe('active');
    await call('accounts.pollNow', { accountId: account.id });
    const inbox = await call('threads.list', { filter: 'open' });
    expect(inbox.items.map((t) => t.snippet)).toEqual([expect.stringContaining('my order never arrived')]);

    await call('reply.send', { threadId: inbox.items[0]!.id, text: 'So sorry, Ana! Sending a replacement today.', idempotencyKey: 'secret-test-key-1' });
    await new Promise((r) => setTimeout(r, 50));
    await core.outbox.idle();
    expect(fake.replies).toHaveLength(1);
    expect(fake.replies[0]).toMatchObject({ inReplyToId: mention.id, idempotencyKey: 'secret-test-key-1' });
    expect(fake.replies[0]!.status).toContain('Sending a replacement today.');
    expect((await call('threads.get', { threadId: inbox.items[0]!.id })).messages.at(-1)!.sendState).toBe('sent');

    // The keychain has it; nothing else does.
    expect(await keychain.getPassword('Care Console', `account-${account.id}`)).toContain(SECRET);
    core.db.pragma('wal_checkpoint(PASSIVE)');
    for (const file of readdirSync(dir.dir)) {
      expect(readFileSync(join(dir.dir, file)).includes(SECRET), file).toBe(false);
    }
    expect(logs.join('\n')).not.toContain(SECRET);
    expect(replies.join('\n')).not.toContain(SECRET);

    // Disconnecting forgets the secret and keeps the conversation.
    await call('accounts.disconnect', { accountId: account.id });
    expect(await keychain.getPassword('Care Console', `account-${account.id}`)).toBeNull();
    expect((await call('threads.list', { filter: 'all' })).total).toBe(1);
  });

  it('marks the account for re-authentication when the token is revoked, and keeps its threads', async () => {
    const account = await call('accounts.connect', { channel: 'mastodon', fields: { baseUrl: fake.baseUrl, accessToken: SECRET } });
    fake.revokeToken();
    const after = await call('accounts.pollNow', { accountId: account.id });
    expect(after.state).toBe('needs_reauth');
    expect(after.fix).toBe('reconnect');
    expect(after.lastError).toMatch(/Reconnect/);
    expect((await call('threads.list', { filter: 'all' })).total).toBe(1);
    expect(logs.join('\n')).not.toContain(SECRET);
  });
});
