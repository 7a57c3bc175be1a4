/**
 * A fake Bluesky PDS (with the AppView and chat service behind it) on 127.0.0.1, speaking the XRPC
 * endpoints the adapter uses with the lexicons' field names: sessions (createSession,
 * refreshSession, JWT-shaped tokens whose `scope` tells an app password from a main password and
 * DM access), notifications and author feeds paged newest-first by opaque keyset cursors, profiles
 * (at most 25 per getProfiles), posts and records (createRecord / getRecord, a create on an existing
 * key answered with a 500 as today's PDS does), and the chat log, conversations and messages behind
 * `atproto-proxy: did:web:api.bsky.chat#bsky_chat`. Errors use the XRPC body `{ error, message }`;
 * every answer carries RateLimit-* headers (reset in epoch seconds).
 *
 * Test controls: seed customers, posts, mentions, DMs and raw (broken) items; queue faults per
 * endpoint (status/body/headers, slow, dropped connection after the request was read, malformed
 * JSON); expire or revoke tokens; and read back every request and every reply that landed.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeActor {
  did: string;
  handle: string;
  displayName: string;
  followersCount: number;
}

export interface PostRef {
  uri: string;
  cid: string;
}

export type Fault =
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Answers after `ms`; with `apply`, a write lands first (the client only misses the answer). */
  | { kind: 'slow'; ms: number; apply?: boolean }
  /** Reads the request, (with `apply`) acts on it, then destroys the socket without answering. */
  | { kind: 'drop'; apply?: boolean }
  | { kind: 'malformed' };

export interface RecordedRequest {
  server: 'entryway' | 'pds';
  method: string;
  nsid: string;
  params: URLSearchParams;
  body: unknown;
  authorization: string | null;
  proxy: string | null;
}

export interface FakeOptions {
  /** Serve createSession on a separate "entryway" whose DID document points at the PDS. */
  separateEntryway?: boolean;
  /** Scope of the tokens: an app password with DM access (default), without, or the main password. */
  password?: 'app-with-dms' | 'app' | 'main';
  /** Events per chat.bsky.convo.getLog page. */
  logPageSize?: number;
}

interface StoredPost {
  uri: string;
  cid: string;
  author: FakeActor;
  record: Record<string, unknown>;
  indexedAt: number;
  replyDisabled: boolean;
  deleted: boolean;
}

interface Listed {
  time: number;
  key: string;
  raw: unknown;
}

interface Convo {
  id: string;
  members: FakeActor[];
  messages: Array<Record<string, unknown>>;
  rev: string;
}

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const CHAT_PROXY = 'did:web:api.bsky.chat#bsky_chat';
const B32 = '234567abcdefghijklmnopqrstuvwxyz';
const START = Date.UTC(2026, 10, 22, 8, 0, 0);

export async function startBlueskyFake(opts: FakeOptions = {}) {
  let clock = START;
  let revCounter = 0;
  const tick = (at?: number) => (at !== undefined ? at : (clock += 1000));
  const nextRev = () => tid(BigInt(START) * 1000n + BigInt(++revCounter), 7);

  const actors = new Map<string, FakeActor>();
  const addActor = (handle: string, displayName: string, followersCount: number): FakeActor => {
    const a = { did: `did:plc:${b32(handle).slice(0, 24)}`, handle, displayName, followersCount };
    actors.set(a.did, a);
    return a;
  };
  const brand = addActor('harbor.bsky.social', 'Harbor Coffee', 1200);
  const appPassword = 'abcd-efgh-ijkl-mnop';

  const posts = new Map<string, StoredPost>();
  const notifications: Listed[] = [];
  const authorFeed: Listed[] = [];
  const convos = new Map<string, Convo>();
  const log: Array<{ rev: string; raw: unknown }> = [];
  const faults = new Map<string, Fault[]>();

  const tokens = new Map<string, 'valid' | 'expired'>();
  const refreshTokens = new Set<string>();
  let revoked = false;
  let tokenCounter = 0;
  const scope = opts.password === 'main' ? 'com.atproto.access' : opts.password === 'app' ? 'com.atproto.appPass' : 'com.atproto.appPassPrivileged';

  const rate = { limit: 3000, remaining: 3000, reset: Math.floor(START / 1000) + 300 };
  const requests: RecordedRequest[] = [];
  const createdPosts: Array<{ rkey: string; uri: string; record: Record<string, unknown> }> = [];
  const sentMessages: Array<{ convoId: string; message: Record<string, unknown>; id: string }> = [];
  const counts = { createSession: 0, refreshSession: 0 };

  // -------------------------------------------------------------------------------------------
  // Views, shaped as the lexicons define them

  const profileBasic = (a: FakeActor) => ({ did: a.did, handle: a.handle, displayName: a.displayName, avatar: `https://cdn.bsky.app/img/avatar/plain/${a.did}/x@jpeg`, labels: [] });
  const profileDetailed = (a: FakeActor) => ({ ...profileBasic(a), followersCount: a.followersCount, followsCount: 10, postsCount: 42, indexedAt: iso(START) });
  const postView = (p: StoredPost) => ({
    uri: p.uri,
    cid: p.cid,
    author: profileBasic(p.author),
    record: p.record,
    replyCount: 0,
    repostCount: 0,
    likeCount: 0,
    quoteCount: 0,
    indexedAt: iso(p.indexedAt),
    viewer: p.replyDisabled ? { replyDisabled: true } : {},
    labels: [],
  });
  const postOrMissing = (uri: string) => {
    const p = posts.get(uri);
    return p && !p.deleted ? { $type: 'app.bsky.feed.defs#postView', ...postView(p) } : { $type: 'app.bsky.feed.defs#notFoundPost', uri, notFound: true };
  };
  const messageView = (m: { id: string; rev: string; text: string; sender: string; sentAt: number }) => ({
    $type: 'chat.bsky.convo.defs#messageView',
    id: m.id,
    rev: m.rev,
    text: m.text,
    sender: { did: m.sender },
    sentAt: iso(m.sentAt),
  });
  const convoView = (c: Convo) => ({
    id: c.id,
    rev: c.rev,
    members: c.members.map(profileBasic),
    lastMessage: c.messages[c.messages.length - 1],
    muted: false,
    status: 'accepted',
    unreadCount: 0,
  });

  const insertSorted = (list: Listed[], item: Listed) => {
    list.push(item);
    list.sort((a, b) => b.time - a.time || (b.key < a.key ? -1 : b.key > a.key ? 1 : 0));
  };

  // -------------------------------------------------------------------------------------------
  // Seeding

  function storePost(author: FakeActor, text: string, o: { replyTo?: PostRef; at?: number; rkey?: string; createdAt?: string } = {}): StoredPost {
    const indexedAt = tick(o.at);
    const rkey = o.rkey ?? tid(BigInt(indexedAt) * 1000n, posts.size % 1024);
    const uri = `at://${author.did}/app.bsky.feed.post/${rkey}`;
    const record: Record<string, unknown> = { $type: 'app.bsky.feed.post', text, createdAt: o.createdAt ?? iso(indexedAt), langs: ['en'] };
    if (o.replyTo) {
      const parent = posts.get(o.replyTo.uri);
      const parentReply = parent?.record['reply'] as { root: PostRef } | undefined;
      record['reply'] = { root: parentReply?.root ?? o.replyTo, parent: o.replyTo };
    }
    const p: StoredPost = { uri, cid: cidOf(uri + text), author, record, indexedAt, replyDisabled: false, deleted: false };
    posts.set(uri, p);
    if (author.did === brand.did) {
      insertSorted(authorFeed, { time: indexedAt, key: uri, raw: feedViewPost(p) });
    } else {
      const parent = o.replyTo ? posts.get(o.replyTo.uri) : undefined;
      const reason = parent?.author.did === brand.did ? 'reply' : text.includes(`@${brand.handle}`) ? 'mention' : null;
      if (reason) {
        insertSorted(notifications, {
          time: indexedAt,
          key: uri,
          raw: {
            uri,
            cid: p.cid,
            author: profileBasic(author),
            reason,
            ...(reason === 'reply' ? { reasonSubject: parent?.uri } : {}),
            record,
            isRead: false,
            indexedAt: iso(indexedAt),
            labels: [],
          },
        });
      }
    }
    return p;
  }

  function feedViewPost(p: StoredPost) {
    const reply = p.record['reply'] as { root: PostRef; parent: PostRef } | undefined;
    if (!reply) return { post: postView(p) };
    const parent = posts.get(reply.parent.uri);
    const grandUri = (parent?.record['reply'] as { parent: PostRef } | undefined)?.parent.uri;
    const grand = grandUri ? posts.get(grandUri) : undefined;
    return {
      post: postView(p),
      reply: {
        root: postOrMissing(reply.root.uri),
        parent: postOrMissing(reply.parent.uri),
        ...(grand ? { grandparentAuthor: profileBasic(grand.author) } : {}),
      },
    };
  }

  function convoWith(customer: FakeActor): Convo {
    for (const c of convos.values()) if (c.members.some((m) => m.did === customer.did)) return c;
    const rev = nextRev();
    const c: Convo = { id: `convo-${b32(customer.did).slice(0, 10)}`, members: [brand, customer], messages: [], rev };
    convos.set(c.id, c);
    log.push({ rev, raw: { $type: 'chat.bsky.convo.defs#logBeginConvo', rev, convoId: c.id } });
    return c;
  }

  function addMessage(c: Convo, sender: FakeActor, text: string, at?: number) {
    const rev = nextRev();
    const m = messageView({ id: nextRev(), rev, text, sender: sender.did, sentAt: tick(at) });
    c.messages.push(m);
    c.rev = rev;
    log.push({ rev, raw: { $type: 'chat.bsky.convo.defs#logCreateMessage', rev, convoId: c.id, message: m, relatedProfiles: [profileBasic(sender)] } });
    return m;
  }

  // -------------------------------------------------------------------------------------------
  // Sessions

  function issue() {
    const access = jwt({ scope, sub: brand.did, aud: 'did:web:fake.pds', iat: ++tokenCounter, jti: `a${tokenCounter}` });
    const refresh = jwt({ scope: 'com.atproto.refresh', sub: brand.did, aud: 'did:web:fake.pds', jti: `r${tokenCounter}` });
    tokens.set(access, 'valid');
    refreshTokens.add(refresh);
    return { accessJwt: access, refreshJwt: refresh, handle: brand.handle, did: brand.did, active: true };
  }

  function authError(req: IncomingMessage): Reply | null {
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ')) return { status: 401, body: { error: 'AuthMissing', message: 'Authentication Required' } };
    const state = tokens.get(auth.slice(7));
    if (state === 'valid') return null;
    if (state === 'expired') return { status: 400, body: { error: 'ExpiredToken', message: 'Token has expired' } };
    return { status: 400, body: { error: 'InvalidToken', message: 'Token could not be verified' } };
  }

  // -------------------------------------------------------------------------------------------
  // Routes

  const bad = (message: string, error = 'InvalidRequest', status = 400): Reply => ({ status, body: { error, message } });

  function page<T>(list: Listed[], params: URLSearchParams, map: (l: Listed) => T) {
    const limit = Number(params.get('limit') ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return { error: bad('limit must be between 1 and 100') };
    const cursor = params.get('cursor');
    const [cTime, cKey] = cursor ? [Number(cursor.split('::')[0]), cursor.split('::')[1] ?? ''] : [Infinity, ''];
    const older = list.filter((l) => l.time < cTime || (l.time === cTime && l.key < cKey));
    const items = older.slice(0, limit);
    const last = items[items.length - 1];
    return { items: items.map(map), cursor: last && older.length > limit ? `${last.time}::${last.key}` : undefined };
  }

  function route(req: IncomingMessage, nsid: string, params: URLSearchParams, body: Record<string, unknown>): Reply {
    if (nsid === 'com.atproto.server.createSession') {
      counts.createSession++;
      const id = String(body['identifier'] ?? '').toLowerCase();
      if (revoked || body['password'] !== appPassword || (id !== brand.handle && id !== brand.did)) {
        return bad('Invalid identifier or password', 'AuthenticationRequired', 401);
      }
      return { status: 200, body: { ...issue(), didDoc: didDocument(), email: 'care@harbor.example', emailConfirmed: true } };
    }
    if (nsid === 'com.atproto.server.refreshSession') {
      counts.refreshSession++;
      const token = (req.headers.authorization ?? '').slice(7);
      if (revoked || !refreshTokens.has(token)) return bad('Token has been revoked', 'ExpiredToken');
      refreshTokens.delete(token);
      return { status: 200, body: { ...issue(), didDoc: didDocument() } };
    }

    const denied = authError(req);
    if (denied) return denied;

    if (nsid.startsWith('chat.bsky.')) {
      if (req.headers['atproto-proxy'] !== CHAT_PROXY) return bad('XRPCNotSupported', 'XRPCNotSupported', 404);
      if (scope === 'com.atproto.appPass') return bad('Bad token method', 'InvalidToken');
      return chatRoute(nsid, params, body);
    }

    switch (nsid) {
      case 'app.bsky.notification.listNotifications': {
        const reasons = params.getAll('reasons');
        const visible = reasons.length === 0 ? notifications : notifications.filter((n) => {
          const reason = (n.raw as { reason?: unknown }).reason;
          return typeof reason !== 'string' || reasons.includes(reason);
        });
        const p = page(visible, params, (l) => l.raw);
        if ('error' in p) return p.error as Reply;
        return { status: 200, body: { notifications: p.items, ...(p.cursor ? { cursor: p.cursor } : {}), priority: false, seenAt: iso(START) } };
      }
      case 'app.bsky.feed.getAuthorFeed': {
        if (params.get('actor') !== brand.did) return bad('Profile not found');
        const p = page(authorFeed, params, (l) => l.raw);
        if ('error' in p) return p.error as Reply;
        return { status: 200, body: { feed: p.items, ...(p.cursor ? { cursor: p.cursor } : {}) } };
      }
      case 'app.bsky.actor.getProfiles': {
        const wanted = params.getAll('actors');
        if (wanted.length === 0) return bad('Params must have the property "actors"');
        if (wanted.length > 25) return bad('actors must not have more than 25 elements');
        return { status: 200, body: { profiles: wanted.flatMap((d) => (actors.has(d) ? [profileDetailed(actors.get(d) as FakeActor)] : [])) } };
      }
      case 'app.bsky.actor.getProfile': {
        const a = [...actors.values()].find((x) => x.did === params.get('actor') || x.handle === params.get('actor'));
        return a ? { status: 200, body: profileDetailed(a) } : bad('Profile not found');
      }
      case 'app.bsky.feed.getPosts': {
        const uris = params.getAll('uris');
        if (uris.length > 25) return bad('uris must not have more than 25 elements');
        return { status: 200, body: { posts: uris.flatMap((u) => (posts.get(u) && !posts.get(u)?.deleted ? [postView(posts.get(u) as StoredPost)] : [])) } };
      }
      case 'com.atproto.repo.createRecord':
        return createRecord(body);
      case 'com.atproto.repo.getRecord': {
        const uri = `at://${params.get('repo')}/${params.get('collection')}/${params.get('rkey')}`;
        const p = posts.get(uri);
        if (!p || p.deleted) return bad(`Could not locate record: ${uri}`, 'RecordNotFound');
        return { status: 200, body: { uri, cid: p.cid, value: p.record } };
      }
      default:
        return bad('Method Not Implemented', 'MethodNotImplemented', 501);
    }
  }

  function createRecord(body: Record<string, unknown>): Reply {
    if (body['repo'] !== brand.did) return bad('Invalid repo', 'InvalidRequest', 400);
    if (body['collection'] !== 'app.bsky.feed.post') return bad('Invalid collection');
    const rkey = String(body['rkey'] ?? '');
    if (!/^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/.test(rkey)) return bad('Invalid app.bsky.feed.post record key: must be a TID');
    const record = body['record'] as Record<string, unknown> | undefined;
    if (!record || record['$type'] !== 'app.bsky.feed.post' || typeof record['text'] !== 'string' || typeof record['createdAt'] !== 'string') {
      return bad('Invalid app.bsky.feed.post record: Record must have the property "text"', 'InvalidRecord');
    }
    if (graphemes(record['text']) > 300) return bad('Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes', 'InvalidRecord');
    const uri = `at://${brand.did}/app.bsky.feed.post/${rkey}`;
    // Today's PDS: a create on a key that exists fails inside the repo with a bare 500.
    if (posts.has(uri)) return { status: 500, body: { error: 'InternalServerError', message: 'Internal Server Error' } };
    const reply = record['reply'] as { parent: PostRef } | undefined;
    const p = storePost(brand, record['text'], { replyTo: reply?.parent, rkey, createdAt: record['createdAt'] });
    p.record = record;
    const idx = authorFeed.findIndex((l) => l.key === uri);
    if (idx >= 0) authorFeed[idx] = { ...(authorFeed[idx] as Listed), raw: feedViewPost(p) };
    createdPosts.push({ rkey, uri, record });
    return { status: 200, body: { uri, cid: p.cid, commit: { cid: cidOf(`commit${uri}`), rev: nextRev() }, validationStatus: 'valid' } };
  }

  function chatRoute(nsid: string, params: URLSearchParams, body: Record<string, unknown>): Reply {
    switch (nsid) {
      case 'chat.bsky.convo.getLog': {
        const cursor = params.get('cursor') ?? '';
        const after = log.filter((e) => e.rev > cursor).slice(0, opts.logPageSize ?? 50);
        const last = after[after.length - 1];
        return { status: 200, body: { logs: after.map((e) => e.raw), cursor: last?.rev ?? cursor } };
      }
      case 'chat.bsky.convo.listConvos': {
        const limit = Number(params.get('limit') ?? 50);
        const list = [...convos.values()].sort((a, b) => (a.rev < b.rev ? 1 : -1)).slice(0, limit);
        return { status: 200, body: { convos: list.map(convoView) } };
      }
      case 'chat.bsky.convo.getConvo': {
        const c = convos.get(params.get('convoId') ?? '');
        return c ? { status: 200, body: { convo: convoView(c) } } : bad('Convo not found', 'InvalidConvo');
      }
      case 'chat.bsky.convo.getMessages': {
        const c = convos.get(params.get('convoId') ?? '');
        if (!c) return bad('Convo not found', 'InvalidConvo');
        const limit = Number(params.get('limit') ?? 50);
        return { status: 200, body: { messages: [...c.messages].reverse().slice(0, limit) } };
      }
      case 'chat.bsky.convo.sendMessage': {
        const c = convos.get(String(body['convoId'] ?? ''));
        if (!c) return bad('Convo not found', 'InvalidConvo');
        const message = (body['message'] ?? {}) as Record<string, unknown>;
        const text = message['text'];
        if (typeof text !== 'string') return bad('Input/message must have the property "text"');
        if (graphemes(text) > 1000) return bad('Input/message/text must not be longer than 1000 graphemes');
        const sent = addMessage(c, brand, text);
        sentMessages.push({ convoId: c.id, message, id: sent.id });
        return { status: 200, body: sent };
      }
      default:
        return bad('Method Not Implemented', 'MethodNotImplemented', 501);
    }
  }

  // -------------------------------------------------------------------------------------------
  // HTTP

  const servers: Server[] = [];
  let pdsUrl = '';

  function didDocument() {
    return {
      '@context': ['https://www.w3.org/ns/did/v1'],
      id: brand.did,
      alsoKnownAs: [`at://${brand.handle}`],
      verificationMethod: [{ id: `${brand.did}#atproto`, type: 'Multikey', controller: brand.did, publicKeyMultibase: 'zQ3shFakeKey' }],
      service: [{ id: '#atproto_pds', type: 'AtprotoPersonalDataServer', serviceEndpoint: pdsUrl }],
    };
  }

  function write(res: ServerResponse, reply: Reply): void {
    if (res.destroyed || res.writableEnded) return;
    rate.remaining = Math.max(0, rate.remaining - 1);
    res.writeHead(reply.status, {
      'content-type': 'application/json; charset=utf-8',
      'ratelimit-limit': String(rate.limit),
      'ratelimit-remaining': String(rate.remaining),
      'ratelimit-reset': String(rate.reset),
      'ratelimit-policy': `${rate.limit};w=300`,
      ...reply.headers,
    });
    res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
  }

  function serve(server: 'entryway' | 'pds') {
    return (req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const nsid = url.pathname.replace(/^\/xrpc\//, '');
        const text = Buffer.concat(chunks).toString('utf8');
        let body: Record<string, unknown> = {};
        try {
          body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
        } catch {
          write(res, bad('Request body is not JSON'));
          return;
        }
        requests.push({
          server,
          method: req.method ?? 'GET',
          nsid,
          params: url.searchParams,
          body: text ? body : undefined,
          authorization: req.headers.authorization ?? null,
          proxy: (req.headers['atproto-proxy'] as string | undefined) ?? null,
        });
        const fault = faults.get(nsid)?.shift();
        if (!fault) return write(res, route(req, nsid, url.searchParams, body));
        switch (fault.kind) {
          case 'status':
            return write(res, { status: fault.status, body: fault.body ?? { error: 'InternalServerError', message: 'Internal Server Error' }, headers: fault.headers });
          case 'malformed':
            res.writeHead(200, { 'content-type': 'application/json' });
            return res.end('{"notifications": [{"uri": "at://');
          case 'drop':
            if (fault.apply) route(req, nsid, url.searchParams, body);
            return req.socket.destroy();
          case 'slow': {
            const reply = fault.apply ? route(req, nsid, url.searchParams, body) : null;
            setTimeout(() => write(res, reply ?? route(req, nsid, url.searchParams, body)), fault.ms);
            return;
          }
        }
      });
    };
  }

  async function listen(kind: 'entryway' | 'pds'): Promise<string> {
    const s = createServer(serve(kind));
    servers.push(s);
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  }

  pdsUrl = await listen('pds');
  const baseUrl = opts.separateEntryway ? await listen('entryway') : pdsUrl;

  // -------------------------------------------------------------------------------------------
  // Controls

  return {
    baseUrl,
    pdsUrl,
    brand,
    appPassword,
    requests,
    createdPosts,
    sentMessages,
    counts,
    rate,
    /** A customer account (follower count as getProfiles reports it). */
    user(handle: string, o: { displayName?: string; followers?: number } = {}): FakeActor {
      return addActor(handle, o.displayName ?? handle.split('.')[0] ?? handle, o.followers ?? 10);
    },
    /** A post; mentions of @brand and replies to the brand's posts become notifications. */
    post(author: FakeActor, text: string, o: { replyTo?: PostRef; at?: number; createdAt?: string } = {}): PostRef {
      const p = storePost(author, text, o);
      return { uri: p.uri, cid: p.cid };
    },
    /** A repost by the brand (shows in its author feed). */
    repost(ref: PostRef, at?: number): void {
      const p = posts.get(ref.uri) as StoredPost;
      const time = tick(at);
      insertSorted(authorFeed, {
        time,
        key: `repost:${ref.uri}`,
        raw: { post: postView(p), reason: { $type: 'app.bsky.feed.defs#reasonRepost', by: profileBasic(brand), indexedAt: iso(time) } },
      });
    },
    /** A notification of another kind (like, follow …): the adapter must pass over it. */
    like(from: FakeActor, ref: PostRef): void {
      const time = tick();
      const uri = `at://${from.did}/app.bsky.feed.like/${tid(BigInt(time) * 1000n, 3)}`;
      insertSorted(notifications, {
        time,
        key: uri,
        raw: { uri, cid: cidOf(uri), author: profileBasic(from), reason: 'like', reasonSubject: ref.uri, record: { $type: 'app.bsky.feed.like', subject: ref, createdAt: iso(time) }, isRead: false, indexedAt: iso(time), labels: [] },
      });
    },
    /** Any notification body, e.g. one that breaks the lexicon. */
    rawNotification(raw: Record<string, unknown>, at?: number): void {
      const time = tick(at);
      insertSorted(notifications, { time, key: String(raw['uri'] ?? `raw-${time}`), raw: { indexedAt: iso(time), ...raw } });
    },
    /** Shuts the brand out of replying (thread gate): getPosts shows viewer.replyDisabled. */
    gate(ref: PostRef): void {
      (posts.get(ref.uri) as StoredPost).replyDisabled = true;
    },
    deletePost(ref: PostRef): void {
      (posts.get(ref.uri) as StoredPost).deleted = true;
    },
    /** A DM from a customer (opens the conversation when needed). */
    dm(from: FakeActor, text: string, at?: number): { convoId: string; id: string } {
      const c = convoWith(from);
      const m = addMessage(c, from, text, at);
      return { convoId: c.id, id: m.id };
    },
    /** A DM the brand sent from another device. */
    brandDm(convoId: string, text: string, at?: number): { id: string } {
      return { id: addMessage(convos.get(convoId) as Convo, brand, text, at).id };
    },
    /** The fake's clock: each seeded item is indexed a second after the one before. */
    now(): number {
      return clock;
    },
    /** Any chat log entry, e.g. a broken one, or an event type the adapter does not use. */
    rawLog(raw: Record<string, unknown>): void {
      const rev = nextRev();
      log.push({ rev, raw: { rev, ...raw } });
    },
    /** Queue faults for the next requests to `nsid`, in order. */
    fail(nsid: string, ...queued: Fault[]): void {
      faults.set(nsid, [...(faults.get(nsid) ?? []), ...queued]);
    },
    /** The next request to `nsid` is refused with Bluesky's 429 (limit spent until `resetEpochSeconds`). */
    rateLimit(nsid: string, resetEpochSeconds: number): void {
      this.fail(nsid, {
        kind: 'status',
        status: 429,
        body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
        headers: { 'ratelimit-limit': '3000', 'ratelimit-remaining': '0', 'ratelimit-reset': String(resetEpochSeconds), 'ratelimit-policy': '3000;w=300' },
      });
    },
    /** Every access token issued so far expires (refresh tokens still work). */
    expireAccessTokens(): void {
      for (const t of tokens.keys()) tokens.set(t, 'expired');
    },
    /** The app password is revoked: its sessions die and it can't sign in again. */
    revoke(): void {
      revoked = true;
      for (const t of tokens.keys()) tokens.set(t, 'expired');
      refreshTokens.clear();
    },
    /** Requests to an endpoint (optionally only those that reached a given server). */
    calls(nsid: string): RecordedRequest[] {
      return requests.filter((r) => r.nsid === nsid);
    },
    close(): Promise<void> {
      return Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      ).then(() => undefined);
    },
  };
}

export type BlueskyFake = Awaited<ReturnType<typeof startBlueskyFake>>;

// ---------------------------------------------------------------------------------------------

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function b32(s: string): string {
  const bytes = createHash('sha256').update(s).digest();
  let out = '';
  for (const byte of bytes) out += B32[byte % 32];
  return out;
}

function cidOf(s: string): string {
  return `bafyrei${(b32(s) + b32(`${s}!`)).slice(0, 52)}`;
}

function tid(micros: bigint, clockId: number): string {
  let n = (micros << 10n) | BigInt(clockId & 0x3ff);
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = B32[Number(n & 31n)] + out;
    n >>= 5n;
  }
  return out;
}

function jwt(payload: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ typ: 'at+jwt', alg: 'ES256K' })}.${part({ ...payload, exp: Math.floor(START / 1000) + 7200 })}.${b32(JSON.stringify(payload))}`;
}

function graphemes(text: string): number {
  return [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].length;
}
