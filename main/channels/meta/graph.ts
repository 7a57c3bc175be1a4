/**
 * Every Graph API request of the Facebook and Instagram adapters goes through here: the Page
 * token from the keychain as a bearer header (never in a URL, so it can't end up in a log or an
 * error), the configured base URL and version, Meta's error codes, and the usage headers, which
 * are kept in `ctx.state` under 'rateLimit' for the UI and to hold back while Meta says the
 * account is throttled.
 */
import { requestJson, type HttpOptions } from '../http';
import { ChannelError, type AdapterContext } from '../types';
import { TOKEN_SECRET, type MetaConfig } from './config';
import { classifyGraphError } from './errors';
import { readUsage, type MetaUsage } from './usage';

export const RATE_STATE_KEY = 'rateLimit';

/** What the UI reads from `ctx.state.get('rateLimit')`. */
export interface RateLimitState {
  updatedAt: number;
  maxPercent: number;
  /** While set and in the future, no request is made: Meta said when access comes back. */
  blockedUntil: number | null;
  usage: MetaUsage | null;
}

export type Params = Record<string, string | number | undefined>;

export interface GraphClient {
  get<T = unknown>(path: string, params?: Params): Promise<T>;
  post<T = unknown>(path: string, body: unknown): Promise<T>;
}

interface GraphDeps {
  fetch: typeof fetch;
  now: () => number;
  cfg: MetaConfig;
  network: string;
  token: () => Promise<string>;
  state?: AdapterContext['state'];
}

export function graphClientFor(ctx: AdapterContext, cfg: MetaConfig, network: string): GraphClient {
  return graphClient({
    fetch: ctx.fetch,
    now: ctx.now,
    cfg,
    network,
    state: ctx.state,
    token: async () => {
      const token = await ctx.secrets.get(TOKEN_SECRET);
      if (!token) throw new ChannelError('auth_failed', `No ${network} Page access token is stored for this account: reconnect it.`);
      return token;
    },
  });
}

export function graphClient(deps: GraphDeps): GraphClient {
  const request = async <T>(method: 'GET' | 'POST', path: string, params: Params | undefined, body: unknown): Promise<T> => {
    const now = deps.now();
    const held = heldUntil(deps.state, now);
    if (held !== null) {
      throw new ChannelError('rate_limited', `${deps.network} asked to wait until ${new Date(held).toISOString()} before calling again.`, { retryAt: held });
    }
    const token = await deps.token();
    const scrub = (text: string): string => (token ? text.split(token).join('[token]') : text);
    let usage: MetaUsage | null = null;
    const opts: HttpOptions = {
      method,
      headers: { Authorization: `Bearer ${token}` },
      timeoutMs: deps.cfg.timeoutMs,
      classify: (f) => {
        usage = readUsage(f.headers, deps.now());
        return classifyGraphError(f, { now: deps.now(), usage, network: deps.network, scrub });
      },
    };
    if (method === 'POST') opts.json = body ?? {};
    try {
      const res = await requestJson<T>(deps.fetch, graphUrl(deps.cfg, path, params), opts, deps.now);
      recordUsage(deps.state, readUsage(res.headers, deps.now()), deps.now(), null);
      return res.body;
    } catch (err) {
      if (err instanceof ChannelError) {
        recordUsage(deps.state, usage, deps.now(), err.kind === 'rate_limited' ? err.retryAt : null);
        // The generic network/timeout messages name only the host; scrub anyway, cheaply.
        if (err.message.includes(token)) throw new ChannelError(err.kind, scrub(err.message), { retryAt: err.retryAt, mayHaveLeft: err.mayHaveLeft });
      }
      throw err;
    }
  };
  return {
    get: (path, params) => request('GET', path, params, undefined),
    post: (path, body) => request('POST', path, undefined, body),
  };
}

export function graphUrl(cfg: MetaConfig, path: string, params: Params = {}): string {
  const url = new URL(`${cfg.baseUrl}/${cfg.graphVersion}/${path.split('/').map(encodeURIComponent).join('/')}`);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, String(v));
  return url.toString();
}

function heldUntil(state: AdapterContext['state'] | undefined, now: number): number | null {
  const raw = state?.get(RATE_STATE_KEY);
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as Partial<RateLimitState>;
    return typeof s.blockedUntil === 'number' && s.blockedUntil > now ? s.blockedUntil : null;
  } catch {
    return null;
  }
}

function recordUsage(state: AdapterContext['state'] | undefined, usage: MetaUsage | null, now: number, blockedUntil: number | null): void {
  if (!state || (!usage && blockedUntil === null)) return;
  const s: RateLimitState = { updatedAt: now, maxPercent: usage?.maxPercent ?? 100, blockedUntil, usage };
  state.set(RATE_STATE_KEY, JSON.stringify(s));
}
