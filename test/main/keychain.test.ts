// The real OS keychain through keytar: in CI a throwaway GNOME Keyring under dbus-run-session
// (test/keychain-session.sh). Outside such a session these tests are skipped, never in CI.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Credentials, osKeychain } from '../../main/services/credentials';

const real = process.env['CARE_KEYCHAIN_SESSION'] === '1';
if (process.env['CI'] && !real) throw new Error('CI must run the keychain tests inside test/keychain-session.sh');

describe.skipIf(!real)('OS keychain (Secret Service)', () => {
  const service = `Care Console test ${randomUUID()}`;
  const creds = new Credentials(osKeychain(), service);

  it('stores, reads, replaces and deletes one entry per account', async () => {
    await creds.write(1, { accessToken: 'tok-1', refreshToken: 'ref-1' });
    await creds.write(2, { botToken: '123:abc' });
    expect(await creds.read(1)).toEqual({ accessToken: 'tok-1', refreshToken: 'ref-1' });
    const store = creds.storeFor(1);
    await store.set('accessToken', 'tok-2');
    expect(await store.get('accessToken')).toBe('tok-2');
    expect(await store.get('refreshToken')).toBe('ref-1');
    await creds.write(1, { accessToken: 'tok-3' });
    expect(await creds.read(1)).toEqual({ accessToken: 'tok-3' });
    await creds.remove(1);
    expect(await creds.read(1)).toEqual({});
    expect(await creds.read(2)).toEqual({ botToken: '123:abc' });
    await creds.remove(2);
    expect(await osKeychain().getPassword(service, 'account-2')).toBeNull();
  });
});
