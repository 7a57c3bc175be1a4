/**
 * HTTP for adapters: timeouts, and the mapping from what went wrong to a typed ChannelError.
 * Platform-specific signals (Meta's usage headers, Telegram's retry_after ...) are read by each
 * adapter from the `HttpFailure` details; the generic ones (429 + Retry-After, 401, 5xx, network)
 * are mapped here once.
 */
import { ChannelError } from './types';

export interface HttpOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers?: Record<string, string>;
  /** JSON body (sent as application/json). */
  json?: unknown;
  /** Form body (application/x-www-form-urlencoded). */
  form?: Record<string, string>;
  timeoutMs?: number;
  /** Turns the platform's error body/headers into a specific error, or null for the generic mapping. */
  classify?: (f: HttpFailure) => ChannelError | null;
}

export interface HttpFailure {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
  /** True for requests that change something (POST/PUT/DELETE). */
  writes: boolean;
}

export interface HttpResult<T> {
  status: number;
  headers: Headers;
  body: T;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export async function requestJson<T>(fetchImpl: typeof fetch, url: string, opts: HttpOptions = {}, now: () => number = Date.now): Promise<HttpResult<T>> {
  const method = opts.method ?? (opts.json !== undefined || opts.form ? 'POST' : 'GET');
  const writes = method !== 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  let body: string | undefined;
  if (opts.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(opts.form).toString();
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let res: Response;
  let text: string;
  try {
    res = await fetchImpl(url, { method, headers, body, signal: controller.signal });
    text = await res.text();
  } catch (err) {
    // After the request left, a write may have happened: the outbox must look before resending.
    const what = controller.signal.aborted ? 'timed out' : `network error (${describeCause(err)})`;
    throw new ChannelError('transient', `${new URL(url).host} ${what}`, { mayHaveLeft: writes, cause: err });
  } finally {
    clearTimeout(timer);
  }
  let parsed: unknown = undefined;
  if (text.length > 0) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (res.ok) {
    if (parsed === undefined && text.length > 0) {
      throw new ChannelError('bad_payload', `${new URL(url).host} answered ${res.status} with a body that is not JSON: ${text.slice(0, 120)}`);
    }
    return { status: res.status, headers: res.headers, body: parsed as T };
  }
  const failure: HttpFailure = { status: res.status, headers: res.headers, body: parsed, text, writes };
  throw opts.classify?.(failure) ?? classifyGeneric(failure, now());
}

/** The mapping every HTTP API shares. */
export function classifyGeneric(f: HttpFailure, now: number): ChannelError {
  const detail = errorText(f);
  if (f.status === 429) return new ChannelError('rate_limited', `Rate limited: ${detail}`, { retryAt: retryAfter(f.headers, now) ?? now + 60_000 });
  if (f.status === 401) return new ChannelError('auth_failed', detail);
  if (f.status === 403) return new ChannelError('refused', `Permission missing: ${detail}`);
  if (f.status >= 500) return new ChannelError('transient', `Server error ${f.status}: ${detail}`, { retryAt: retryAfter(f.headers, now) });
  return new ChannelError('refused', `${f.status}: ${detail}`);
}

/** Retry-After as seconds or an HTTP date → ms since epoch. */
export function retryAfter(headers: Headers, now: number): number | null {
  const v = headers.get('retry-after');
  if (!v) return null;
  const seconds = Number(v);
  if (Number.isFinite(seconds)) return now + Math.max(0, seconds) * 1000;
  const date = Date.parse(v);
  return Number.isNaN(date) ? null : date;
}

/** A short human-readable message out of whatever error body the platform sent. */
export function errorText(f: HttpFailure): string {
  const b = f.body as Record<string, unknown> | undefined;
  const pick = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
  const nested = b && typeof b['error'] === 'object' && b['error'] ? (b['error'] as Record<string, unknown>) : undefined;
  return (
    pick(nested?.['message']) ??
    pick(b?.['error_description']) ??
    pick(b?.['description']) ??
    pick(b?.['detail']) ??
    pick(b?.['message']) ??
    pick(b?.['error']) ??
    pick(b?.['title']) ??
    (f.text.slice(0, 200) || `HTTP ${f.status}`)
  );
}

function describeCause(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err as Error).message;
}
