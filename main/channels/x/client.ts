/**
 * HTTP to the X API v2 for one account: bearer token from the keychain, one transparent token
 * refresh after a 401 (OAuth 2.0 PKCE access tokens live two hours), the rate-limit headers
 * remembered for the UI, and X's error bodies turned into ChannelErrors people can read.
 */
import { requestJson, retryAfter, type HttpFailure, type HttpOptions, type HttpResult } from '../http';
import { ChannelError, type AdapterContext } from '../types';
import { TokenSchema } from './schemas';

export const DEFAULT_BASE_URL = 'https://api.x.com';
const DEFAULT_TIMEOUT_MS = 20_000;

/** Thrown inside this module for a 401 so the caller can refresh once before giving up. */
class Unauthorized extends ChannelError {}

/** X no longer knows a pagination token we stored (a 400 naming pagination_token). */
export class StalePageToken extends ChannelError {}

export interface RateBudget {
  endpoint: string;
  limit: number;
  remaining: number;
  /** When the window resets, ms since epoch (x-rate-limit-reset is in seconds). */
  resetAt: number;
  seenAt: number;
}

export function baseUrlOf(config: Record<string, unknown>): string {
  const v = config['baseUrl'];
  return (typeof v === 'string' && v.trim() ? v.trim() : DEFAULT_BASE_URL).replace(/\/+$/, '');
}

export function timeoutOf(config: Record<string, unknown>): number {
  const v = Number(config['timeoutMs']);
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_TIMEOUT_MS;
}

export class XClient {
  readonly baseUrl: string;
  private readonly timeoutMs: number;
  /** One refresh at a time: X rotates refresh tokens, so a second concurrent refresh would fail. */
  private refreshing: Promise<string> | null = null;

  constructor(private readonly ctx: AdapterContext) {
    this.baseUrl = baseUrlOf(ctx.account.config);
    this.timeoutMs = timeoutOf(ctx.account.config);
  }

  /** GET/POST `path` (with query) as the brand account; `label` names the endpoint in messages. */
  async call<T>(label: string, path: string, opts: Omit<HttpOptions, 'headers' | 'timeoutMs' | 'classify'> = {}): Promise<HttpResult<T>> {
    const token = await this.accessToken();
    try {
      return await this.send<T>(label, path, token, opts);
    } catch (err) {
      if (!(err instanceof Unauthorized)) throw err;
      const fresh = await this.refresh(token);
      try {
        return await this.send<T>(label, path, fresh, opts);
      } catch (again) {
        if (again instanceof Unauthorized) throw reconnect(`X still refuses the renewed sign-in (${again.message}).`);
        throw again;
      }
    }
  }

  private async send<T>(label: string, path: string, token: string, opts: Omit<HttpOptions, 'headers' | 'timeoutMs' | 'classify'>) {
    const res = await requestJson<T>(
      this.ctx.fetch,
      `${this.baseUrl}${path}`,
      {
        ...opts,
        headers: { Authorization: `Bearer ${token}` },
        timeoutMs: this.timeoutMs,
        classify: (f) => {
          this.noteBudget(label, f.headers);
          return classifyX(f, this.ctx.now(), label);
        },
      },
      this.ctx.now,
    );
    this.noteBudget(label, res.headers);
    return res;
  }

  private async accessToken(): Promise<string> {
    const token = await this.ctx.secrets.get('accessToken');
    if (!token) throw reconnect('No X access token is stored for this account.');
    return token;
  }

  private refresh(used: string): Promise<string> {
    this.refreshing ??= this.doRefresh(used).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(used: string): Promise<string> {
    // Another request may have renewed the token while this one was in flight.
    const current = await this.ctx.secrets.get('accessToken');
    if (current && current !== used) return current;
    const refreshToken = await this.ctx.secrets.get('refreshToken');
    const clientId = this.ctx.account.config['clientId'];
    if (!refreshToken || typeof clientId !== 'string' || !clientId) {
      throw reconnect('The X sign-in expired and no refresh token and client id are stored to renew it.');
    }
    const res = await requestJson<unknown>(
      this.ctx.fetch,
      `${this.baseUrl}/2/oauth2/token`,
      {
        method: 'POST',
        form: { refresh_token: refreshToken, grant_type: 'refresh_token', client_id: clientId },
        timeoutMs: this.timeoutMs,
        classify: (f) => {
          // 400 invalid_request / 401: the refresh token was revoked, expired or already used.
          if (f.status === 400 || f.status === 401) return reconnect(`X refused to renew the sign-in (${problemText(f)}).`);
          return classifyX(f, this.ctx.now(), 'token refresh');
        },
      },
      this.ctx.now,
    );
    const parsed = TokenSchema.safeParse(res.body);
    if (!parsed.success) throw new ChannelError('bad_payload', 'X answered the token refresh with an unexpected body.');
    // Refresh token first: if we stop in between, the old access token fails and the new refresh token still works.
    if (parsed.data.refresh_token) await this.ctx.secrets.set('refreshToken', parsed.data.refresh_token);
    await this.ctx.secrets.set('accessToken', parsed.data.access_token);
    return parsed.data.access_token;
  }

  private noteBudget(endpoint: string, headers: Headers): void {
    const limit = Number(headers.get('x-rate-limit-limit'));
    const remaining = Number(headers.get('x-rate-limit-remaining'));
    const reset = Number(headers.get('x-rate-limit-reset'));
    if (!headers.has('x-rate-limit-limit') || ![limit, remaining, reset].every(Number.isFinite)) return;
    const budget: RateBudget = { endpoint, limit, remaining, resetAt: reset * 1000, seenAt: this.ctx.now() };
    this.ctx.state.set('rateLimit', JSON.stringify(budget));
  }
}

function reconnect(why: string): ChannelError {
  return new ChannelError('auth_failed', `${why} Reconnect the X account.`);
}

/** X's problem JSON ({ title, detail, type, status }) or `errors` array, in a few words. */
export function problemText(f: Pick<HttpFailure, 'body' | 'text' | 'status'>): string {
  const b = f.body && typeof f.body === 'object' ? (f.body as Record<string, unknown>) : {};
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  const first = Array.isArray(b['errors']) && b['errors'][0] && typeof b['errors'][0] === 'object' ? (b['errors'][0] as Record<string, unknown>) : {};
  return (
    str(b['detail']) ??
    str(first['detail']) ??
    str(first['message']) ??
    str(b['error_description']) ??
    str(b['title']) ??
    str(b['error']) ??
    (f.text.slice(0, 200) || `HTTP ${f.status}`)
  );
}

/** When a 429 ends: the window that ran out (15-minute, or the 24-hour user/app caps on posting). */
export function rateLimitedUntil(headers: Headers, now: number): number {
  const num = (name: string) => {
    const v = headers.get(name);
    return v === null || v.trim() === '' ? null : Number(v);
  };
  const windows: Array<[string, string]> = [
    ['x-rate-limit-remaining', 'x-rate-limit-reset'],
    ['x-user-limit-24hour-remaining', 'x-user-limit-24hour-reset'],
    ['x-app-limit-24hour-remaining', 'x-app-limit-24hour-reset'],
  ];
  for (const [remaining, reset] of windows) {
    const r = num(remaining);
    const at = num(reset);
    if (r === 0 && at !== null && Number.isFinite(at) && at * 1000 > now) return at * 1000;
  }
  // No exhausted window named: trust Retry-After, then the 15-minute reset, then a minute.
  const reset = num('x-rate-limit-reset');
  const resetAt = reset !== null && Number.isFinite(reset) && reset * 1000 > now ? reset * 1000 : null;
  return retryAfter(headers, now) ?? resetAt ?? now + 60_000;
}

export function classifyX(f: HttpFailure, now: number, label: string): ChannelError {
  const detail = problemText(f);
  if (f.status === 429) {
    const until = rateLimitedUntil(f.headers, now);
    return new ChannelError('rate_limited', `X rate limit reached for ${label} (${detail}).`, { retryAt: until });
  }
  if (f.status === 401) return new Unauthorized('auth_failed', `X did not accept the sign-in: ${detail}.`);
  if (f.status >= 500) {
    return new ChannelError('transient', `X had a server error (${f.status}) on ${label}: ${detail}.`, { retryAt: retryAfter(f.headers, now) });
  }
  const type = typeof (f.body as Record<string, unknown> | undefined)?.['type'] === 'string' ? String((f.body as Record<string, unknown>)['type']) : '';
  if (f.status === 403 && /client-forbidden|client-not-enrolled/.test(type + detail)) {
    return new ChannelError('refused', `The X developer app may not use ${label}: attach it to a Project with API access (${detail}).`);
  }
  if (f.status === 403) return new ChannelError('refused', `X refused ${label}: ${detail}`);
  if (f.status === 400 && f.text.includes('pagination_token')) return new StalePageToken('refused', `X no longer accepts the page token for ${label}.`);
  return new ChannelError('refused', `X refused ${label} (${f.status}): ${detail}`);
}
