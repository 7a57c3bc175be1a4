/**
 * A fake X API v2 on 127.0.0.1 for adapter tests: the documented endpoints the adapter uses,
 * with X's field selection (only requested fields come back), expansions into `includes`,
 * newest-first pagination with opaque tokens, since_id, the 800-mention cap, rate-limit headers
 * and 429s, problem-JSON errors, OAuth 2.0 token refresh with rotating refresh tokens, and
 * controls to seed conversations and queue faults.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { countLength, NETWORK_RULES } from '../../preload/shared/length';

export type Route =
  | 'me'
  | 'mentions'
  | 'userTweets'
  | 'dmEvents'
  | 'conversationEvents'
  | 'users'
  | 'createTweet'
  | 'createDm'
  | 'token';

export type Fault =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { slowMs: number }
  /** Destroy the socket after the request was read: 'before' doing anything, or 'after' the effect happened. */
  | { drop: 'before' | 'after' }
  | { malformed: true }
  /** Add an item of an unknown shape to `data`, or a partial error to `errors`. */
  | { inject: 'broken' | 'partial' };

export interface FakeUser {
  id: string;
  username: string;
  name: string;
  followers: number;
  acceptsDms: boolean;
}

export interface FakeTweet {
  id: string;
  text: string;
  author_id: string;
  created_at: string;
  conversation_id: string;
  in_reply_to_user_id?: string;
  referenced_tweets?: Array<{ type: 'replied_to' | 'quoted' | 'retweeted'; id: string }>;
  note_tweet?: { text: string };
  /** Whether it mentions the brand (is on the mentions timeline). */
  mentionsBrand: boolean;
}

export interface FakeDm {
  id: string;
  event_type: 'MessageCreate';
  text: string;
  sender_id: string;
  dm_conversation_id: string;
  created_at: string;
}

export interface ReceivedReply {
  route: 'createTweet' | 'createDm';
  path: string;
  body: Record<string, unknown>;
  createdId: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  body: string;
}

const problem = (status: number, title: string, detail: string, type = 'about:blank') => ({ title, detail, type, status });

export async function startXFake(opts: { clientId?: string } = {}) {
  const clientId = opts.clientId ?? 'client-abc';
  let seq = 1_900_000_000_000_000_000n;
  const nextId = () => String(++seq);
  let userSeq = 100_000;
  let tokenSeq = 0;
  const newToken = (kind: string) => `${kind}-${++tokenSeq}-${Math.random().toString(36).slice(2)}`;

  const users = new Map<string, FakeUser>();
  const tweets: FakeTweet[] = [];
  const dms: FakeDm[] = [];
  const faults = new Map<Route, Fault[]>();
  const budgets = new Map<Route, { limit: number; remaining: number; reset: number }>();
  let daily: { limit: number; remaining: number; reset: number } | null = null;
  const validAccess = new Set<string>();
  let refreshToken = newToken('refresh');
  let accessToken = newToken('access');
  validAccess.add(accessToken);
  const replies: ReceivedReply[] = [];
  const requests: RecordedRequest[] = [];
  let refreshes = 0;
  let clock = Date.parse('2026-11-22T08:00:00.000Z');
  const stamp = () => new Date((clock += 1000)).toISOString();

  const brand: FakeUser = { id: '2244994945', username: 'harborcoffee', name: 'Harbor Coffee', followers: 52_000, acceptsDms: true };
  users.set(brand.id, brand);

  const convOf = (a: string, b: string) => [a, b].sort((x, y) => (x.length - y.length) || (x < y ? -1 : 1)).join('-');

  // ----- views: only requested fields, like X
  const tweetView = (t: FakeTweet, fields: Set<string>) => {
    const v: Record<string, unknown> = { id: t.id, text: displayText(t), edit_history_tweet_ids: [t.id] };
    for (const f of ['author_id', 'created_at', 'conversation_id', 'in_reply_to_user_id', 'referenced_tweets', 'note_tweet'] as const) {
      if (fields.has(f) && t[f] !== undefined) v[f] = t[f];
    }
    return v;
  };
  /** Replies read back with the leading @mention of the person answered, as X shows them. */
  const displayText = (t: FakeTweet) => {
    if (t.author_id !== brand.id || !t.in_reply_to_user_id) return t.text;
    const to = users.get(t.in_reply_to_user_id);
    return to ? `@${to.username} ${t.text}` : t.text;
  };
  const userView = (u: FakeUser, fields: Set<string>) => {
    const v: Record<string, unknown> = { id: u.id, name: u.name, username: u.username };
    if (fields.has('public_metrics')) v['public_metrics'] = { followers_count: u.followers, following_count: 12, tweet_count: 340, listed_count: 2, like_count: 90 };
    return v;
  };
  const dmView = (e: FakeDm, fields: Set<string>) => {
    const v: Record<string, unknown> = { id: e.id, event_type: e.event_type, text: e.text };
    for (const f of ['sender_id', 'dm_conversation_id', 'created_at'] as const) if (fields.has(f)) v[f] = e[f];
    return v;
  };
  const list = (q: URLSearchParams, key: string) => new Set((q.get(key) ?? '').split(',').filter(Boolean));
  const byIdDesc = <T extends { id: string }>(a: T, b: T) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1);

  const tokenOf = (before: string) => Buffer.from(JSON.stringify({ before })).toString('base64url');
  const beforeOf = (q: URLSearchParams): bigint | null | 'bad' => {
    const t = q.get('pagination_token');
    if (!t) return null;
    try {
      return BigInt((JSON.parse(Buffer.from(t, 'base64url').toString()) as { before: string }).before);
    } catch {
      return 'bad';
    }
  };

  type Result = { status: number; body: unknown; headers?: Record<string, string> };
  const badParam = (name: string, value: string, message: string): Result => ({
    status: 400,
    body: {
      errors: [{ parameters: { [name]: [value] }, message }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: 'https://api.twitter.com/2/problems/invalid-request',
    },
  });

  /** A newest-first page of `items` (already sorted) after the pagination token. */
  function paginate<T extends { id: string }>(q: URLSearchParams, items: T[], min: number, max: number, dflt: number): Result | { page: T[]; meta: Record<string, unknown> } {
    const raw = q.get('max_results');
    const n = raw === null ? dflt : Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      return badParam('max_results', raw ?? '', `The \`max_results\` query parameter value [${raw}] is not between ${min} and ${max}`);
    }
    const before = beforeOf(q);
    if (before === 'bad') return badParam('pagination_token', q.get('pagination_token') ?? '', 'The `pagination_token` query parameter value is not valid');
    const rest = before === null ? items : items.filter((i) => BigInt(i.id) < before);
    const page = rest.slice(0, n);
    const meta: Record<string, unknown> = { result_count: page.length };
    if (page.length > 0) {
      meta['newest_id'] = page[0]!.id;
      meta['oldest_id'] = page[page.length - 1]!.id;
    }
    if (rest.length > n) meta['next_token'] = tokenOf(page[page.length - 1]!.id);
    return { page, meta };
  }
  const isResult = (v: unknown): v is Result => typeof v === 'object' && v !== null && 'status' in v;

  function tweetPage(q: URLSearchParams, source: FakeTweet[]): Result {
    const since = q.get('since_id');
    const sorted = source.filter((t) => !since || BigInt(t.id) > BigInt(since)).sort(byIdDesc);
    const p = paginate(q, sorted, 5, 100, 10);
    if (isResult(p)) return p;
    const tf = list(q, 'tweet.fields');
    const uf = list(q, 'user.fields');
    const ex = list(q, 'expansions');
    const body: Record<string, unknown> = { meta: p.meta };
    if (p.page.length > 0) body['data'] = p.page.map((t) => tweetView(t, tf));
    const includedUsers = new Map<string, FakeUser>();
    const includedTweets = new Map<string, FakeTweet>();
    for (const t of p.page) {
      if (ex.has('author_id')) addUser(includedUsers, t.author_id);
      if (ex.has('in_reply_to_user_id') && t.in_reply_to_user_id) addUser(includedUsers, t.in_reply_to_user_id);
      if (ex.has('referenced_tweets.id')) {
        for (const r of t.referenced_tweets ?? []) {
          const ref = tweets.find((x) => x.id === r.id);
          if (ref) includedTweets.set(ref.id, ref);
        }
      }
    }
    const includes: Record<string, unknown> = {};
    if (includedUsers.size > 0) includes['users'] = [...includedUsers.values()].map((u) => userView(u, uf));
    if (includedTweets.size > 0) includes['tweets'] = [...includedTweets.values()].map((t) => tweetView(t, tf));
    if (Object.keys(includes).length > 0) body['includes'] = includes;
    return { status: 200, body };
  }
  const addUser = (into: Map<string, FakeUser>, id: string) => {
    const u = users.get(id);
    if (u) into.set(id, u);
  };

  function dmPage(q: URLSearchParams, source: FakeDm[]): Result {
    const types = list(q, 'event_types');
    const sorted = source.filter((e) => types.size === 0 || types.has(e.event_type)).sort(byIdDesc);
    const p = paginate(q, sorted, 1, 100, 100);
    if (isResult(p)) return p;
    const df = list(q, 'dm_event.fields');
    const body: Record<string, unknown> = { meta: p.meta };
    if (p.page.length > 0) body['data'] = p.page.map((e) => dmView(e, df));
    if (list(q, 'expansions').has('sender_id')) {
      const senders = new Map<string, FakeUser>();
      for (const e of p.page) addUser(senders, e.sender_id);
      if (senders.size > 0) body['includes'] = { users: [...senders.values()].map((u) => userView(u, list(q, 'user.fields'))) };
    }
    return { status: 200, body };
  }

  function createTweet(body: Record<string, unknown>, path: string): Result {
    const text = typeof body['text'] === 'string' ? body['text'] : '';
    if (countLength(text, NETWORK_RULES.x.public) > NETWORK_RULES.x.public.max) {
      return { status: 400, body: problem(400, 'Invalid Request', 'Your Tweet text is too long.', 'https://api.twitter.com/2/problems/invalid-request') };
    }
    const replyTo = (body['reply'] as { in_reply_to_tweet_id?: string } | undefined)?.in_reply_to_tweet_id;
    const parent = replyTo ? tweets.find((t) => t.id === replyTo) : undefined;
    if (replyTo && !parent) {
      return { status: 403, body: problem(403, 'Forbidden', 'You attempted to reply to a Tweet that is deleted or not visible to you.') };
    }
    if (tweets.some((t) => t.author_id === brand.id && t.text === text)) {
      return { status: 403, body: problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.') };
    }
    const id = nextId();
    tweets.push({
      id,
      text,
      author_id: brand.id,
      created_at: stamp(),
      conversation_id: parent?.conversation_id ?? id,
      ...(parent ? { in_reply_to_user_id: parent.author_id, referenced_tweets: [{ type: 'replied_to' as const, id: parent.id }] } : {}),
      mentionsBrand: false,
    });
    replies.push({ route: 'createTweet', path, body, createdId: id });
    return { status: 201, body: { data: { id, text, edit_history_tweet_ids: [id] } } };
  }

  function createDm(conversationId: string, body: Record<string, unknown>, path: string): Result {
    const parts = conversationId.split('-');
    if (parts.length !== 2 || !parts.includes(brand.id)) {
      return { status: 404, body: problem(404, 'Not Found Error', `Could not find DM conversation with id: [${conversationId}].`, 'https://api.twitter.com/2/problems/resource-not-found') };
    }
    const other = users.get(parts[0] === brand.id ? parts[1]! : parts[0]!);
    if (!other?.acceptsDms) return { status: 403, body: problem(403, 'Forbidden', 'You cannot send messages to this user.') };
    const text = typeof body['text'] === 'string' ? body['text'] : '';
    const e: FakeDm = { id: nextId(), event_type: 'MessageCreate', text, sender_id: brand.id, dm_conversation_id: conversationId, created_at: stamp() };
    dms.push(e);
    replies.push({ route: 'createDm', path, body, createdId: e.id });
    return { status: 201, body: { data: { dm_conversation_id: conversationId, dm_event_id: e.id } } };
  }

  function refresh(form: URLSearchParams): Result {
    if (form.get('grant_type') !== 'refresh_token' || form.get('client_id') !== clientId || form.get('refresh_token') !== refreshToken) {
      return { status: 400, body: { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' } };
    }
    refreshes++;
    accessToken = newToken('access');
    refreshToken = newToken('refresh'); // X rotates refresh tokens: the old one is spent
    validAccess.add(accessToken);
    return {
      status: 200,
      body: { token_type: 'bearer', expires_in: 7200, access_token: accessToken, scope: 'tweet.read tweet.write users.read dm.read dm.write offline.access', refresh_token: refreshToken },
    };
  }

  function route(method: string, path: string): { key: Route; handle: (q: URLSearchParams, body: string) => Result } | null {
    let m: RegExpMatchArray | null;
    if (method === 'GET' && path === '/2/users/me') {
      return { key: 'me', handle: (q) => ({ status: 200, body: { data: userView(brand, list(q, 'user.fields')) } }) };
    }
    if (method === 'GET' && (m = path.match(/^\/2\/users\/(\d+)\/mentions$/))) {
      const id = m[1]!;
      // Only the latest 800 mentions are reachable, whatever since_id says.
      return { key: 'mentions', handle: (q) => tweetPage(q, tweets.filter((t) => t.mentionsBrand && id === brand.id).sort(byIdDesc).slice(0, 800)) };
    }
    if (method === 'GET' && (m = path.match(/^\/2\/users\/(\d+)\/tweets$/))) {
      const id = m[1]!;
      return {
        key: 'userTweets',
        handle: (q) => {
          const start = q.get('start_time');
          const from = start ? Date.parse(start) : 0;
          return tweetPage(q, tweets.filter((t) => t.author_id === id && Date.parse(t.created_at) >= from));
        },
      };
    }
    if (method === 'GET' && path === '/2/users') {
      return {
        key: 'users',
        handle: (q) => {
          const ids = (q.get('ids') ?? '').split(',').filter(Boolean);
          const found = ids.flatMap((id) => (users.has(id) ? [userView(users.get(id)!, list(q, 'user.fields'))] : []));
          const missing = ids.filter((id) => !users.has(id));
          const body: Record<string, unknown> = {};
          if (found.length > 0) body['data'] = found;
          if (missing.length > 0) {
            body['errors'] = missing.map((id) => ({
              value: id,
              detail: `Could not find user with ids: [${id}].`,
              title: 'Not Found Error',
              resource_type: 'user',
              parameter: 'ids',
              resource_id: id,
              type: 'https://api.twitter.com/2/problems/resource-not-found',
            }));
          }
          return { status: 200, body };
        },
      };
    }
    if (method === 'GET' && path === '/2/dm_events') return { key: 'dmEvents', handle: (q) => dmPage(q, dms) };
    if (method === 'GET' && (m = path.match(/^\/2\/dm_conversations\/(?:with\/(\d+)|([\d-]+))\/dm_events$/))) {
      const conv = m[1] ? convOf(brand.id, m[1]) : m[2]!;
      return { key: 'conversationEvents', handle: (q) => dmPage(q, dms.filter((e) => e.dm_conversation_id === conv)) };
    }
    if (method === 'POST' && path === '/2/tweets') return { key: 'createTweet', handle: (_q, b) => createTweet(parseJson(b), path) };
    if (method === 'POST' && (m = path.match(/^\/2\/dm_conversations\/(?:with\/(\d+)|([\d-]+))\/messages$/))) {
      const conv = m[1] ? convOf(brand.id, m[1]) : m[2]!;
      return { key: 'createDm', handle: (_q, b) => createDm(conv, parseJson(b), path) };
    }
    if (method === 'POST' && path === '/2/oauth2/token') return { key: 'token', handle: (_q, b) => refresh(new URLSearchParams(b)) };
    return null;
  }

  function rateHeaders(key: Route): Record<string, string> {
    const b = budgets.get(key);
    if (!b) return {};
    const h: Record<string, string> = { 'x-rate-limit-limit': String(b.limit), 'x-rate-limit-remaining': String(b.remaining), 'x-rate-limit-reset': String(b.reset) };
    if (key === 'createTweet' && daily) {
      h['x-user-limit-24hour-limit'] = String(daily.limit);
      h['x-user-limit-24hour-remaining'] = String(daily.remaining);
      h['x-user-limit-24hour-reset'] = String(daily.reset);
    }
    return h;
  }
  const budgetFor = (key: Route) => {
    let b = budgets.get(key);
    if (!b) {
      b = { limit: 180, remaining: 180, reset: Math.floor(clock / 1000) + 900 };
      budgets.set(key, b);
    }
    return b;
  };

  function write(res: ServerResponse, r: Result, extra: Record<string, string>) {
    if (res.destroyed) return;
    const ok = r.status < 400;
    const type = ok ? 'application/json; charset=utf-8' : 'application/problem+json';
    const text = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
    res.writeHead(r.status, { 'content-type': type, ...extra, ...r.headers });
    res.end(text);
  }

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, authorization: req.headers.authorization, body });
    const r = route(req.method ?? 'GET', url.pathname);
    if (!r) return write(res, { status: 404, body: problem(404, 'Not Found', 'Sorry, that page does not exist') }, {});
    const fault = faults.get(r.key)?.shift();
    if (fault && 'drop' in fault && fault.drop === 'before') return void req.socket.destroy();
    if (fault && 'status' in fault) return write(res, { status: fault.status, body: fault.body ?? '', headers: fault.headers }, rateHeaders(r.key));
    if (r.key !== 'token') {
      const auth = req.headers.authorization ?? '';
      if (!auth.startsWith('Bearer ') || !validAccess.has(auth.slice(7))) {
        return write(res, { status: 401, body: problem(401, 'Unauthorized', 'Unauthorized') }, {});
      }
      const b = budgetFor(r.key);
      const dayOut = r.key === 'createTweet' && daily !== null && daily.remaining <= 0;
      if (b.remaining <= 0 || dayOut) {
        return write(res, { status: 429, body: problem(429, 'Too Many Requests', 'Too Many Requests') }, rateHeaders(r.key));
      }
      b.remaining--;
      if (r.key === 'createTweet' && daily) daily.remaining--;
    }
    const result = r.handle(url.searchParams, body);
    if (fault && 'inject' in fault && result.status === 200) inject(result, fault.inject);
    if (fault && 'drop' in fault) return void req.socket.destroy();
    if (fault && 'malformed' in fault) return write(res, { status: 200, body: '{"data":[{"id":"1","text":' }, rateHeaders(r.key));
    if (fault && 'slowMs' in fault) await new Promise((ok) => setTimeout(ok, fault.slowMs));
    write(res, result, rateHeaders(r.key));
  }

  function inject(result: Result, what: 'broken' | 'partial') {
    const body = result.body as Record<string, unknown>;
    if (what === 'broken') {
      // An item of a shape nobody documented: no author, text not a string.
      const data = (body['data'] as unknown[] | undefined) ?? [];
      body['data'] = [{ id: nextId(), text: 42, edit_history_tweet_ids: [], event_type: 'MessageCreate', mystery: true }, ...data];
    } else {
      const errors = (body['errors'] as unknown[] | undefined) ?? [];
      body['errors'] = [
        ...errors,
        {
          value: '1900000000000000001',
          detail: 'Sorry, you are not authorized to see the Tweet with referenced_tweets.id: [1900000000000000001].',
          title: 'Authorization Error',
          resource_type: 'tweet',
          parameter: 'referenced_tweets.id',
          resource_id: '1900000000000000001',
          type: 'https://api.twitter.com/2/problems/not-authorized-for-resource',
        },
      ];
    }
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((err: unknown) => {
      if (!res.headersSent && !res.destroyed) write(res, { status: 500, body: problem(500, 'Internal Server Error', String(err)) }, {});
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    brand,
    clientId,
    /** The tokens a person would paste after signing in. */
    get tokens() {
      return { accessToken, refreshToken };
    },
    get refreshes() {
      return refreshes;
    },
    replies,
    requests,
    tweets,
    dms,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
    addUser(username: string, over: Partial<FakeUser> = {}): FakeUser {
      const u: FakeUser = { id: String(++userSeq), username, name: username[0]!.toUpperCase() + username.slice(1), followers: 100, acceptsDms: true, ...over };
      users.set(u.id, u);
      return u;
    },
    /** A customer's post mentioning the brand; `replyTo` makes it a reply in that post's conversation. */
    mention(from: FakeUser, text: string, o: { replyTo?: FakeTweet; note?: string } = {}): FakeTweet {
      const id = nextId();
      const t: FakeTweet = {
        id,
        text,
        author_id: from.id,
        created_at: stamp(),
        conversation_id: o.replyTo?.conversation_id ?? id,
        mentionsBrand: true,
        ...(o.replyTo ? { in_reply_to_user_id: o.replyTo.author_id, referenced_tweets: [{ type: 'replied_to' as const, id: o.replyTo.id }] } : {}),
        ...(o.note ? { note_tweet: { text: o.note } } : {}),
      };
      tweets.push(t);
      return t;
    },
    /** A retweet of a mention: on the mentions timeline, but not a message. */
    retweet(from: FakeUser, of: FakeTweet): FakeTweet {
      const id = nextId();
      const t: FakeTweet = { id, text: `RT @x: ${of.text}`, author_id: from.id, created_at: stamp(), conversation_id: id, mentionsBrand: true, referenced_tweets: [{ type: 'retweeted', id: of.id }] };
      tweets.push(t);
      return t;
    },
    /** The brand posting from elsewhere (phone, a colleague): a root post or a reply. */
    brandPost(text: string, o: { replyTo?: FakeTweet } = {}): FakeTweet {
      const id = nextId();
      const p = o.replyTo;
      const t: FakeTweet = {
        id,
        text,
        author_id: brand.id,
        created_at: stamp(),
        conversation_id: p?.conversation_id ?? id,
        mentionsBrand: false,
        ...(p ? { in_reply_to_user_id: p.author_id, referenced_tweets: [{ type: 'replied_to' as const, id: p.id }] } : {}),
      };
      tweets.push(t);
      return t;
    },
    /** A DM between the brand and `with`; `fromBrand` makes it the brand's own. */
    dm(withUser: FakeUser, text: string, fromBrand = false): FakeDm {
      const e: FakeDm = {
        id: nextId(),
        event_type: 'MessageCreate',
        text,
        sender_id: fromBrand ? brand.id : withUser.id,
        dm_conversation_id: convOf(brand.id, withUser.id),
        created_at: stamp(),
      };
      dms.push(e);
      return e;
    },
    /** A message in a group conversation (numeric id); `from` null is the brand. */
    groupDm(conversationId: string, from: FakeUser | null, text: string): FakeDm {
      const e: FakeDm = { id: nextId(), event_type: 'MessageCreate', text, sender_id: from?.id ?? brand.id, dm_conversation_id: conversationId, created_at: stamp() };
      dms.push(e);
      return e;
    },
    conversationId: (u: FakeUser) => convOf(brand.id, u.id),
    /** The next request(s) to `key` meet these faults, in order. */
    queueFault(key: Route, ...f: Fault[]) {
      faults.set(key, [...(faults.get(key) ?? []), ...f]);
    },
    setBudget(key: Route, b: { limit: number; remaining: number; reset?: number }) {
      budgets.set(key, { reset: Math.floor(clock / 1000) + 900, ...b });
    },
    setDailyPostLimit(d: { limit: number; remaining: number; reset: number } | null) {
      daily = d;
    },
    /** The access token's two hours are up: 401 until refreshed. */
    expireAccessToken() {
      validAccess.clear();
    },
    /** The person revoked the app: every token, access and refresh, stops working. */
    revoke() {
      validAccess.clear();
      refreshToken = newToken('revoked');
    },
    /** Moves the fake's clock (created_at of what it makes next). */
    setClock(ms: number) {
      clock = ms;
    },
    get clock() {
      return clock;
    },
  };
}

export type XFake = Awaited<ReturnType<typeof startXFake>>;

function parseJson(b: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(b);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
