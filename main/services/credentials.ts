/**
 * Secrets live only in the OS keychain (keytar: Keychain on macOS, Credential Vault on Windows,
 * Secret Service on Linux): one service name for the app, one entry per account holding that
 * account's secrets as JSON. Nothing here is ever written to SQLite, logged, or returned to the
 * renderer.
 */
import type { SecretStore } from '../channels/types';

export const KEYCHAIN_SERVICE = 'Care Console';

export interface Keychain {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export class KeychainUnavailable extends Error {
  constructor(cause: unknown) {
    super(
      'The OS keychain is not available, so account credentials cannot be stored safely. On Linux, install and unlock a Secret Service (GNOME Keyring or KWallet).',
      { cause },
    );
    this.name = 'KeychainUnavailable';
  }
}

/** The real keychain, loaded on first use so the app starts (demo, review) even where keytar cannot load. */
export function osKeychain(): Keychain {
  let loaded: Keychain | null = null;
  const load = async (): Promise<Keychain> => {
    if (loaded) return loaded;
    try {
      const mod = (await import('keytar')) as unknown as Keychain & { default?: Keychain };
      loaded = mod.default ?? mod;
      return loaded;
    } catch (err) {
      throw new KeychainUnavailable(err);
    }
  };
  const guard = async <T>(fn: (k: Keychain) => Promise<T>): Promise<T> => {
    const k = await load();
    try {
      return await fn(k);
    } catch (err) {
      throw new KeychainUnavailable(err);
    }
  };
  return {
    getPassword: (s, a) => guard((k) => k.getPassword(s, a)),
    setPassword: (s, a, p) => guard((k) => k.setPassword(s, a, p)),
    deletePassword: (s, a) => guard((k) => k.deletePassword(s, a)),
  };
}

/** For tests and for a profile that must not touch the real keychain. */
export function memoryKeychain(): Keychain & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getPassword: async (s, a) => entries.get(`${s}\u0000${a}`) ?? null,
    setPassword: async (s, a, p) => void entries.set(`${s}\u0000${a}`, p),
    deletePassword: async (s, a) => entries.delete(`${s}\u0000${a}`),
  };
}

const entryName = (accountId: number) => `account-${accountId}`;

export class Credentials {
  constructor(
    private readonly keychain: Keychain,
    private readonly service = KEYCHAIN_SERVICE,
  ) {}

  async read(accountId: number): Promise<Record<string, string>> {
    const raw = await this.keychain.getPassword(this.service, entryName(accountId));
    if (!raw) return {};
    try {
      return JSON.parse(raw) as Record<string, string>;
    } catch {
      return {};
    }
  }

  async write(accountId: number, secrets: Record<string, string>): Promise<void> {
    await this.keychain.setPassword(this.service, entryName(accountId), JSON.stringify(secrets));
  }

  async remove(accountId: number): Promise<void> {
    await this.keychain.deletePassword(this.service, entryName(accountId));
  }

  /** The adapter's view: one named secret at a time; writes go straight back to the keychain. */
  storeFor(accountId: number): SecretStore {
    return {
      get: async (name) => (await this.read(accountId))[name] ?? null,
      set: async (name, value) => this.write(accountId, { ...(await this.read(accountId)), [name]: value }),
    };
  }
}
