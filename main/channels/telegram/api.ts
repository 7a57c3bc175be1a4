/**
 * Calls to the Telegram Bot API: `{baseUrl}/bot{token}/{method}`, answers wrapped in
 * `{ ok, result }`, failures in `{ ok: false, error_code, description, parameters }`.
 * The token sits in the URL path, so every error leaving this module is rebuilt from words we
 * chose (never the URL, never the original cause) and scrubbed of the token once more.
 */
import { requestJson, retryAfter, type HttpFailure } from '../http';
import { ChannelError } from '../types';
import { ApiErrorBody, Envelope } from './schema';

export const DEFAULT_BASE_URL = 'https://api.telegram.org';
const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_LONG_POLL_SECONDS = 25;
/** What @BotFather hands out: the bot's numeric id, a colon, then letters, digits, - and _. */
const TOKEN_SHAPE = /^\d+:[A-Za-z0-9_-]{20,}$/;

export interface TelegramConfig {
  baseUrl: string;
  timeoutMs: number;
  longPollSeconds: number;
}

export function readConfig(config: Record<string, unknown>): TelegramConfig {
  const base = typeof config['baseUrl'] === 'string' && config['baseUrl'].trim() ? config['baseUrl'].trim() : DEFAULT_BASE_URL;
  const timeout = config['timeoutMs'];
  const longPoll = config['longPollSeconds'];
  return {
    baseUrl: base.replace(/\/+$/, ''),
    timeoutMs: typeof timeout === 'number' && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS,
    // Telegram holds the request open up to this long when nothing is pending; 0 is a plain poll.
    longPollSeconds: typeof longPoll === 'number' && longPoll >= 0 ? Math.min(Math.floor(longPoll), 50) : DEFAULT_LONG_POLL_SECONDS,
  };
}

export function isTokenShaped(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

export interface CallOptions {
  token: string;
  config: TelegramConfig;
  fetch: typeof fetch;
  now: () => number;
  /** GET with the parameters in the query (reads) or POST with a JSON body (writes). */
  method: 'GET' | 'POST';
  params?: Record<string, unknown>;
  /** Extra time on top of the request timeout (a long poll is meant to take a while). */
  extraTimeoutMs?: number;
}

/** One Bot API call; the unwrapped `result`, or a ChannelError whose text never holds the token. */
export async function callApi(apiMethod: string, opts: CallOptions): Promise<unknown> {
  const { token, config } = opts;
  if (!isTokenShaped(token)) {
    throw new ChannelError('auth_failed', 'The stored Telegram bot token is not in the form @BotFather gives out. Reconnect the account with the token from @BotFather.');
  }
  let url = `${config.baseUrl}/bot${token}/${apiMethod}`;
  if (opts.method === 'GET' && opts.params) url += `?${toQuery(opts.params)}`;
  try {
    const res = await requestJson<unknown>(
      opts.fetch,
      url,
      {
        method: opts.method,
        json: opts.method === 'POST' ? (opts.params ?? {}) : undefined,
        timeoutMs: config.timeoutMs + (opts.extraTimeoutMs ?? 0),
        classify: (f) => classifyTelegram(f, apiMethod, opts.now()),
      },
      opts.now,
    );
    const envelope = Envelope.safeParse(res.body);
    if (!envelope.success || !envelope.data.ok) {
      throw new ChannelError('bad_payload', `Telegram answered ${apiMethod} with something that is not a Bot API response.`);
    }
    return envelope.data.result;
  } catch (err) {
    throw scrub(err, token);
  }
}

/** Telegram's own failure signals, in words an agent can act on. */
export function classifyTelegram(f: HttpFailure, apiMethod: string, now: number): ChannelError | null {
  const parsed = ApiErrorBody.safeParse(f.body);
  const body = parsed.success ? parsed.data : {};
  const description = body.description ?? '';
  const params = body.parameters ?? {};
  const said = description || `HTTP ${f.status}`;
  if (f.status === 429) {
    const seconds = params.retry_after;
    const retryAt = seconds !== undefined ? now + seconds * 1000 : (retryAfter(f.headers, now) ?? now + 30_000);
    return new ChannelError('rate_limited', `Telegram's flood control asks the bot to wait${seconds !== undefined ? ` ${seconds} s` : ''} before the next request.`, { retryAt });
  }
  if (f.status === 401) {
    return new ChannelError('auth_failed', 'Telegram no longer accepts this bot token (it was revoked or replaced in @BotFather). Reconnect the account with the current token.');
  }
  // A token Telegram can't even parse gets "404 Not Found" rather than 401.
  if (f.status === 404 && /not found/i.test(description)) {
    return new ChannelError('auth_failed', 'Telegram does not recognise this bot token. Check that it was copied whole from @BotFather, then reconnect the account.');
  }
  if (f.status === 409) {
    if (/webhook/i.test(description)) {
      return new ChannelError('refused', 'A webhook is set for this bot, so Telegram will not hand updates to the console. Remove it (deleteWebhook) to use polling.');
    }
    // "terminated by other getUpdates request": another program polls the same bot. Often a
    // previous run's request still open, which clears by itself; so retry with backoff.
    return new ChannelError('transient', 'Another program is reading this bot\'s updates at the same time; Telegram lets only one do so. If this keeps happening, stop the other program.');
  }
  if (params.migrate_to_chat_id !== undefined) {
    return new ChannelError('refused', 'This group was upgraded to a supergroup and now has a new chat on Telegram. Answer the customer in the new conversation.');
  }
  if (f.status === 403) return new ChannelError('refused', forbidden(description, said));
  if (f.status === 400) return new ChannelError('refused', badRequest(description, said, apiMethod));
  if (f.status >= 500) {
    const retryAt = params.retry_after !== undefined ? now + params.retry_after * 1000 : retryAfter(f.headers, now);
    return new ChannelError('transient', `Telegram had a server error (${f.status}).`, { retryAt });
  }
  return null;
}

function forbidden(description: string, said: string): string {
  if (/blocked by the user/i.test(description)) return 'The customer has blocked the bot, so Telegram will not deliver the reply.';
  if (/kicked|not a member|was removed/i.test(description)) return 'The bot is no longer a member of this group, so it cannot post there. Add it back to answer.';
  if (/deactivated|deleted user/i.test(description)) return 'The customer\'s Telegram account was deleted, so the reply cannot be delivered.';
  if (/can't initiate conversation/i.test(description)) return 'Telegram lets a bot write only to people who have started a chat with it.';
  if (/not enough rights|have no rights/i.test(description)) return 'The bot may not post in this group (its permissions there were taken away).';
  return `Telegram refused: ${said}`;
}

function badRequest(description: string, said: string, apiMethod: string): string {
  if (/message is too long/i.test(description)) return 'The reply is longer than Telegram allows (4,096 characters). Shorten it and send again.';
  if (/text is empty/i.test(description)) return 'Telegram will not send an empty reply.';
  if (/chat not found/i.test(description)) return 'Telegram cannot find this chat any more (it was deleted, or the bot was removed from it).';
  return `Telegram refused ${apiMethod}: ${said}`;
}

/** Rebuilds the error from its parts only, so no URL in a cause or message can carry the token. */
function scrub(err: unknown, token: string): ChannelError {
  const clean = (s: string) => (token ? s.split(token).join('***') : s);
  if (err instanceof ChannelError) {
    return new ChannelError(err.kind, clean(err.message), { retryAt: err.retryAt, mayHaveLeft: err.mayHaveLeft });
  }
  return new ChannelError('transient', clean(`Telegram request failed: ${(err as Error)?.message ?? String(err)}`));
}

/** Bot API query parameters: arrays and objects JSON-serialised, as the API expects. */
function toQuery(params: Record<string, unknown>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    q.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return q.toString();
}
