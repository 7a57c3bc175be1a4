/** Helpers shared by the channel adapter tests. */
import { ChannelError, type ChannelAdapter, type PollResult } from '../../main/channels/types';

/** The ChannelError a call ends with; fails the test if it succeeds or throws anything else. */
export async function failure(p: Promise<unknown>): Promise<ChannelError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ChannelError) return err;
    throw err;
  }
  throw new Error('expected a ChannelError, but the call succeeded');
}

/** Polls one stream until the platform has nothing more right away (a poller's round, at most 20 pages). */
export async function pollRound(
  adapter: ChannelAdapter,
  stream: string,
  cursor: string | null = null,
): Promise<{ pages: PollResult[]; cursor: string | null }> {
  const pages: PollResult[] = [];
  for (let i = 0; i < 20; i++) {
    const r = await adapter.poll(stream, cursor);
    pages.push(r);
    if (r.nextCursor !== null) cursor = r.nextCursor;
    if (!r.more) break;
  }
  return { pages, cursor };
}

export const idsOf = (pages: PollResult[]) => pages.flatMap((p) => p.items.map((i) => i.externalId));
export const itemsOf = (pages: PollResult[]) => pages.flatMap((p) => p.items);
