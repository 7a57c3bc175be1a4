/**
 * The worker thread of ReadPool: a read-only connection and the review handlers (search, reports,
 * period export) exactly as the main thread would run them. Bundled as dist/main/read-worker.cjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/open';
import type { Handlers } from '../../preload/contract';
import { Failure } from '../api/failure';
import { createReviewHandlers } from '../api/review';
import type { CoreContext } from '../core';
import type { ReadReply, ReadRequest } from './read-pool';

const db = openDatabase((workerData as { dbPath: string }).dbPath, { readonly: true });
let now = Date.now();
const ctx = { db, clock: { now: () => now, setTimeout: () => ({ cancel() {} }) } } as unknown as CoreContext;
const handlers = createReviewHandlers(ctx, {
  threadDetail: () => {
    throw new Error('thread detail is answered by the main thread');
  },
}) as Pick<Handlers, ReadRequest['key']>;

parentPort!.on('message', (req: ReadRequest) => {
  now = req.now;
  void (async () => {
    let reply: ReadReply;
    try {
      const handler = handlers[req.key] as (a: unknown) => unknown;
      reply = { id: req.id, ok: true, value: await handler(req.arg) };
    } catch (err) {
      reply = { id: req.id, ok: false, code: err instanceof Failure ? err.code : null, message: (err as Error).message ?? String(err) };
    }
    parentPort!.postMessage(reply);
  })();
});
