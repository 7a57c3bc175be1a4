/**
 * The XRPC client: one authenticated session per account, kept in the keychain as JSON under
 * 'session' ({ accessJwt, refreshJwt, did, handle, pds }). Sign-in (createSession) goes to the
 * configured entryway; afterwards every call goes to the PDS named in the session's DID document
 * (service `#atproto_pds`), as the API hosts guide describes. A call that fails with an expired or
 * unverifiable token refreshes the session (refreshSession, Bearer refreshJwt) and, when that is
 * refused too, signs in again with the app password; only when that fails is it `auth_failed`.
 * Chat calls go to the same PDS with `atproto-proxy: did:web:api.bsky.chat#bsky_chat`.
 */
import { z } from 'zod';
import { requestJson, type HttpFailure } from '../http';
import { ChannelError, type AdapterContext } from '../types';
import type { BlueskyConfig } from './config';
import { classifyXrpc, rateLimitReset, StaleSession } from './errors';
import { didDoc, didService, sessionOutput } from './schemas';

export const CHAT_PROXY = 'did:web:api.bsky.chat#bsky_chat';

export interface Session {
  accessJwt: string;
  refreshJwt: string;
  did: string;
  handle: string;
  pds: string;
}

const storedSession = sessionOutput.omit({ didDoc: true }).extend({ pds: z.string() });

type Param = string | number | boolean | readonly string[] | undefined;
export interface CallOptions {
  params?: Record<string, Param>;
  json?: unknown;
  chat?: boolean;
}

/** Secrets the client reads and writes; the adapter's keychain, or a scratch map when verifying. */
export type Secrets = AdapterContext['secrets'];

export class XrpcClient {
  private session: Session | null = null;
  private renewing: Promise<Session> | null = null;

  constructor(
    private readonly ctx: Pick<AdapterContext, 'fetch' | 'now' | 'state' | 'secrets'>,
    private readonly cfg: BlueskyConfig,
  ) {}

  async current(): Promise<Session> {
    if (this.session) return this.session;
    const parsed = storedSession.safeParse(safeJson(await this.ctx.secrets.get('session')));
    this.session = parsed.success ? parsed.data : await this.signIn();
    return this.session;
  }

  query<T>(nsid: string, params: Record<string, Param> = {}, opts: { chat?: boolean } = {}): Promise<T> {
    return this.call<T>('GET', nsid, { params, chat: opts.chat });
  }

  procedure<T>(nsid: string, json: unknown, opts: { chat?: boolean } = {}): Promise<T> {
    return this.call<T>('POST', nsid, { json, chat: opts.chat });
  }

  /** Signs in afresh (verify, and the last resort when a session can't be refreshed). */
  async signIn(): Promise<Session> {
    const password = await this.ctx.secrets.get('appPassword');
    if (!this.cfg.identifier || !password) {
      throw new ChannelError('auth_failed', 'The Bluesky handle or app password is missing: reconnect the account.');
    }
    const body = await this.sessionCall(`${this.cfg.baseUrl}/xrpc/com.atproto.server.createSession`, {
      json: { identifier: this.cfg.identifier, password },
    }).catch((err: unknown) => {
      if (err instanceof StaleSession) {
        throw new ChannelError('auth_failed', 'Bluesky did not accept the handle and app password (revoked or mistyped): reconnect the account.');
      }
      throw err;
    });
    return this.keep(body, this.cfg.baseUrl);
  }

  private async call<T>(method: 'GET' | 'POST', nsid: string, opts: CallOptions): Promise<T> {
    let session = await this.current();
    try {
      return await this.send<T>(session, method, nsid, opts);
    } catch (err) {
      if (!(err instanceof StaleSession)) throw err;
      session = await this.renew(session);
      // Rejected before it ran, so a write is safe to repeat; a second refusal is final.
      return await this.send<T>(session, method, nsid, opts);
    }
  }

  private async send<T>(session: Session, method: 'GET' | 'POST', nsid: string, opts: CallOptions): Promise<T> {
    const headers: Record<string, string> = { Authorization: `Bearer ${session.accessJwt}` };
    if (opts.chat) headers['atproto-proxy'] = CHAT_PROXY;
    const url = `${session.pds}/xrpc/${nsid}${queryString(opts.params)}`;
    const res = await requestJson<T>(
      this.ctx.fetch,
      url,
      { method, headers, json: opts.json, timeoutMs: this.cfg.timeoutMs, classify: (f) => this.classify(f) },
      this.ctx.now,
    );
    this.noteBudget(res.headers);
    return res.body;
  }

  /** One renewal at a time: two streams failing together must not rotate the refresh token twice. */
  private renew(stale: Session): Promise<Session> {
    if (this.session && this.session.accessJwt !== stale.accessJwt) return Promise.resolve(this.session);
    this.renewing ??= this.refreshOrSignIn(stale).finally(() => (this.renewing = null));
    return this.renewing;
  }

  private async refreshOrSignIn(stale: Session): Promise<Session> {
    // Another adapter instance of this account may have renewed already (refresh tokens rotate).
    const stored = storedSession.safeParse(safeJson(await this.ctx.secrets.get('session')));
    if (stored.success && stored.data.accessJwt !== stale.accessJwt) return (this.session = stored.data);
    try {
      const body = await this.sessionCall(`${stale.pds}/xrpc/com.atproto.server.refreshSession`, { bearer: stale.refreshJwt });
      return await this.keep(body, stale.pds);
    } catch (err) {
      // Only a refused refresh token calls for a new sign-in; an outage must not spend the
      // createSession budget (30 per 5 minutes per account).
      if (!(err instanceof ChannelError && err.kind === 'auth_failed')) throw err;
    }
    this.session = null;
    return this.signIn();
  }

  private async sessionCall(url: string, opts: { json?: unknown; bearer?: string }): Promise<z.infer<typeof sessionOutput>> {
    let res;
    try {
      res = await requestJson<unknown>(
        this.ctx.fetch,
        url,
        {
          method: 'POST',
          json: opts.json,
          headers: opts.bearer ? { Authorization: `Bearer ${opts.bearer}` } : {},
          timeoutMs: this.cfg.timeoutMs,
          classify: (f) => this.classify(f),
        },
        this.ctx.now,
      );
    } catch (err) {
      // A session body may hold tokens: never let its text into an error message.
      if (err instanceof ChannelError && err.kind === 'bad_payload') throw new ChannelError('bad_payload', 'Bluesky sent an unreadable session.');
      throw err;
    }
    this.noteBudget(res.headers);
    const parsed = sessionOutput.safeParse(res.body);
    if (!parsed.success) throw new ChannelError('bad_payload', 'Bluesky sent an unreadable session.');
    return parsed.data;
  }

  private async keep(body: z.infer<typeof sessionOutput>, fallbackPds: string): Promise<Session> {
    const session: Session = {
      accessJwt: body.accessJwt,
      refreshJwt: body.refreshJwt,
      did: body.did,
      handle: body.handle,
      pds: pdsFrom(body.didDoc, this.cfg.baseUrl) ?? fallbackPds,
    };
    await this.ctx.secrets.set('session', JSON.stringify(session));
    this.session = session;
    return session;
  }

  private classify(f: HttpFailure) {
    this.noteBudget(f.headers);
    return classifyXrpc(f, this.ctx.now());
  }

  /** Exposes the request budget the server reports, for the settings screen and the poller. */
  private noteBudget(headers: Headers): void {
    const limit = headers.get('ratelimit-limit');
    const remaining = headers.get('ratelimit-remaining');
    if (limit === null || remaining === null) return;
    this.ctx.state.set(
      'rateLimit',
      JSON.stringify({
        limit: Number(limit),
        remaining: Number(remaining),
        resetAt: rateLimitReset(headers),
        policy: headers.get('ratelimit-policy'),
        seenAt: this.ctx.now(),
      }),
    );
  }
}

/**
 * The PDS the DID document names. Tokens go there, so only an https endpoint is trusted (or a
 * loopback one when the entryway itself is loopback, as in tests).
 */
export function pdsFrom(doc: unknown, baseUrl: string): string | null {
  const parsed = didDoc.safeParse(doc);
  if (!parsed.success) return null;
  for (const raw of parsed.data.service ?? []) {
    const s = didService.safeParse(raw);
    if (!s.success || !s.data.id.endsWith('#atproto_pds') || typeof s.data.serviceEndpoint !== 'string') continue;
    let url: URL;
    try {
      url = new URL(s.data.serviceEndpoint);
    } catch {
      continue;
    }
    const loopback = (u: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
    if (url.protocol === 'https:' || (loopback(url) && loopback(new URL(baseUrl)))) return url.origin;
  }
  return null;
}

function queryString(params: Record<string, Param> | undefined): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value as readonly string[]) q.append(key, v);
    else q.append(key, String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

function safeJson(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
