/** Helpers shared by the channel adapter tests. */
import { ChannelError } from '../../main/channels/types';

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
