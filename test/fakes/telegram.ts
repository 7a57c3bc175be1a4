/**
 * A fake Telegram Bot API on 127.0.0.1 for adapter tests. It speaks the endpoints the adapter
 * uses (getMe, getUpdates with offset/limit/timeout long polling and confirmation, sendMessage
 * with reply_parameters, deleteWebhook) with the documented bodies: `{ ok, result }`, failures
 * as `{ ok: false, error_code, description, parameters }`. Tests seed customer messages, queue
 * faults per method, revoke the token, set a webhook, and read back every message it accepted.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
}

export interface FakeChat {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
  title?: string;
  username?: string;
  first_name?: string;
  last_name?: string;
}

export type FakeMessage = Record<string, unknown> & { message_id: number; chat: FakeChat; date: number };

/** What a queued fault does to the next request of its method. */
export type Fault =
  | { status: number; body: unknown; headers?: Record<string, string> }
  /** Answer normally, but only after this long (longer than the adapter's timeout). */
  | { slowMs: number }
  /** Read the request, then cut the connection; `applied`: after carrying it out (the message was sent). */
  | { drop: 'before' | 'applied' }
  /** 200 with a body that is not JSON. */
  | { malformed: true };

export interface SentRecord {
  chat_id: unknown;
  text: unknown;
  params: Record<string, unknown>;
  message: FakeMessage;
}

export interface RequestRecord {
  method: string;
  httpMethod: string;
  params: Record<string, unknown>;
}

export interface TelegramFake {
  baseUrl: string;
  /** The token the fake accepts right now. */
  token: string;
  bot: FakeUser;
  /** Every request, in order, without the token. */
  requests: RequestRecord[];
  /** Every message sendMessage accepted (what customers would see). */
  sent: SentRecord[];
  close(): Promise<void>;
  seedPrivate(from: FakeUser, text: string, opts?: { replyTo?: number; extra?: Record<string, unknown> }): FakeMessage;
  seedGroup(chat: FakeChat, from: FakeUser, text: string, opts?: { mentionBot?: boolean; replyTo?: number; senderChat?: FakeChat; extra?: Record<string, unknown> }): FakeMessage;
  seedEdit(message: FakeMessage, text: string): FakeMessage;
  /** Any update body ({ message: ... } with a broken message, { callback_query: ... } ...); returns its update_id. */
  seedRaw(body: Record<string, unknown>): number;
  /** Updates Telegram still holds (not yet confirmed). */
  pending(): number;
  queueFault(method: string, fault: Fault, times?: number): void;
  rateLimit(method: string, retryAfterSeconds: number): void;
  /** Replaces the valid token (as /revoke in @BotFather does); returns the new one. */
  revokeToken(): string;
  setWebhook(url: string): void;
  webhookUrl(): string;
  blockBy(chatId: number): void;
}

const BOT: FakeUser = { id: 7_100_200_300, is_bot: true, first_name: 'Harbor Coffee', username: 'harbor_coffee_bot' };
let tokenSerial = 0;
const makeToken = () => `${BOT.id}:AAF${'x'.repeat(28)}${String(++tokenSerial).padStart(4, '0')}`;

export async function startTelegramFake(opts: { now?: () => number } = {}): Promise<TelegramFake> {
  const now = opts.now ?? Date.now;
  let token = makeToken();
  let webhook = '';
  let nextUpdateId = 734_500_000;
  const queue: Array<Record<string, unknown> & { update_id: number }> = [];
  const chats = new Map<number, { chat: FakeChat; messages: Map<number, FakeMessage>; lastId: number }>();
  const faults = new Map<string, Fault[]>();
  const blocked = new Set<number>();
  const waiters = new Set<() => void>();
  const requests: RequestRecord[] = [];
  const sent: SentRecord[] = [];

  const chatStore = (chat: FakeChat) => {
    let c = chats.get(chat.id);
    if (!c) chats.set(chat.id, (c = { chat, messages: new Map(), lastId: 100 }));
    return c;
  };
  const seconds = () => Math.floor(now() / 1000);
  const wake = () => {
    for (const w of [...waiters]) w();
  };
  const pushUpdate = (body: Record<string, unknown>): number => {
    const update_id = nextUpdateId++;
    queue.push({ update_id, ...body });
    wake();
    return update_id;
  };
  /** A stored message as reply_to_message carries it: without its own reply_to_message. */
  const quoted = (chatId: number, messageId: number | undefined) => {
    if (messageId === undefined) return undefined;
    const m = chats.get(chatId)?.messages.get(messageId);
    if (!m) return undefined;
    const { reply_to_message: _drop, ...rest } = m;
    return rest;
  };
  const newMessage = (chat: FakeChat, fields: Record<string, unknown>, replyTo?: number): FakeMessage => {
    const store = chatStore(chat);
    const message_id = ++store.lastId;
    const reply = quoted(chat.id, replyTo);
    const message: FakeMessage = { message_id, date: seconds(), chat, ...fields, ...(reply ? { reply_to_message: reply } : {}) };
    store.messages.set(message_id, message);
    return message;
  };

  const fake: TelegramFake = {
    baseUrl: '',
    get token() {
      return token;
    },
    bot: BOT,
    requests,
    sent,
    close: async () => {
      wake();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    seedPrivate(from, text, o = {}) {
      const chat: FakeChat = { id: from.id, type: 'private', first_name: from.first_name, ...(from.last_name ? { last_name: from.last_name } : {}), ...(from.username ? { username: from.username } : {}) };
      const m = newMessage(chat, { from, text, ...o.extra }, o.replyTo);
      pushUpdate({ message: m });
      return m;
    },
    seedGroup(chat, from, text, o = {}) {
      let body = text;
      const entities: Array<Record<string, unknown>> = [];
      if (o.mentionBot) {
        const handle = `@${BOT.username}`;
        if (!body.includes(handle)) body = `${handle} ${body}`;
        entities.push({ type: 'mention', offset: body.indexOf(handle), length: handle.length });
      }
      const fields: Record<string, unknown> = { from, text: body, ...(entities.length ? { entities } : {}), ...o.extra };
      if (o.senderChat) fields['sender_chat'] = o.senderChat;
      const m = newMessage(chat, fields, o.replyTo);
      pushUpdate({ message: m });
      return m;
    },
    seedEdit(message, text) {
      const edited: FakeMessage = { ...message, text, edit_date: seconds() };
      chatStore(message.chat).messages.set(message.message_id, edited);
      pushUpdate({ edited_message: edited });
      return edited;
    },
    seedRaw: (body) => pushUpdate(body),
    pending: () => queue.length,
    queueFault(method, fault, times = 1) {
      const list = faults.get(method.toLowerCase()) ?? [];
      for (let i = 0; i < times; i++) list.push(fault);
      faults.set(method.toLowerCase(), list);
    },
    rateLimit(method, retryAfterSeconds) {
      fake.queueFault(method, {
        status: 429,
        body: { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfterSeconds}`, parameters: { retry_after: retryAfterSeconds } },
      });
    },
    revokeToken() {
      token = makeToken();
      return token;
    },
    setWebhook(url) {
      webhook = url;
    },
    webhookUrl: () => webhook,
    blockBy(chatId) {
      blocked.add(chatId);
    },
  };

  type Answer = { status: number; body: unknown };
  const ok = (result: unknown): Answer => ({ status: 200, body: { ok: true, result } });
  const fail = (status: number, description: string, parameters?: Record<string, unknown>): Answer => ({
    status,
    body: { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) },
  });

  async function getUpdates(params: Record<string, unknown>, res: ServerResponse): Promise<Answer> {
    if (webhook) return fail(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    const offset = typeof params['offset'] === 'number' ? params['offset'] : undefined;
    // An update counts as confirmed once getUpdates is called with a higher offset.
    if (offset !== undefined) while (queue.length > 0 && queue[0]!.update_id < offset) queue.shift();
    const limit = typeof params['limit'] === 'number' ? Math.max(1, Math.min(100, params['limit'])) : 100;
    const timeout = typeof params['timeout'] === 'number' ? params['timeout'] : 0;
    if (queue.length === 0 && timeout > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, timeout * 1000);
        waiters.add(done);
        res.on('close', done);
      });
    }
    return ok(queue.slice(0, limit));
  }

  function sendMessage(params: Record<string, unknown>): Answer {
    const chatId = params['chat_id'];
    const store = typeof chatId === 'number' ? chats.get(chatId) : undefined;
    if (!store) return fail(400, 'Bad Request: chat not found');
    if (blocked.has(store.chat.id)) return fail(403, 'Forbidden: bot was blocked by the user');
    const text = typeof params['text'] === 'string' ? params['text'] : '';
    if (!text.trim()) return fail(400, 'Bad Request: message text is empty');
    if (text.length > 4096) return fail(400, 'Bad Request: message is too long');
    const rp = params['reply_parameters'] as { message_id?: number; allow_sending_without_reply?: boolean } | undefined;
    if (rp?.message_id !== undefined && !store.messages.has(rp.message_id) && !rp.allow_sending_without_reply) {
      return fail(400, 'Bad Request: message to be replied not found');
    }
    const message = newMessage(store.chat, { from: BOT, text }, rp?.message_id);
    sent.push({ chat_id: chatId, text, params, message });
    return ok(message);
  }

  async function answer(method: string, params: Record<string, unknown>, res: ServerResponse): Promise<Answer> {
    switch (method) {
      case 'getme':
        return ok({ ...BOT, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false });
      case 'getupdates':
        return getUpdates(params, res);
      case 'sendmessage':
        return sendMessage(params);
      case 'deletewebhook': {
        const had = webhook !== '';
        webhook = '';
        if (params['drop_pending_updates'] === true) queue.length = 0;
        return { status: 200, body: { ok: true, result: true, description: had ? 'Webhook was deleted' : 'Webhook is already deleted' } };
      }
      default:
        return fail(404, 'Not Found');
    }
  }

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const m = /^\/bot([^/]*)\/([A-Za-z]+)$/.exec(url.pathname);
    const send = (a: Answer, headers: Record<string, string> = {}) => {
      if (res.destroyed) return;
      const text = typeof a.body === 'string' ? a.body : JSON.stringify(a.body);
      res.writeHead(a.status, { 'Content-Type': 'application/json', ...headers });
      res.end(text);
    };
    if (!m) return send(fail(404, 'Not Found'));
    const [, pathToken = '', methodName = ''] = m;
    const method = methodName.toLowerCase();
    const params = { ...parseParams(url.searchParams), ...parseBody(raw, req.headers['content-type']) };
    requests.push({ method, httpMethod: req.method ?? 'GET', params });
    // A token Telegram can't parse is "Not Found"; a well-formed but wrong one is "Unauthorized".
    if (!/^\d+:[\w-]+$/.test(pathToken)) return send(fail(404, 'Not Found'));
    if (pathToken !== token) return send(fail(401, 'Unauthorized'));

    const fault = faults.get(method)?.shift();
    if (fault && 'status' in fault) return send({ status: fault.status, body: fault.body }, fault.headers);
    if (fault && 'malformed' in fault) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"ok":true,"result":[{"update_id":');
      return;
    }
    if (fault && 'drop' in fault) {
      if (fault.drop === 'applied') await answer(method, params, res);
      req.socket.destroy();
      return;
    }
    if (fault && 'slowMs' in fault) await new Promise((r) => setTimeout(r, fault.slowMs));
    send(await answer(method, params, res));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The Bot API takes parameters as query, form or JSON; query and form values are JSON-ish text. */
function parseParams(search: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of search) {
    try {
      out[key] = /^(-?\d+|true|false|\[.*\]|\{.*\})$/s.test(value) ? JSON.parse(value) : value;
    } catch {
      out[key] = value;
    }
  }
  return out;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  }
  return parseParams(new URLSearchParams(raw));
}
