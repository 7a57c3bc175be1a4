/**
 * XRPC failures → typed ChannelErrors. XRPC error bodies are `{ error, message }`; rate limits come
 * as 429 with RateLimit-Limit / -Remaining / -Reset (epoch seconds) / -Policy headers
 * (@atproto/xrpc-server rate-limiter). An expired or unverifiable token is a 400 (PDS) or 401
 * (AppView) with ExpiredToken / InvalidToken: that one is `StaleSession`, which the client answers
 * by refreshing the session before it gives up.
 */
import { ChannelError } from '../types';
import { retryAfter, type HttpFailure } from '../http';

/** A request the server refused, with the XRPC error name for callers that expect one. */
export class XrpcRefusal extends ChannelError {
  constructor(
    readonly xrpcError: string,
    readonly status: number,
    message: string,
  ) {
    super('refused', message);
  }
}

/** An access (or refresh) token the server no longer accepts; renewable, else auth_failed. */
export class StaleSession extends ChannelError {
  constructor(message: string) {
    super('auth_failed', message);
  }
}

const TOKEN_ERRORS = new Set(['ExpiredToken', 'InvalidToken', 'AuthenticationRequired', 'AuthMissing', 'BadJwt']);

export const DM_ACCESS_MISSING =
  'This app password may not read or send direct messages. In Bluesky, create an app password with “Allow access to your direct messages” ticked, then reconnect the account.';

export function xrpcErrorName(body: unknown): { name: string; message: string } {
  const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  return {
    name: typeof b['error'] === 'string' ? b['error'] : '',
    message: typeof b['message'] === 'string' ? b['message'] : '',
  };
}

/** RateLimit-Reset is epoch seconds on Bluesky (not the draft's delta seconds). */
export function rateLimitReset(headers: Headers): number | null {
  const reset = Number(headers.get('ratelimit-reset'));
  return headers.has('ratelimit-reset') && Number.isFinite(reset) && reset > 0 ? reset * 1000 : null;
}

export function classifyXrpc(f: HttpFailure, now: number): ChannelError {
  const { name, message } = xrpcErrorName(f.body);
  const said = message || name || `HTTP ${f.status}`;
  if (f.status === 429 || name === 'RateLimitExceeded') {
    const until = rateLimitReset(f.headers) ?? retryAfter(f.headers, now) ?? now + 60_000;
    return new ChannelError('rate_limited', `Bluesky rate limit reached (${said})`, { retryAt: Math.max(until, now) });
  }
  // The PDS answers "Bad token method" (InvalidToken) when an app password lacks the DM privilege:
  // a missing permission, not a dead session, so refreshing would not help.
  if (message === 'Bad token method') return new ChannelError('refused', DM_ACCESS_MISSING);
  if (message === 'Bad token scope') return new ChannelError('refused', 'An app password may not do this on Bluesky.');
  if (name === 'AccountTakedown' || name === 'AccountDeactivated') {
    return new ChannelError('auth_failed', `Bluesky says the account is unavailable (${said}).`);
  }
  if (f.status === 401 || ((f.status === 400 || f.status === 403) && TOKEN_ERRORS.has(name))) {
    return new StaleSession(`Bluesky did not accept the session (${said})`);
  }
  if (f.status >= 500) {
    // A 500/502/504 to a write may come after the PDS or chat service acted on it; a 503 did not.
    return new ChannelError('transient', `Bluesky server error ${f.status} (${said})`, {
      retryAt: retryAfter(f.headers, now),
      mayHaveLeft: f.writes && f.status !== 503,
    });
  }
  if (name === 'InvalidConvo') return new ChannelError('refused', 'This conversation no longer exists on Bluesky, or the customer left it.');
  if (name === 'ConvoLocked') return new ChannelError('refused', 'This conversation is locked on Bluesky: no new messages can be sent to it.');
  if (f.status === 403) return new XrpcRefusal(name, f.status, `Bluesky refused: permission missing (${said})`);
  return new XrpcRefusal(name, f.status, `Bluesky refused the request (${said})`);
}
