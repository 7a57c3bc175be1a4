/**
 * Bluesky account settings as stored in `account.config` (non-secret), with the defaults of the
 * real service. Secrets never pass through here: the app password and the session live in the
 * keychain (`ctx.secrets`: 'appPassword', 'session').
 */
export interface BlueskyConfig {
  /** The PDS entryway the person signs in at; the session's DID document may name another PDS. */
  baseUrl: string;
  /** Handle or DID typed in the connect form. */
  identifier: string;
  timeoutMs: number;
  pageSize: number;
  /** False when the app password may not use direct messages (checked when connecting). */
  dms: boolean;
  /** The brand's DID, once known (verify stores it); sessions give it anyway. */
  did: string | null;
}

export const DEFAULT_BASE_URL = 'https://bsky.social';
const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_PAGE = 50;

export function readConfig(config: Record<string, unknown>): BlueskyConfig {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const num = (v: unknown, fallback: number, min: number, max: number) =>
    typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, Math.round(v))) : fallback;
  return {
    baseUrl: (str(config['baseUrl']) ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
    identifier: (str(config['identifier']) ?? '').replace(/^@/, ''),
    timeoutMs: num(config['timeoutMs'], DEFAULT_TIMEOUT_MS, 50, 120_000),
    // listNotifications, getAuthorFeed, listConvos and getMessages all cap `limit` at 100.
    pageSize: num(config['pageSize'], DEFAULT_PAGE, 1, 100),
    dms: config['dms'] !== false,
    did: str(config['did']),
  };
}
