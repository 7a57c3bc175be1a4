/**
 * HTTP to one Mastodon server: the bearer token from the keychain, the rate-limit headers
 * remembered (X-RateLimit-Reset is an ISO 8601 date, not epoch seconds), Mastodon's
 * `{ error, error_description? }` bodies turned into ChannelErrors people can read, and the
 * Link header that carries the paging ids.
 */
import { errorText, requestJson, retryAfter, type HttpFailure, type HttpResult } from '../http';
import { ChannelError } from '../types';

export const DEFAULT_BASE_URL = 'https://mastodon.social';
const DEFAULT_TIMEOUT_MS = 20_000;
/** Mastodon's API buckets are 5-minute windows; used when a 429 names no reset time. */
const DEFAULT_RATE_WINDOW_MS = 5 * 60_000;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface RateBudget {
  limit: number;
  remaining: number;
  /** When the window resets, ms since epoch. */
  resetAt: number | null;
  seenAt: number;
}

export interface ClientOptions {
  baseUrl: string;
  fetch: typeof fetch;
  now: () => number;
  timeoutMs: number;
  /** Resolves the token when a request needs it; never stored on the client. */
  token: () => Promise<string | null>;
  onBudget?: (budget: RateBudget) => void;
}

export interface CallOptions {
  method?: 'GET' | 'POST';
  query?: Array<[string, string]>;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** What a 404 means for this call, in words; default: the thing is gone. */
  notFound?: string;
  /** Public endpoints (instance info) still get the token, but don't fail without one. */
  tokenOptional?: boolean;
}

/**
 * The instance address as typed by a person ("mastodon.social/", "https://x.y") → origin URL.
 * Throws `refused` for something that is not a web address.
 */
export function baseUrlOf(config: Record<string, unknown>): string {
  const v = config['baseUrl'];
  const typed = typeof v === 'string' && v.trim() ? v.trim() : DEFAULT_BASE_URL;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `https://${typed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ChannelError('refused', `"${typed}" is not a Mastodon server address (expected something like https://mastodon.social).`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ChannelError('refused', `"${typed}" is not a Mastodon server address (expected something like https://mastodon.social).`);
  }
  // The token travels in every request: plain http only to this machine (a local test server).
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    throw new ChannelError('refused', `Use the https:// address of ${url.host}: the access token must not travel unencrypted.`);
  }
  // Keep a path prefix (a server behind /mastodon), drop the trailing slash.
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function timeoutOf(config: Record<string, unknown>): number {
  const v = Number(config['timeoutMs']);
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_TIMEOUT_MS;
}

export class MastodonClient {
  readonly host: string;

  constructor(private readonly opts: ClientOptions) {
    this.host = new URL(opts.baseUrl).host;
  }

  async call<T>(path: string, opts: CallOptions = {}): Promise<HttpResult<T>> {
    const token = await this.opts.token();
    if (!token && !opts.tokenOptional) {
      throw new ChannelError('auth_failed', 'No Mastodon access token is stored for this account. Reconnect it.');
    }
    const qs = opts.query && opts.query.length > 0 ? `?${new URLSearchParams(opts.query).toString()}` : '';
    const headers: Record<string, string> = { ...opts.headers };
    if (token) headers['Authorization'] = `Bearer ${token}`;
    const res = await requestJson<T>(
      this.opts.fetch,
      `${this.opts.baseUrl}${path}${qs}`,
      {
        method: opts.method ?? (opts.form ? 'POST' : 'GET'),
        headers,
        form: opts.form,
        timeoutMs: this.opts.timeoutMs,
        classify: (f) => {
          this.noteBudget(f.headers);
          return classify(f, this.opts.now(), opts.notFound);
        },
      },
      this.opts.now,
    );
    this.noteBudget(res.headers);
    return res;
  }

  private noteBudget(headers: Headers): void {
    const budget = readBudget(headers, this.opts.now());
    if (budget) this.opts.onBudget?.(budget);
  }
}

/** X-RateLimit-* → a budget, or null when the server sent none. */
export function readBudget(headers: Headers, now: number): RateBudget | null {
  const limit = Number(headers.get('x-ratelimit-limit'));
  const remaining = Number(headers.get('x-ratelimit-remaining'));
  if (!headers.has('x-ratelimit-limit') || !Number.isFinite(limit) || !Number.isFinite(remaining)) return null;
  return { limit, remaining, resetAt: parseReset(headers.get('x-ratelimit-reset')), seenAt: now };
}

/** Mastodon sends an ISO 8601 date; a bare number is read as epoch seconds (other servers). */
export function parseReset(value: string | null): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : at;
}

function classify(f: HttpFailure, now: number, notFound: string | undefined): ChannelError {
  const detail = errorText(f);
  switch (f.status) {
    case 401:
      // Doorkeeper answers 401 for an unknown, expired or revoked token alike.
      return new ChannelError('auth_failed', `Mastodon refused the access token (${detail}). Create a new token and reconnect the account.`);
    case 403:
      return new ChannelError(
        'refused',
        `Mastodon says the access token may not do this (${detail}). Create a token with read:notifications, read:statuses, read:accounts and write:statuses.`,
      );
    case 404:
      return new ChannelError('refused', notFound ?? `Mastodon has no such thing any more (${detail}).`);
    case 422:
      return new ChannelError('refused', `Mastodon did not accept it: ${detail}`);
    case 429: {
      const resetAt = parseReset(f.headers.get('x-ratelimit-reset')) ?? retryAfter(f.headers, now);
      const retryAt = resetAt !== null && resetAt > now ? resetAt : now + DEFAULT_RATE_WINDOW_MS;
      return new ChannelError('rate_limited', `Mastodon rate limit reached (${detail}).`, { retryAt });
    }
  }
  if (f.status >= 500) {
    // A gateway that gave up waiting may have let the post through: the outbox must look first.
    const mayHaveLeft = f.writes && (f.status === 502 || f.status === 504);
    return new ChannelError('transient', `Mastodon server error ${f.status}: ${detail}`, { retryAt: retryAfter(f.headers, now), mayHaveLeft });
  }
  return new ChannelError('refused', `Mastodon answered ${f.status}: ${detail}`);
}

/** The Link header's relations → their URLs (RFC 8288, the subset Mastodon writes). */
export function parseLink(header: string | null): Map<string, URL> {
  const links = new Map<string, URL>();
  if (!header) return links;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /<([^>]*)>\s*;(.*)$/.exec(part.trim());
    if (!m) continue;
    const rel = /rel="?([^";]+)"?/i.exec(m[2] ?? '')?.[1];
    if (!rel) continue;
    try {
      for (const r of rel.trim().split(/\s+/)) links.set(r.toLowerCase(), new URL(m[1] ?? ''));
    } catch {
      // An unparseable link is as good as none: the caller falls back to the item ids.
    }
  }
  return links;
}

/**
 * The paging id of rel="prev" (the newest item of the page): where the next forward walk
 * starts. Mastodon ≥ 2.6 writes min_id there; older servers wrote since_id.
 */
export function prevCursor(headers: Headers): string | null {
  const prev = parseLink(headers.get('link')).get('prev');
  return prev?.searchParams.get('min_id') ?? prev?.searchParams.get('since_id') ?? null;
}

/** Orders Mastodon ids: numeric strings by value (without losing precision), others as text. */
export function compareIds(a: string, b: string): number {
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b)) {
    const x = a.replace(/^0+(?=\d)/, '');
    const y = b.replace(/^0+(?=\d)/, '');
    if (x.length !== y.length) return x.length - y.length;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
