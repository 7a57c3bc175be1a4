/** main's side of the contract: every request key has its handler, checked by `satisfies Handlers`. */
import type { Handlers } from '../../preload/contract';
import type { CoreContext } from '../core';
import { createAccountHandlers } from './accounts';
import { common } from './common';
import { createCustomerHandlers } from './customers';
import { createLibraryHandlers } from './library';
import { createReplyHandlers } from './replies';
import { createReviewHandlers } from './review';
import { createThreadHandlers } from './threads';

export function createHandlers(ctx: CoreContext): Handlers {
  const c = common(ctx);
  const threads = createThreadHandlers(ctx, c);
  return {
    ...createAccountHandlers(ctx),
    ...threads,
    ...createReplyHandlers(ctx, c),
    ...createLibraryHandlers(ctx, c),
    ...createCustomerHandlers(ctx),
    ...createReviewHandlers(ctx, { threadDetail: threads['threads.get'] }),
  } satisfies Handlers;
}
