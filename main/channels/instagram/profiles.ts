/**
 * Follower counts of Instagram DM customers, from the User Profile API (GET /{IGSID} with the
 * Page token; it answers for people who have messaged the account). Remembered for a day per
 * adapter and bounded per poll, so a busy inbox doesn't spend the rate limit on profiles. A
 * profile that can't be read leaves the count unknown; a revoked token or a rate limit stops
 * the poll like any other request.
 */
import { z } from 'zod';
import { ChannelError } from '../types';
import type { GraphClient } from '../meta/graph';

const PROFILE_TTL_MS = 24 * 60 * 60_000;
const LOOKUPS_PER_POLL = 10;
const profile = z.object({ follower_count: z.number().int().nonnegative().optional() });

export function instagramFollowers(g: GraphClient, now: () => number): (ids: string[]) => Promise<Map<string, number | null>> {
  const cache = new Map<string, { count: number | null; at: number }>();
  return async (ids) => {
    const out = new Map<string, number | null>();
    let lookups = 0;
    for (const id of ids) {
      const hit = cache.get(id);
      if (hit && now() - hit.at < PROFILE_TTL_MS) {
        out.set(id, hit.count);
        continue;
      }
      if (lookups++ >= LOOKUPS_PER_POLL || id.startsWith('username:')) continue;
      let count: number | null = null;
      try {
        const r = profile.safeParse(await g.get(id, { fields: 'name,username,follower_count' }));
        count = r.success ? (r.data.follower_count ?? null) : null;
      } catch (err) {
        if (err instanceof ChannelError && (err.kind === 'auth_failed' || err.kind === 'rate_limited')) throw err;
      }
      cache.set(id, { count, at: now() });
      out.set(id, count);
    }
    return out;
  };
}
