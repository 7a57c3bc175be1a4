/**
 * A fake Mastodon server on 127.0.0.1 speaking the endpoints the adapter uses, with the
 * documented shapes: Account/Status/Notification/Conversation entities, Link paging with
 * max_id/min_id (conversations paged by last_status_id), `{ error }` bodies, Doorkeeper's 401s,
 * the 403 for a missing scope, X-RateLimit-* headers on every API answer and a 429 with an ISO
 * 8601 X-RateLimit-Reset, Idempotency-Key kept for an hour, and the 404 for a reply to a deleted
 * post.
 *
 * Test controls: seed accounts, mentions, direct messages and the brand's own posts; queue faults
 * for the next request(s) to an endpoint; revoke the token; change scopes or the budget; and read
 * back every request and every reply that landed.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FakeAccount {
  id: string;
  username: string;
  /** null for accounts of the fake server itself. */
  domain: string | null;
  displayName: string;
  followers: number;
}

export interface FakeStatus {
  id: string;
  createdAt: number;
  accountId: string;
  text: string;
  visibility: 'public' | 'unlisted' | 'private' | 'direct';
  inReplyToId: string | null;
  mentionIds: string[];
  deleted: boolean;
}

export interface FakeNotification {
  id: string;
  type: string;
  createdAt: number;
  accountId: string;
  statusId: string | null;
}

/** A status created through POST /api/v1/statuses (repeats answered from the idempotency store are not here). */
export interface ReceivedReply {
  id: string;
  status: string;
  inReplyToId: string | null;
  visibility: string;
  idempotencyKey: string | null;
  contentType: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Fault =
  /** Answer with this instead of the real thing. */
  | { status: number; body?: unknown; headers?: Record<string, string> }
  /** Answer after `ms` (a POST is carried out first: the reply lands, the answer is late). */
  | { kind: 'slow'; ms: number }
  /** Destroy the socket once the request was read; `processed`: after carrying it out. */
  | { kind: 'drop'; processed?: boolean }
  /** 200 with a truncated JSON body. */
  | { kind: 'malformed' }
  /** The real page, with item `index` (default 0, the newest) made invalid. */
  | { kind: 'broken-item'; index?: number };

/** Endpoint keys for `fault`. */
export type Endpoint =
  | 'GET /api/v1/accounts/verify_credentials'
  | 'GET /api/v2/instance'
  | 'GET /api/v1/instance'
  | 'GET /api/v1/notifications'
  | 'GET /api/v1/conversations'
  | 'GET /api/v1/statuses/:id'
  | 'GET /api/v1/statuses/:id/context'
  | 'GET /api/v1/accounts/:id/statuses'
  | 'POST /api/v1/statuses';

export interface MastodonFakeOptions {
  /** The fake's clock (created_at, idempotency expiry, rate windows); Date.now by default. */
  now?: () => number;
  token?: string;
  maxCharacters?: number;
}

const ALL_SCOPES = ['read:notifications', 'read:statuses', 'read:accounts', 'write:statuses'];
const IDEMPOTENCY_TTL_MS = 3_600_000;
const RATE_PERIOD_MS = 5 * 60_000;
const HOST_DOMAIN = 'harbor.example';

export async function startMastodonFake(opts: MastodonFakeOptions = {}) {
  const now = opts.now ?? Date.now;
  const token = opts.token ?? 'fake-mastodon-token';
  const accounts = new Map<string, FakeAccount>();
  const statuses = new Map<string, FakeStatus>();
  const notifications: FakeNotification[] = [];
  const conversationIds = new Map<string, string>();
  const idempotency = new Map<string, { statusId: string; expiresAt: number }>();
  const faults = new Map<string, Fault[]>();
  const replies: ReceivedReply[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let revoked = false;
  let scopes = [...ALL_SCOPES];
  let maxCharacters = opts.maxCharacters ?? 500;
  let instanceV2 = true;
  const rate = { limit: 300, remaining: 300, resetAt: 0 };
  let nextAccount = 100;
  let nextStatus = 110_000_000_000_000_000n;
  let nextNotification = 1000;
  let nextConversation = 500;

  const addAccount = (a: { username: string; domain?: string | null; displayName?: string; followers?: number; id?: string }): FakeAccount => {
    const account: FakeAccount = {
      id: a.id ?? String(nextAccount++),
      username: a.username,
      domain: a.domain ?? null,
      displayName: a.displayName ?? a.username,
      followers: a.followers ?? 0,
    };
    accounts.set(account.id, account);
    return account;
  };
  const brand = addAccount({ id: '1', username: 'harbor', displayName: 'Harbor Coffee', followers: 1200 });

  const acctOf = (a: FakeAccount) => (a.domain ? `${a.username}@${a.domain}` : a.username);
  const findByAcct = (acct: string): FakeAccount | undefined => {
    const [user, domain] = acct.toLowerCase().split('@');
    return [...accounts.values()].find(
      (a) => a.username.toLowerCase() === user && (a.domain ?? HOST_DOMAIN).toLowerCase() === (domain ?? HOST_DOMAIN),
    );
  };

  const createStatus = (s: Omit<FakeStatus, 'id' | 'createdAt' | 'deleted' | 'mentionIds'> & { at?: number }): FakeStatus => {
    nextStatus += 65_536n;
    const mentionIds: string[] = [];
    for (const m of s.text.matchAll(/(?<![\w@/])@([\w]+(?:@[\w-]+(?:\.[\w-]+)+)?)/g)) {
      const found = findByAcct(m[1] ?? '');
      if (found && !mentionIds.includes(found.id)) mentionIds.push(found.id);
    }
    const status: FakeStatus = {
      id: String(nextStatus),
      createdAt: s.at ?? now(),
      accountId: s.accountId,
      text: s.text,
      visibility: s.visibility,
      inReplyToId: s.inReplyToId,
      mentionIds,
      deleted: false,
    };
    statuses.set(status.id, status);
    if (status.accountId !== brand.id && mentionIds.includes(brand.id)) notify('mention', status.accountId, status.id, status.createdAt);
    return status;
  };

  const notify = (type: string, accountId: string, statusId: string | null, at = now()): FakeNotification => {
    const n: FakeNotification = { id: String(nextNotification++), type, createdAt: at, accountId, statusId };
    notifications.push(n);
    return n;
  };

  // -------------------------------------------------------------------------------------------
  // Rendering, with the entity field names of docs.joinmastodon.org/entities

  const iso = (ms: number) => new Date(ms).toISOString();
  const base = () => `http://127.0.0.1:${port}`;

  const renderAccount = (a: FakeAccount) => ({
    id: a.id,
    username: a.username,
    acct: acctOf(a),
    display_name: a.displayName,
    locked: false,
    bot: false,
    discoverable: true,
    group: false,
    created_at: '2022-03-01T00:00:00.000Z',
    note: '<p></p>',
    url: `https://${a.domain ?? HOST_DOMAIN}/@${a.username}`,
    avatar: `https://${HOST_DOMAIN}/avatars/original/missing.png`,
    avatar_static: `https://${HOST_DOMAIN}/avatars/original/missing.png`,
    header: `https://${HOST_DOMAIN}/headers/original/missing.png`,
    header_static: `https://${HOST_DOMAIN}/headers/original/missing.png`,
    followers_count: a.followers,
    following_count: 10,
    statuses_count: [...statuses.values()].filter((s) => s.accountId === a.id).length,
    last_status_at: '2026-11-22',
    emojis: [],
    fields: [],
  });

  const renderContent = (text: string): string => {
    const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    const inline = (line: string) =>
      escape(line)
        .replace(/https?:\/\/[^\s<]+/g, (url) => {
          const [, scheme = '', rest = ''] = /^(https?:\/\/)(.*)$/.exec(url) ?? [];
          return `<a href="${url}" target="_blank" rel="nofollow noopener noreferrer"><span class="invisible">${scheme}</span><span class="">${rest}</span><span class="invisible"></span></a>`;
        })
        .replace(/(?<![\w@/])@([\w]+)(?:@([\w-]+(?:\.[\w-]+)+))?/g, (whole, user: string, domain: string | undefined) => {
          const a = findByAcct(domain ? `${user}@${domain}` : user);
          if (!a) return whole;
          return `<span class="h-card" translate="no"><a href="https://${a.domain ?? HOST_DOMAIN}/@${a.username}" class="u-url mention">@<span>${a.username}</span></a></span>`;
        });
    return text
      .split(/\n{2,}/)
      .map((p) => `<p>${p.split('\n').map(inline).join('<br />')}</p>`)
      .join('');
  };

  const renderStatus = (s: FakeStatus): Record<string, unknown> => {
    const author = accounts.get(s.accountId)!;
    const parent = s.inReplyToId ? statuses.get(s.inReplyToId) : undefined;
    return {
      id: s.id,
      created_at: iso(s.createdAt),
      in_reply_to_id: s.inReplyToId,
      in_reply_to_account_id: parent?.accountId ?? null,
      sensitive: false,
      spoiler_text: '',
      visibility: s.visibility,
      language: 'en',
      uri: `https://${author.domain ?? HOST_DOMAIN}/users/${author.username}/statuses/${s.id}`,
      url: `https://${author.domain ?? HOST_DOMAIN}/@${author.username}/${s.id}`,
      replies_count: [...statuses.values()].filter((x) => x.inReplyToId === s.id && !x.deleted).length,
      reblogs_count: 0,
      favourites_count: 0,
      edited_at: null,
      favourited: false,
      reblogged: false,
      muted: false,
      bookmarked: false,
      content: renderContent(s.text),
      filtered: [],
      reblog: null,
      application: { name: 'Web', website: null },
      account: renderAccount(author),
      media_attachments: [],
      mentions: s.mentionIds.map((id) => {
        const a = accounts.get(id)!;
        return { id: a.id, username: a.username, url: `https://${a.domain ?? HOST_DOMAIN}/@${a.username}`, acct: acctOf(a) };
      }),
      tags: [],
      emojis: [],
      card: null,
      poll: null,
    };
  };

  const renderNotification = (n: FakeNotification) => ({
    id: n.id,
    type: n.type,
    created_at: iso(n.createdAt),
    group_key: `ungrouped-${n.id}`,
    account: renderAccount(accounts.get(n.accountId)!),
    ...(n.statusId ? { status: renderStatus(statuses.get(n.statusId)!) } : {}),
  });

  // -------------------------------------------------------------------------------------------
  // Direct conversations as the brand sees them: one per thread root and set of participants

  const visibleToBrand = (s: FakeStatus) =>
    !s.deleted && (s.visibility !== 'direct' || s.accountId === brand.id || s.mentionIds.includes(brand.id));

  const ancestorsOf = (s: FakeStatus): FakeStatus[] => {
    const chain: FakeStatus[] = [];
    let at = s.inReplyToId ? statuses.get(s.inReplyToId) : undefined;
    while (at && !at.deleted) {
      chain.unshift(at);
      at = at.inReplyToId ? statuses.get(at.inReplyToId) : undefined;
    }
    return chain;
  };

  const conversations = () => {
    const groups = new Map<string, { id: string; participants: string[]; statusIds: string[] }>();
    for (const s of [...statuses.values()].sort((a, b) => cmp(a.id, b.id))) {
      if (s.visibility !== 'direct' || !visibleToBrand(s)) continue;
      const root = ancestorsOf(s)[0]?.id ?? s.id;
      const participants = [...new Set([s.accountId, ...s.mentionIds])].filter((id) => id !== brand.id).sort();
      const key = `${root}|${participants.join(',')}`;
      let id = conversationIds.get(key);
      if (!id) conversationIds.set(key, (id = String(nextConversation++)));
      const g = groups.get(key) ?? { id, participants, statusIds: [] };
      g.statusIds.push(s.id);
      groups.set(key, g);
    }
    return [...groups.values()].map((g) => ({ ...g, lastStatusId: g.statusIds[g.statusIds.length - 1]! }));
  };

  // -------------------------------------------------------------------------------------------
  // HTTP

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((err: unknown) => {
        if (!res.headersSent) send(res, 500, { error: String(err) });
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (res.destroyed) return;
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const routes: Array<{ endpoint: Endpoint; method: string; pattern: RegExp; scope: string | null }> = [
    { endpoint: 'GET /api/v1/accounts/verify_credentials', method: 'GET', pattern: /^\/api\/v1\/accounts\/verify_credentials$/, scope: 'read:accounts' },
    { endpoint: 'GET /api/v2/instance', method: 'GET', pattern: /^\/api\/v2\/instance$/, scope: null },
    { endpoint: 'GET /api/v1/instance', method: 'GET', pattern: /^\/api\/v1\/instance$/, scope: null },
    { endpoint: 'GET /api/v1/notifications', method: 'GET', pattern: /^\/api\/v1\/notifications$/, scope: 'read:notifications' },
    { endpoint: 'GET /api/v1/conversations', method: 'GET', pattern: /^\/api\/v1\/conversations$/, scope: 'read:statuses' },
    { endpoint: 'GET /api/v1/statuses/:id/context', method: 'GET', pattern: /^\/api\/v1\/statuses\/([^/]+)\/context$/, scope: 'read:statuses' },
    { endpoint: 'GET /api/v1/statuses/:id', method: 'GET', pattern: /^\/api\/v1\/statuses\/([^/]+)$/, scope: 'read:statuses' },
    { endpoint: 'GET /api/v1/accounts/:id/statuses', method: 'GET', pattern: /^\/api\/v1\/accounts\/([^/]+)\/statuses$/, scope: 'read:statuses' },
    { endpoint: 'POST /api/v1/statuses', method: 'POST', pattern: /^\/api\/v1\/statuses$/, scope: 'write:statuses' },
  ];

  async function handle(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    const url = new URL(req.url ?? '/', base());
    requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body });
    const route = routes.find((r) => r.method === req.method && r.pattern.test(url.pathname));
    if (!route) return send(res, 404, { error: 'Record not found' });
    const param = decodeURIComponent(route.pattern.exec(url.pathname)?.[1] ?? '');

    // Authentication and scopes first, as Doorkeeper does; public endpoints take no token.
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const headers: Record<string, string> = {};
    if (route.scope !== null || auth) {
      if (auth !== token) return send(res, 401, { error: 'The access token is invalid' });
      if (revoked) return send(res, 401, { error: 'The access token was revoked' });
      if (route.scope && !scopes.includes(route.scope) && !scopes.includes(route.scope.split(':')[0]!)) {
        return send(res, 403, { error: 'This action is outside the authorized scopes' });
      }
      if (now() >= rate.resetAt) {
        rate.remaining = rate.limit;
        rate.resetAt = now() + (RATE_PERIOD_MS - (now() % RATE_PERIOD_MS));
      }
      const resetIso = iso(rate.resetAt).replace(/\.(\d{3})Z$/, '.$1000Z');
      if (rate.remaining <= 0) {
        return send(res, 429, { error: 'Too many requests' }, { 'X-RateLimit-Limit': String(rate.limit), 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': resetIso });
      }
      rate.remaining--;
      Object.assign(headers, { 'X-RateLimit-Limit': String(rate.limit), 'X-RateLimit-Remaining': String(rate.remaining), 'X-RateLimit-Reset': resetIso });
    }

    const fault = faults.get(route.endpoint)?.shift();
    if (fault && 'status' in fault) return send(res, fault.status, fault.body ?? { error: 'Injected failure' }, { ...headers, ...fault.headers });
    if (fault?.kind === 'drop' && !fault.processed) {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'malformed') return send(res, 200, '[{"id":"1","type":"mention","created_at":', headers);

    const result = answer(route.endpoint, param, url.searchParams, req, body);
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'slow') await wait(fault.ms);
    if (fault?.kind === 'broken-item' && Array.isArray(result.body)) breakItem(result.body, fault.index ?? 0);
    send(res, result.status, result.body, { ...headers, ...result.headers });
  }

  type Answer = { status: number; body: unknown; headers?: Record<string, string> };

  function answer(endpoint: Endpoint, param: string, q: URLSearchParams, req: IncomingMessage, body: string): Answer {
    switch (endpoint) {
      case 'GET /api/v1/accounts/verify_credentials':
        return {
          status: 200,
          body: { ...renderAccount(brand), source: { privacy: 'public', sensitive: false, language: 'en', note: '', fields: [], follow_requests_count: 0 } },
        };
      case 'GET /api/v2/instance':
        if (!instanceV2) return { status: 404, body: { error: 'Record not found' } };
        return {
          status: 200,
          body: {
            domain: HOST_DOMAIN,
            title: 'Harbor',
            version: '4.3.0',
            configuration: { urls: { streaming: `wss://${HOST_DOMAIN}` }, statuses: { max_characters: maxCharacters, max_media_attachments: 4, characters_reserved_per_url: 23 } },
          },
        };
      case 'GET /api/v1/instance':
        return {
          status: 200,
          body: { uri: HOST_DOMAIN, title: 'Harbor', version: '3.5.3', configuration: { statuses: { max_characters: maxCharacters, max_media_attachments: 4, characters_reserved_per_url: 23 } } },
        };
      case 'GET /api/v1/notifications': {
        const types = q.getAll('types[]');
        const excluded = q.getAll('exclude_types[]');
        const visible = notifications.filter(
          (n) => (types.length === 0 || types.includes(n.type)) && !excluded.includes(n.type) && !(n.statusId && statuses.get(n.statusId)?.deleted),
        );
        const page = paginate(visible, (n) => n.id, q, 40, 80);
        const keep: Array<[string, string]> = [['limit', q.get('limit') ?? '']].filter((e): e is [string, string] => e[1] !== '');
        for (const t of types) keep.push(['types[]', t]);
        for (const t of excluded) keep.push(['exclude_types[]', t]);
        return { status: 200, body: page.map(renderNotification), headers: link('/api/v1/notifications', keep, page.map((n) => n.id), true) };
      }
      case 'GET /api/v1/conversations': {
        const all = conversations();
        const limit = Math.min(Number(q.get('limit')) || 20, 40);
        const page = paginate(all, (c) => c.lastStatusId, q, 20, 40);
        const keep: Array<[string, string]> = q.get('limit') ? [['limit', q.get('limit')!]] : [];
        const rendered = page.map((c) => ({
          id: c.id,
          unread: statuses.get(c.lastStatusId)!.accountId !== brand.id,
          accounts: c.participants.map((id) => renderAccount(accounts.get(id)!)),
          last_status: renderStatus(statuses.get(c.lastStatusId)!),
        }));
        return { status: 200, body: rendered, headers: link('/api/v1/conversations', keep, page.map((c) => c.lastStatusId), page.length === limit) };
      }
      case 'GET /api/v1/statuses/:id': {
        const s = statuses.get(param);
        if (!s || !visibleToBrand(s)) return { status: 404, body: { error: 'Record not found' } };
        return { status: 200, body: renderStatus(s) };
      }
      case 'GET /api/v1/statuses/:id/context': {
        const s = statuses.get(param);
        if (!s || !visibleToBrand(s)) return { status: 404, body: { error: 'Record not found' } };
        const descendants = [...statuses.values()]
          .filter((x) => visibleToBrand(x) && ancestorsOf(x).some((a) => a.id === s.id))
          .sort((a, b) => cmp(a.id, b.id));
        return { status: 200, body: { ancestors: ancestorsOf(s).filter(visibleToBrand).map(renderStatus), descendants: descendants.map(renderStatus) } };
      }
      case 'GET /api/v1/accounts/:id/statuses': {
        const own = [...statuses.values()].filter((s) => s.accountId === param && visibleToBrand(s));
        const page = paginate(own, (s) => s.id, q, 20, 40);
        return { status: 200, body: page.map(renderStatus), headers: link(`/api/v1/accounts/${param}/statuses`, [], page.map((s) => s.id), true) };
      }
      case 'POST /api/v1/statuses':
        return postStatus(req, body);
    }
  }

  function postStatus(req: IncomingMessage, raw: string): Answer {
    const contentType = req.headers['content-type'] ?? '';
    const params: Record<string, string> = contentType.includes('application/json')
      ? Object.fromEntries(Object.entries(JSON.parse(raw || '{}') as Record<string, unknown>).map(([k, v]) => [k, String(v)]))
      : Object.fromEntries(new URLSearchParams(raw));
    // set_thread runs before anything else: a deleted parent is a 404 even for a repeated key.
    const inReplyToId = params['in_reply_to_id'] || null;
    if (inReplyToId) {
      const parent = statuses.get(inReplyToId);
      if (!parent || !visibleToBrand(parent)) return { status: 404, body: { error: 'The post you are trying to reply to does not appear to exist.' } };
    }
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null;
    const known = key ? idempotency.get(key) : undefined;
    if (known && known.expiresAt > now()) return { status: 200, body: renderStatus(statuses.get(known.statusId)!) };
    const text = params['status'] ?? '';
    if (!text.trim()) return { status: 422, body: { error: "Validation failed: Text can't be blank" } };
    if (mastodonLength(text) > maxCharacters) return { status: 422, body: { error: `Validation failed: Text character limit of ${maxCharacters} exceeded` } };
    const visibility = params['visibility'] || 'public';
    if (!['public', 'unlisted', 'private', 'direct'].includes(visibility)) {
      return { status: 422, body: { error: 'Validation failed: Visibility is not included in the list' } };
    }
    const s = createStatus({ accountId: brand.id, text, visibility: visibility as FakeStatus['visibility'], inReplyToId });
    if (key) idempotency.set(key, { statusId: s.id, expiresAt: now() + IDEMPOTENCY_TTL_MS });
    replies.push({ id: s.id, status: text, inReplyToId, visibility, idempotencyKey: key, contentType });
    return { status: 200, body: renderStatus(s) };
  }

  /** Mastodon's paging: min_id walks forward from an id, max_id/since_id bound the newest page. */
  function paginate<T>(items: T[], idOf: (t: T) => string, q: URLSearchParams, def: number, max: number): T[] {
    const limit = Math.min(Math.max(Number(q.get('limit')) || def, 1), max);
    const minId = q.get('min_id');
    const maxId = q.get('max_id');
    const sinceId = q.get('since_id');
    const sorted = [...items].sort((a, b) => cmp(idOf(a), idOf(b)));
    if (minId) {
      return sorted
        .filter((t) => cmp(idOf(t), minId) > 0 && (!maxId || cmp(idOf(t), maxId) < 0))
        .slice(0, limit)
        .reverse();
    }
    return sorted
      .filter((t) => (!maxId || cmp(idOf(t), maxId) < 0) && (!sinceId || cmp(idOf(t), sinceId) > 0))
      .reverse()
      .slice(0, limit);
  }

  function link(path: string, keep: Array<[string, string]>, ids: string[], withNext: boolean): Record<string, string> {
    if (ids.length === 0) return {};
    const url = (extra: [string, string]) => `${base()}${path}?${new URLSearchParams([...keep, extra]).toString()}`;
    const parts: string[] = [];
    if (withNext) parts.push(`<${url(['max_id', ids[ids.length - 1]!])}>; rel="next"`);
    parts.push(`<${url(['min_id', ids[0]!])}>; rel="prev"`);
    return { Link: parts.join(', ') };
  }

  function breakItem(page: unknown[], index: number): void {
    const item = page[index] as Record<string, unknown> | undefined;
    if (!item) return;
    const target = (item['last_status'] as Record<string, unknown> | undefined) ?? item;
    target['created_at'] = 'not a date';
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    baseUrl: base(),
    token,
    brand,
    accounts,
    statuses,
    notifications,
    /** Statuses created through the API, in order (what customers would see). */
    replies,
    requests,
    addAccount,
    /** A customer's post mentioning the brand (creates the mention notification). */
    mention(from: FakeAccount, text: string, o: { visibility?: FakeStatus['visibility']; inReplyTo?: string; at?: number } = {}): FakeStatus {
      const body = text.includes(`@${brand.username}`) ? text : `@${brand.username} ${text}`;
      return createStatus({ accountId: from.id, text: body, visibility: o.visibility ?? 'public', inReplyToId: o.inReplyTo ?? null, at: o.at });
    },
    /** A direct message to the brand: a direct status mentioning it (joins a conversation). */
    directMessage(from: FakeAccount, text: string, o: { inReplyTo?: string; at?: number } = {}): FakeStatus {
      const body = text.includes(`@${brand.username}`) ? text : `@${brand.username} ${text}`;
      return createStatus({ accountId: from.id, text: body, visibility: 'direct', inReplyToId: o.inReplyTo ?? null, at: o.at });
    },
    /** A post by the brand made elsewhere (another app, a colleague). */
    brandPost(text: string, o: { visibility?: FakeStatus['visibility']; inReplyTo?: string; at?: number } = {}): FakeStatus {
      return createStatus({ accountId: brand.id, text, visibility: o.visibility ?? 'public', inReplyToId: o.inReplyTo ?? null, at: o.at });
    },
    /** Another kind of notification (favourite, follow ...), which the mentions stream must skip. */
    notify(type: string, from: FakeAccount, statusId: string | null = null): FakeNotification {
      return notify(type, from.id, statusId);
    },
    deleteStatus(id: string): void {
      const s = statuses.get(id);
      if (s) s.deleted = true;
    },
    /** The next requests to `endpoint` get these faults, one each, in order. */
    fault(endpoint: Endpoint, ...list: Fault[]): void {
      faults.set(endpoint, [...(faults.get(endpoint) ?? []), ...list]);
    },
    revokeToken(): void {
      revoked = true;
    },
    setScopes(list: string[]): void {
      scopes = [...list];
    },
    setMaxCharacters(n: number): void {
      maxCharacters = n;
    },
    /** false: /api/v2/instance answers 404, like a server before 4.0. */
    setInstanceV2(on: boolean): void {
      instanceV2 = on;
    },
    /** Requests left in the current 5-minute window. */
    setRemaining(n: number): void {
      if (now() >= rate.resetAt) rate.resetAt = now() + (RATE_PERIOD_MS - (now() % RATE_PERIOD_MS));
      rate.remaining = n;
    },
    rateResetAt: () => rate.resetAt,
    /** Conversation id the brand sees for a direct status. */
    conversationOf(statusId: string): string | undefined {
      return conversations().find((c) => c.statusIds.includes(statusId))?.id;
    },
    hits: (endpoint: Endpoint) => requests.filter((r) => routes.find((x) => x.endpoint === endpoint && x.method === r.method && x.pattern.test(r.path))).length,
    async close(): Promise<void> {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type MastodonFake = Awaited<ReturnType<typeof startMastodonFake>>;

/** Numeric ids by value, like Mastodon's bigint columns. */
function cmp(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** How Mastodon counts a post: grapheme clusters, a URL as 23, @user@domain as @user. */
export function mastodonLength(text: string): number {
  const countable = text.replace(/https?:\/\/\S+/g, 'x'.repeat(23)).replace(/@([\w]+)@[\w-]+(?:\.[\w-]+)+/g, '@$1');
  return [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(countable)].length;
}
