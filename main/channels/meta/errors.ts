/**
 * Graph API errors → ChannelError. Meta answers most failures with HTTP 400 (sometimes 403 or
 * 500) and the meaning in the body, `{ error: { message, type, code, error_subcode,
 * is_transient, fbtrace_id } }`, so the code decides, not the status. Rate-limit errors are also
 * marked `is_transient`: they are checked first so they wait for the time Meta names instead
 * of being retried within seconds.
 */
import { z } from 'zod';
import { classifyGeneric, type HttpFailure } from '../http';
import { ChannelError } from '../types';
import type { MetaUsage } from './usage';

const graphError = z.object({
  error: z.object({
    message: z.string().catch('').default(''),
    type: z.string().optional().catch(undefined),
    code: z.number().optional().catch(undefined),
    error_subcode: z.number().optional().catch(undefined),
    error_user_msg: z.string().optional().catch(undefined),
    is_transient: z.boolean().optional().catch(undefined),
    fbtrace_id: z.string().optional().catch(undefined),
  }),
});

/** App (4), user (17), Page (32), custom (613) and business-use-case (800xx) throttling. */
export const RATE_LIMIT_CODES: ReadonlySet<number> = new Set([4, 17, 32, 613, 80001, 80002, 80006]);
/** 190: token expired, revoked or invalid; 102: session; 104: no token at all. */
export const AUTH_CODES: ReadonlySet<number> = new Set([102, 104, 190]);
/** Code 10 with these subcodes: the message falls outside the allowed messaging window. */
export const WINDOW_SUBCODES: ReadonlySet<number> = new Set([2018278, 2534022]);
/** Meta names no wait time: its platform limits are counted over a rolling hour. */
export const DEFAULT_RATE_WAIT_MS = 60 * 60_000;

export interface GraphErrorContext {
  now: number;
  usage: MetaUsage | null;
  /** 'Facebook' or 'Instagram', for messages people read. */
  network: string;
  /** Removes anything secret from text before it becomes an error message. */
  scrub: (text: string) => string;
}

export function classifyGraphError(f: HttpFailure, ctx: GraphErrorContext): ChannelError {
  const parsed = graphError.safeParse(f.body);
  if (!parsed.success) return scrubbed(classifyGeneric(f, ctx.now), ctx);
  const e = parsed.data.error;
  const code = e.code ?? 0;
  const sub = e.error_subcode ?? 0;
  const said = ctx.scrub(e.error_user_msg || e.message || `error ${code}`);
  const trace = e.fbtrace_id ? ` (trace ${e.fbtrace_id})` : '';

  if (RATE_LIMIT_CODES.has(code) || f.status === 429) {
    const retryAt = ctx.usage?.regainAt ?? ctx.now + DEFAULT_RATE_WAIT_MS;
    return new ChannelError('rate_limited', `${ctx.network} rate limit reached (code ${code}): ${said}`, { retryAt });
  }
  if (AUTH_CODES.has(code) || (e.type === 'OAuthException' && f.status === 401)) {
    return new ChannelError('auth_failed', `${ctx.network} no longer accepts this Page access token (it expired or was revoked): reconnect the account. ${said}`);
  }
  if (code === 10 && WINDOW_SUBCODES.has(sub)) {
    return new ChannelError(
      'refused',
      `${ctx.network} refused the reply: the customer's messaging window has closed. A reply is possible again once they write to the ${ctx.network === 'Instagram' ? 'account' : 'Page'}.`,
    );
  }
  if (code === 551) {
    return new ChannelError('refused', `${ctx.network} says this person isn't available right now (they may have blocked the ${ctx.network === 'Instagram' ? 'account' : 'Page'} or turned off messages).`);
  }
  if (code === 10 || (code >= 200 && code <= 299)) {
    return new ChannelError('refused', `Permission missing: ${said}. Reconnect with a token that has the permissions listed in the connect dialog.${trace}`);
  }
  if (e.is_transient === true || code === 1 || code === 2) {
    // An "unexpected error" on a send may still have delivered it: the outbox must look first.
    return new ChannelError('transient', `${ctx.network} had a temporary problem (code ${code}): ${said}`, { mayHaveLeft: f.writes });
  }
  if (f.status >= 500) return new ChannelError('transient', `${ctx.network} server error ${f.status}: ${said}`);
  return new ChannelError('refused', `${ctx.network} refused the request (code ${code}${sub ? `/${sub}` : ''}): ${said}${trace}`);
}

function scrubbed(err: ChannelError, ctx: GraphErrorContext): ChannelError {
  return new ChannelError(err.kind, ctx.scrub(err.message), { retryAt: err.retryAt, mayHaveLeft: err.mayHaveLeft });
}
