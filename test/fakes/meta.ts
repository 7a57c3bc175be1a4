/**
 * A fake Graph API for the Facebook Page and Instagram adapters, on 127.0.0.1 only. It speaks
 * the documented endpoints the adapters use, with Graph's field names, cursor paging
 * (`paging.cursors.after` + `paging.next`), error bodies `{ error: { message, type, code,
 * error_subcode, is_transient, fbtrace_id } }`, the 24-hour / HUMAN_AGENT 7-day window on sends,
 * a call budget with X-Business-Use-Case-Usage headers and throttling errors, and test controls:
 * seeding, queued faults per endpoint, revoking the token, and a record of every reply received.
 *
 *   GET  /{v}/me                               the Page behind the token
 *   GET  /{v}/{page-id}?fields=instagram_business_account{...}
 *   GET  /{v}/{page-id}/conversations?platform=messenger|instagram&fields=...messages.limit(n){...}
 *   GET  /{v}/{conversation-id}?fields=messages.limit(n){...}
 *   GET  /{v}/{igsid}?fields=name,username,follower_count   (Instagram User Profile API)
 *   POST /{v}/{page-id}/messages               Send API
 *   GET  /{v}/{page-id}/feed?fields=comments.filter(stream).order(reverse_chronological).limit(n){...}
 *   GET  /{v}/{post-or-comment-id}/comments?filter=stream&order=reverse_chronological
 *   POST /{v}/{comment-id}/comments            the Page replies to a comment
 *   GET  /{v}/{ig-user-id}/media?fields=comments.limit(n){...,replies.limit(n){...}}
 *   GET  /{v}/{media-id}/comments, GET /{v}/{ig-comment-id}/replies
 *   POST /{v}/{ig-comment-id}/replies          the account replies to a comment
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AdapterContext } from '../../main/channels/types';

export const FAKE_TOKEN = 'EAAGfakePageToken0123456789';
export const FAKE_PAGE = { id: '104861358257631', name: 'Harbor Coffee Roasters' };
export const FAKE_IG = { id: '17841405822304914', username: 'harborcoffee', followers: 12_840 };

const DAY = 24 * 60 * 60_000;
/** Meta gives details for a conversation's 20 newest messages only. */
const DETAILED_MESSAGES = 20;

export type Endpoint = 'me' | 'node' | 'conversations' | 'send' | 'feed' | 'comments' | 'comment' | 'media' | 'replies' | 'reply' | 'unknown';

export type Fault =
  /** Answer with this status, body and headers instead of serving the request. */
  | { status: number; body?: unknown; headers?: Record<string, string> }
  /** Serve the request (a write happens), but answer only after `slowMs`. */
  | { slowMs: number }
  /** Read the request, serve it when `apply` (a write happens), then destroy the socket. */
  | { drop: true; apply?: boolean }
  /** 200 with a body that is not JSON. */
  | { malformed: true }
  /** The listing carries one extra item that doesn't fit the documented shape. */
  | { brokenItem: true; item?: unknown };

export interface ReceivedReply {
  endpoint: 'send' | 'comment' | 'reply';
  /** The object replied to: the Page for a DM, the comment for comment replies. */
  target: string;
  body: Record<string, unknown>;
  authorization: string | undefined;
  at: number;
  /** The id the fake gave the new message or comment. */
  id: string;
}

export interface SeenRequest {
  method: string;
  endpoint: Endpoint;
  path: string;
  query: URLSearchParams;
}

interface DmMessage {
  id: string;
  at: number;
  fromId: string;
  text: string;
}
interface Conversation {
  id: string;
  platform: 'messenger' | 'instagram';
  customer: { id: string; name?: string; username?: string; followers?: number };
  messages: DmMessage[];
}
interface FbComment {
  id: string;
  postId: string;
  at: number;
  from: { id: string; name: string } | null;
  message: unknown;
  parentId: string | null;
}
interface Post {
  id: string;
  at: number;
  message: string;
}
interface IgComment {
  id: string;
  mediaId: string;
  at: number;
  from: { id: string; username: string };
  text: string;
  parentId: string | null;
}
interface Media {
  id: string;
  at: number;
  caption: string;
}
interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface MetaFakeOptions {
  now?: () => number;
  /** Whether the Page has a linked Instagram professional account (default true). */
  linkInstagram?: boolean;
}

export async function startMetaFake(opts: MetaFakeOptions = {}) {
  let now = opts.now ?? Date.now;
  let token: string | null = FAKE_TOKEN;
  let seq = 1000;
  const nextId = () => String(++seq);
  const conversations: Conversation[] = [];
  const posts: Post[] = [];
  const fbComments: FbComment[] = [];
  const media: Media[] = [];
  const igComments: IgComment[] = [];
  const faults = new Map<Endpoint, Fault[]>();
  const received: ReceivedReply[] = [];
  const requests: SeenRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let budget: { calls: number; used: number; code: number; regainMinutes: number } | null = null;
  let extraHeaders: Record<string, string> = {};

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => serve(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function serve(req: IncomingMessage, res: ServerResponse, rawBody: string): void {
    const url = new URL(req.url ?? '/', baseUrl);
    const segs = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const method = req.method ?? 'GET';
    const endpoint = classify(method, segs);
    requests.push({ method, endpoint, path: url.pathname, query: url.searchParams });
    const fault = faults.get(endpoint)?.shift();
    const run = (): Reply => handle(method, endpoint, segs, url, rawBody, req.headers.authorization);
    if (!fault) return write(res, run());
    if ('status' in fault) return write(res, { status: fault.status, body: fault.body ?? graphError(1, 'An unknown error occurred', { isTransient: true }), headers: fault.headers });
    if ('malformed' in fault) {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=UTF-8' });
      res.end('{"data": [{"id": "t_1", "updated_time": "2026-');
      return;
    }
    if ('drop' in fault) {
      if (fault.apply !== false) run();
      req.socket.destroy();
      return;
    }
    if ('slowMs' in fault) {
      const reply = run();
      const t = setTimeout(() => {
        timers.delete(t);
        if (!res.destroyed) write(res, reply);
      }, fault.slowMs);
      timers.add(t);
      return;
    }
    const reply = run();
    if (reply.status === 200) insertBroken(endpoint, reply.body, fault.item);
    write(res, reply);
  }

  function write(res: ServerResponse, r: Reply): void {
    res.on('error', () => {});
    const headers: Record<string, string> = {
      'Content-Type': 'application/json; charset=UTF-8',
      'facebook-api-version': 'v23.0',
      'x-fb-trace-id': trace(),
      ...extraHeaders,
      ...r.headers,
    };
    res.writeHead(r.status, headers);
    res.end(JSON.stringify(r.body));
  }

  function classify(method: string, segs: string[]): Endpoint {
    const [, id, edge] = segs;
    if (!id || segs.length > 3) return 'unknown';
    if (!edge) return method === 'GET' ? (id === 'me' ? 'me' : 'node') : 'unknown';
    if (edge === 'conversations' && method === 'GET') return 'conversations';
    if (edge === 'messages' && method === 'POST') return 'send';
    if ((edge === 'feed' || edge === 'posts') && method === 'GET') return 'feed';
    if (edge === 'comments') return method === 'GET' ? 'comments' : 'comment';
    if (edge === 'media' && method === 'GET') return 'media';
    if (edge === 'replies') return method === 'GET' ? 'replies' : 'reply';
    return 'unknown';
  }

  function handle(method: string, endpoint: Endpoint, segs: string[], url: URL, rawBody: string, authorization: string | undefined): Reply {
    const [version, id = '', edge] = segs;
    if (!version || !/^v\d+\.\d+$/.test(version)) return err(400, graphError(2500, 'Unknown path components: /' + segs.join('/'), { type: 'OAuthException' }));
    const presented = bearer(authorization) ?? url.searchParams.get('access_token');
    if (!presented) return err(400, graphError(104, 'An access token is required to request this resource.', { type: 'OAuthException' }));
    if (token === null || presented !== token) {
      return err(
        400,
        graphError(190, 'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.', {
          type: 'OAuthException',
          subcode: 460,
        }),
      );
    }
    const throttled = spend(endpoint);
    if (throttled) return throttled;
    const q = url.searchParams;
    const body = parseBody(rawBody);
    const fields = q.get('fields') ?? '';
    switch (endpoint) {
      case 'me':
        return ok({ id: FAKE_PAGE.id, name: FAKE_PAGE.name });
      case 'node':
        return node(id, fields);
      case 'conversations':
        if (id !== FAKE_PAGE.id) return notFound(id, method);
        return ok(listConversations(q.get('platform') === 'instagram' ? 'instagram' : 'messenger', fields, q, url));
      case 'send':
        if (id !== FAKE_PAGE.id && id !== 'me') return notFound(id, method);
        return send(body, authorization);
      case 'feed':
        if (id !== FAKE_PAGE.id) return notFound(id, method);
        return ok(listPosts(fields, q, url));
      case 'comments':
        return listCommentsOf(id, q, url, method);
      case 'comment':
        return commentOn(id, body, authorization, method);
      case 'media':
        if (id !== FAKE_IG.id || opts.linkInstagram === false) return notFound(id, method);
        return ok(listMedia(fields, q, url));
      case 'replies':
        return listIgReplies(id, q, url, method);
      case 'reply':
        return replyOnIg(id, body, authorization, method);
      default:
        return err(400, graphError(100, `Unsupported ${method.toLowerCase()} request. Unknown edge ${edge ?? ''}`, { type: 'GraphMethodException' }));
    }
  }

  // ------------------------------------------------------------------------------------------
  // Reading

  function node(id: string, fields: string): Reply {
    if (id === FAKE_PAGE.id) {
      const ig = opts.linkInstagram === false ? {} : { instagram_business_account: { id: FAKE_IG.id, username: FAKE_IG.username, followers_count: FAKE_IG.followers } };
      return ok({ id: FAKE_PAGE.id, ...(fields.includes('instagram_business_account') ? ig : {}) });
    }
    const conv = conversations.find((c) => c.id === id);
    if (conv) {
      const n = Math.min(limitIn(fields, 'messages') ?? 25, DETAILED_MESSAGES);
      const newest = [...conv.messages].sort((a, b) => b.at - a.at).slice(0, n);
      return ok({ id: conv.id, messages: { data: newest.map((m) => dmJson(conv, m)), paging: { cursors: { before: cursor(0), after: cursor(n) } } } });
    }
    const person = conversations.find((c) => c.platform === 'instagram' && c.customer.id === id)?.customer;
    if (person) return ok({ id: person.id, name: person.name ?? null, username: person.username, follower_count: person.followers ?? 0 });
    return notFound(id, 'GET');
  }

  function listConversations(platform: Conversation['platform'], fields: string, q: URLSearchParams, url: URL) {
    const n = Math.min(limitIn(fields, 'messages') ?? 25, DETAILED_MESSAGES);
    const sorted = conversations.filter((c) => c.platform === platform && c.messages.length > 0).sort((a, b) => lastAt(b) - lastAt(a));
    return paged(sorted, q, url, (c) => {
      const newest = [...c.messages].sort((a, b) => b.at - a.at).slice(0, n);
      return {
        id: c.id,
        updated_time: iso(lastAt(c)),
        participants: { data: [personJson(c, c.customer.id), personJson(c, ownId(c))] },
        messages: { data: newest.map((m) => dmJson(c, m)), paging: { cursors: { before: cursor(0), after: cursor(newest.length) } } },
      };
    });
  }

  function listPosts(fields: string, q: URLSearchParams, url: URL) {
    const nested = fieldSpec(fields, 'comments');
    const sorted = [...posts].sort((a, b) => b.at - a.at);
    return paged(sorted, q, url, (p) => {
      const out: Record<string, unknown> = { id: p.id, created_time: iso(p.at), message: p.message };
      if (nested) {
        const all = commentsUnder(p.id, nested.stream, nested.reverse);
        const listing = paged(all, new URLSearchParams({ limit: String(nested.limit ?? 25) }), new URL(`${baseUrl}/v23.0/${p.id}/comments`), fbCommentJson);
        if (all.length > 0) out['comments'] = listing;
      }
      return out;
    });
  }

  function listCommentsOf(id: string, q: URLSearchParams, url: URL, method: string): Reply {
    const stream = q.get('filter') === 'stream';
    const reverse = q.get('order') === 'reverse_chronological';
    if (posts.some((p) => p.id === id)) return ok(paged(commentsUnder(id, stream, reverse), q, url, fbCommentJson));
    if (fbComments.some((c) => c.id === id)) {
      const replies = fbComments.filter((c) => c.parentId === id).sort((a, b) => (reverse ? b.at - a.at : a.at - b.at));
      return ok(paged(replies, q, url, fbCommentJson));
    }
    if (media.some((m) => m.id === id)) return ok(paged(igTopComments(id), q, url, (c) => igCommentJson(c, q.get('fields') ?? '')));
    return notFound(id, method);
  }

  function listMedia(fields: string, q: URLSearchParams, url: URL) {
    const nested = fieldSpec(fields, 'comments');
    const sorted = [...media].sort((a, b) => b.at - a.at);
    return paged(sorted, q, url, (m) => {
      const out: Record<string, unknown> = { id: m.id, caption: m.caption, timestamp: iso(m.at) };
      const tops = igTopComments(m.id);
      if (nested && tops.length > 0) {
        out['comments'] = paged(tops, new URLSearchParams({ limit: String(nested.limit ?? 25) }), new URL(`${baseUrl}/v23.0/${m.id}/comments`), (c) => igCommentJson(c, fields));
      }
      return out;
    });
  }

  function listIgReplies(id: string, q: URLSearchParams, url: URL, method: string): Reply {
    if (!igComments.some((c) => c.id === id)) return notFound(id, method);
    return ok(paged(igComments.filter((c) => c.parentId === id).sort((a, b) => a.at - b.at), q, url, (c) => igCommentJson(c, '')));
  }

  // ------------------------------------------------------------------------------------------
  // Writing

  function send(body: Record<string, unknown> | null, authorization: string | undefined): Reply {
    const recipient = (body?.['recipient'] as { id?: unknown } | undefined)?.id;
    const message = body?.['message'] as { text?: unknown } | undefined;
    const conv = conversations.find((c) => c.customer.id === recipient);
    if (typeof recipient !== 'string' || !conv) return err(400, graphError(100, '(#100) No matching user found', { type: 'OAuthException', subcode: 2018001 }));
    const text = message?.text;
    if (typeof text !== 'string' || text.length === 0) return err(400, graphError(100, '(#100) The parameter message[text] is required', { type: 'OAuthException' }));
    const tooLong = conv.platform === 'instagram' ? Buffer.byteLength(text, 'utf8') > 1000 : text.length > 2000;
    if (tooLong) return err(400, graphError(100, '(#100) Length of param message[text] is too long', { type: 'OAuthException' }));
    const last = Math.max(0, ...conv.messages.filter((m) => m.fromId === conv.customer.id).map((m) => m.at));
    const age = now() - last;
    const type = body?.['messaging_type'];
    const tag = body?.['tag'];
    const allowed = type === 'RESPONSE' ? age <= DAY : type === 'MESSAGE_TAG' && tag === 'HUMAN_AGENT' ? age <= 7 * DAY : null;
    if (allowed === null) return err(400, graphError(100, '(#100) Param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}', { type: 'OAuthException' }));
    if (!allowed) {
      return err(400, graphError(10, '(#10) This message is sent outside of allowed window.', { type: 'OAuthException', subcode: conv.platform === 'instagram' ? 2534022 : 2018278 }));
    }
    const id = conv.platform === 'instagram' ? `aWdfZAG1faXRlbToxOklHTWVzc2FnZAU${nextId()}` : `m_${randomBytes(9).toString('base64url')}`;
    conv.messages.push({ id, at: now(), fromId: ownId(conv), text });
    received.push({ endpoint: 'send', target: FAKE_PAGE.id, body: body ?? {}, authorization, at: now(), id });
    return ok({ recipient_id: conv.customer.id, message_id: id });
  }

  function commentOn(id: string, body: Record<string, unknown> | null, authorization: string | undefined, method: string): Reply {
    const parent = fbComments.find((c) => c.id === id);
    if (!parent) return notFound(id, method);
    const message = body?.['message'];
    if (typeof message !== 'string' || !message) return err(400, graphError(100, '(#100) Missing message or attachment', { type: 'OAuthException' }));
    if (message.length > 8000) return err(400, graphError(100, '(#100) Comment is too long', { type: 'OAuthException' }));
    const created: FbComment = { id: `${parent.postId.split('_')[1]}_${nextId()}`, postId: parent.postId, at: now(), from: { id: FAKE_PAGE.id, name: FAKE_PAGE.name }, message, parentId: parent.id };
    fbComments.push(created);
    received.push({ endpoint: 'comment', target: id, body: body ?? {}, authorization, at: now(), id: created.id });
    return ok({ id: created.id });
  }

  function replyOnIg(id: string, body: Record<string, unknown> | null, authorization: string | undefined, method: string): Reply {
    const target = igComments.find((c) => c.id === id);
    if (!target) return notFound(id, method);
    const message = body?.['message'];
    if (typeof message !== 'string' || !message) return err(400, graphError(100, '(#100) The parameter message is required', { type: 'OAuthException' }));
    // Instagram adds a reply to a reply under the top-level comment.
    const top = target.parentId ?? target.id;
    const created: IgComment = { id: `1790${nextId()}`, mediaId: target.mediaId, at: now(), from: { id: FAKE_IG.id, username: FAKE_IG.username }, text: message, parentId: top };
    igComments.push(created);
    received.push({ endpoint: 'reply', target: id, body: body ?? {}, authorization, at: now(), id: created.id });
    return ok({ id: created.id });
  }

  // ------------------------------------------------------------------------------------------
  // Shapes

  function ownId(c: Conversation): string {
    return c.platform === 'instagram' ? FAKE_IG.id : FAKE_PAGE.id;
  }

  function personJson(c: Conversation, id: string): Record<string, unknown> {
    if (c.platform === 'instagram') return id === FAKE_IG.id ? { username: FAKE_IG.username, id } : { username: c.customer.username, id };
    const name = id === FAKE_PAGE.id ? FAKE_PAGE.name : c.customer.name;
    return { name, email: `${id}@facebook.com`, id };
  }

  function dmJson(c: Conversation, m: DmMessage): Record<string, unknown> {
    const to = m.fromId === c.customer.id ? ownId(c) : c.customer.id;
    return { id: m.id, created_time: iso(m.at), from: personJson(c, m.fromId), to: { data: [personJson(c, to)] }, message: m.text };
  }

  function commentsUnder(postId: string, stream: boolean, reverse: boolean): FbComment[] {
    return fbComments.filter((c) => c.postId === postId && (stream || c.parentId === null)).sort((a, b) => (reverse ? b.at - a.at : a.at - b.at));
  }

  function fbCommentJson(c: FbComment): Record<string, unknown> {
    const parent = c.parentId ? fbComments.find((p) => p.id === c.parentId) : undefined;
    return {
      id: c.id,
      created_time: iso(c.at),
      ...(c.from ? { from: c.from } : {}),
      message: c.message,
      ...(parent ? { parent: { id: parent.id, ...(parent.from ? { from: parent.from } : {}) } } : {}),
      comment_count: fbComments.filter((r) => r.parentId === c.id).length,
    };
  }

  function igTopComments(mediaId: string): IgComment[] {
    return igComments.filter((c) => c.mediaId === mediaId && c.parentId === null).sort((a, b) => b.at - a.at);
  }

  function igCommentJson(c: IgComment, fields: string): Record<string, unknown> {
    const out: Record<string, unknown> = { id: c.id, text: c.text, timestamp: iso(c.at), username: c.from.username, from: c.from };
    if (c.parentId) out['parent_id'] = c.parentId;
    const replies = igComments.filter((r) => r.parentId === c.id).sort((a, b) => a.at - b.at);
    if (fields.includes('replies') && replies.length > 0) out['replies'] = { data: replies.map((r) => igCommentJson(r, '')) };
    return out;
  }

  function paged<T>(all: T[], q: URLSearchParams, url: URL, toJson: (t: T) => unknown) {
    const limit = Math.max(1, Math.min(100, Number(q.get('limit') ?? 25) || 25));
    const start = offsetOf(q.get('after'));
    const slice = all.slice(start, start + limit);
    if (slice.length === 0) return { data: [] };
    const paging: Record<string, unknown> = { cursors: { before: cursor(start), after: cursor(start + slice.length) } };
    if (start + slice.length < all.length) {
      // Like Graph, `next` repeats the request with the token in it: adapters must not log it.
      const next = new URL(url.toString());
      next.searchParams.set('after', cursor(start + slice.length));
      next.searchParams.set('access_token', token ?? '');
      paging['next'] = next.toString();
    }
    return { data: slice.map(toJson), paging };
  }

  function insertBroken(endpoint: Endpoint, body: unknown, item: unknown): void {
    const data = (body as { data?: unknown[] }).data;
    if (!Array.isArray(data)) return;
    const defaults: Partial<Record<Endpoint, unknown>> = {
      conversations: { id: 't_broken', updated_time: 'sometime', participants: { data: [] } },
      comments: { id: `${FAKE_PAGE.id}_broken`, created_time: iso(now()), message: { unexpected: true } },
      replies: { id: '17900000000broken', timestamp: iso(now()), text: 42 },
    };
    // Feed and media carry the broken comment inside the first post's comments.
    if (endpoint === 'feed' || endpoint === 'media') {
      const first = data[0] as { comments?: { data: unknown[] } } | undefined;
      const broken =
        item ??
        (endpoint === 'feed'
          ? { id: `${FAKE_PAGE.id}_broken`, created_time: iso(now()), from: { id: '9', name: 'X' }, message: { unexpected: true } }
          : { id: '17900000000broken', timestamp: iso(now()), text: { unexpected: true }, username: 'someone' });
      if (first) (first.comments ??= { data: [] }).data.splice(1, 0, broken);
      return;
    }
    data.splice(Math.min(1, data.length), 0, item ?? defaults[endpoint] ?? { id: 'broken', unknown_shape: true });
  }

  function spend(endpoint: Endpoint): Reply | null {
    if (!budget) return null;
    budget.used++;
    const type = endpoint === 'conversations' || endpoint === 'send' ? 'messenger' : endpoint === 'media' || endpoint === 'replies' || endpoint === 'reply' ? 'instagram' : 'pages';
    const pct = Math.min(100, Math.round((budget.used / budget.calls) * 100));
    const over = budget.used > budget.calls;
    const usage = { [FAKE_PAGE.id]: [{ type, call_count: pct, total_cputime: Math.round(pct / 3), total_time: Math.round(pct / 2), estimated_time_to_regain_access: over ? budget.regainMinutes : 0 }] };
    extraHeaders = { ...extraHeaders, 'x-business-use-case-usage': JSON.stringify(usage) };
    if (!over) return null;
    const message =
      budget.code === 4 ? '(#4) Application request limit reached' : budget.code === 32 ? '(#32) Page request limit reached' : `(#${budget.code}) There have been too many calls to this account. Wait a bit and try again.`;
    return err(400, graphError(budget.code, message, { type: 'OAuthException', isTransient: true, subcode: budget.code >= 80000 ? 2446079 : undefined }));
  }

  return {
    baseUrl,
    /** Every reply the fake accepted, in order: what a customer would see. */
    received,
    requests,
    /** Uses another clock for windows and new messages (tests share theirs). */
    setNow(fn: () => number) {
      now = fn;
    },
    /** A message in the conversation between `customer` and the Page (or its Instagram account). */
    seedDm(o: { platform: 'messenger' | 'instagram'; customer: Conversation['customer']; text: string; at: number; fromBrand?: boolean; id?: string }): string {
      let conv = conversations.find((c) => c.platform === o.platform && c.customer.id === o.customer.id);
      if (!conv) {
        conv = { id: o.platform === 'instagram' ? `aWdfZAG06MTpJR01lc3NhZA2VUaHJlYWQ${nextId()}` : `t_${nextId()}`, platform: o.platform, customer: { ...o.customer }, messages: [] };
        conversations.push(conv);
      }
      const id = o.id ?? (o.platform === 'instagram' ? `aWdfZAG1faXRlbToxOklHTWVzc2FnZAU${nextId()}` : `m_${nextId()}`);
      conv.messages.push({ id, at: o.at, fromId: o.fromBrand ? ownId(conv) : o.customer.id, text: o.text });
      return id;
    },
    conversationOf(customerId: string): string | undefined {
      return conversations.find((c) => c.customer.id === customerId)?.id;
    },
    seedPost(o: { at: number; message?: string }): string {
      const id = `${FAKE_PAGE.id}_${nextId()}`;
      posts.push({ id, at: o.at, message: o.message ?? 'New roast is in.' });
      return id;
    },
    /** A comment on a Page post; `fromPage` writes as the Page; `user: null` hides the author (missing permission). */
    seedComment(o: { postId: string; user?: { id: string; name: string } | null; fromPage?: boolean; text: string; at: number; parentId?: string }): string {
      const id = `${o.postId.split('_')[1]}_${nextId()}`;
      const from = o.fromPage ? { id: FAKE_PAGE.id, name: FAKE_PAGE.name } : o.user === undefined ? { id: '200', name: 'Someone' } : o.user;
      fbComments.push({ id, postId: o.postId, at: o.at, from, message: o.text, parentId: o.parentId ?? null });
      return id;
    },
    seedMedia(o: { at: number; caption?: string }): string {
      const id = `1790${nextId()}`;
      media.push({ id, at: o.at, caption: o.caption ?? 'Morning pour.' });
      return id;
    },
    seedIgComment(o: { mediaId: string; user?: { id: string; username: string }; fromAccount?: boolean; text: string; at: number; parentId?: string }): string {
      const id = `1780${nextId()}`;
      const from = o.fromAccount ? { id: FAKE_IG.id, username: FAKE_IG.username } : (o.user ?? { id: '300', username: 'someone' });
      igComments.push({ id, mediaId: o.mediaId, at: o.at, from, text: o.text, parentId: o.parentId ?? null });
      return id;
    },
    /** The next requests to `endpoint` get these faults, one each. */
    queueFault(endpoint: Endpoint, ...f: Fault[]) {
      faults.set(endpoint, [...(faults.get(endpoint) ?? []), ...f]);
    },
    /** The token stops working, as when a person changes their password or removes the app. */
    revokeToken() {
      token = null;
    },
    /** After `calls` more calls, every call is throttled with `code` until the budget is lifted. */
    setCallBudget(calls: number | null, o: { code?: number; regainMinutes?: number } = {}) {
      budget = calls === null ? null : { calls, used: 0, code: o.code ?? 80001, regainMinutes: o.regainMinutes ?? 0 };
      if (calls === null) delete extraHeaders['x-business-use-case-usage'];
    },
    /** Headers added to every answer (e.g. X-App-Usage). */
    setHeaders(h: Record<string, string>) {
      extraHeaders = { ...extraHeaders, ...h };
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type MetaFake = Awaited<ReturnType<typeof startMetaFake>>;

/** The documented error body. */
export function graphError(code: number, message: string, o: { type?: string; subcode?: number; isTransient?: boolean } = {}) {
  return {
    error: {
      message,
      type: o.type ?? 'OAuthException',
      code,
      ...(o.subcode !== undefined ? { error_subcode: o.subcode } : {}),
      ...(o.isTransient !== undefined ? { is_transient: o.isTransient } : {}),
      fbtrace_id: trace(),
    },
  };
}

function ok(body: unknown): Reply {
  return { status: 200, body };
}
function err(status: number, body: unknown): Reply {
  return { status, body };
}
function notFound(id: string, method: string): Reply {
  return err(
    400,
    graphError(100, `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, {
      type: 'GraphMethodException',
      subcode: 33,
    }),
  );
}
function bearer(h: string | undefined): string | null {
  const m = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(h ?? '');
  return m?.[1] ?? null;
}
function parseBody(raw: string): Record<string, unknown> | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return Object.fromEntries(new URLSearchParams(raw));
  }
}
function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
}
function cursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64');
}
function offsetOf(after: string | null): number {
  if (!after) return 0;
  const m = /^offset:(\d+)$/.exec(Buffer.from(after, 'base64').toString('utf8'));
  return m ? Number(m[1]) : 0;
}
function trace(): string {
  return randomBytes(8).toString('base64url');
}
function lastAt(c: Conversation): number {
  return Math.max(...c.messages.map((m) => m.at));
}
/** `comments.filter(stream).order(reverse_chronological).limit(50){...}` → what it asks for. */
function fieldSpec(fields: string, edge: string): { limit: number | null; stream: boolean; reverse: boolean } | null {
  const m = new RegExp(`(?:^|[,{])${edge}((?:\\.[a-z_]+\\([^)]*\\))*)`).exec(fields);
  if (!m) return null;
  const mods = m[1] ?? '';
  const limit = /\.limit\((\d+)\)/.exec(mods);
  return { limit: limit ? Number(limit[1]) : null, stream: mods.includes('.filter(stream)'), reverse: mods.includes('.order(reverse_chronological)') };
}
function limitIn(fields: string, edge: string): number | null {
  return fieldSpec(fields, edge)?.limit ?? null;
}

/**
 * An adapter context wired to the fake: in-memory keychain and state (Maps the test can read),
 * the test's clock and a timeout (5 s unless the test shrinks it to provoke one).
 */
export function metaContext(o: { channel: 'facebook' | 'instagram'; baseUrl: string; now: () => number; config?: Record<string, unknown>; token?: string | null }) {
  const state = new Map<string, string>();
  const secrets = new Map<string, string>();
  if (o.token !== null) secrets.set('pageAccessToken', o.token ?? FAKE_TOKEN);
  const ig = o.channel === 'instagram' ? { igUserId: FAKE_IG.id, igUsername: FAKE_IG.username } : {};
  const ctx: AdapterContext = {
    account: {
      id: 1,
      channel: o.channel,
      network: o.channel,
      name: o.channel === 'instagram' ? FAKE_IG.username : FAKE_PAGE.name,
      handle: o.channel === 'instagram' ? `@${FAKE_IG.username}` : FAKE_PAGE.name,
      config: { baseUrl: o.baseUrl, graphVersion: 'v23.0', pageId: FAKE_PAGE.id, timeoutMs: 5_000, ...ig, ...o.config },
    },
    state: { get: (k) => state.get(k) ?? null, set: (k, v) => void state.set(k, v) },
    secrets: { get: async (k) => secrets.get(k) ?? null, set: async (k, v) => void secrets.set(k, v) },
    now: o.now,
    fetch: (input, init) => fetch(input, init),
  };
  return { ctx, state, secrets };
}

/** What the connect dialog hands a verifier: the form's plain fields and its secrets. */
export function verifyInput(baseUrl: string, config: Record<string, unknown> = {}, token: string | null = FAKE_TOKEN) {
  const secrets: Record<string, string> = token === null ? {} : { pageAccessToken: token };
  const doFetch: typeof fetch = (input, init) => fetch(input, init);
  return { config: { baseUrl, ...config } as Record<string, unknown>, secrets, fetch: doFetch };
}
