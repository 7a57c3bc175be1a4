/**
 * The one boundary check both hosts share: the key must be in the contract and the argument must
 * fit its schema before a handler runs; whatever happens, the caller gets a `Reply`.
 */
import { requests, type CareError, type Handlers, type Reply, type RequestKey } from '../../preload/contract';
import { Failure } from './failure';

export function isRequestKey(key: unknown): key is RequestKey {
  return typeof key === 'string' && Object.hasOwn(requests, key);
}

export async function dispatch(handlers: Handlers, key: unknown, arg: unknown, log: (msg: string) => void = console.error): Promise<Reply<unknown>> {
  if (!isRequestKey(key)) return fail('bad_request', `Unknown request ${JSON.stringify(String(key)).slice(0, 80)}.`);
  const parsed = requests[key].arg.safeParse(arg ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return fail('bad_request', `Bad argument for ${key}${where}: ${issue?.message ?? 'invalid'}.`);
  }
  try {
    const handler = handlers[key] as (a: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (err) {
    if (err instanceof Failure) return fail(err.code, err.message);
    log(`[care] ${key} failed: ${(err as Error).stack ?? String(err)}`);
    return fail('internal', `Something went wrong while handling ${key}: ${(err as Error).message}`);
  }
}

function fail(code: CareError['code'], message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}
