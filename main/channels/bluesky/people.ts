/**
 * Who the customers are: handles and names as posts and conversations carry them, follower counts
 * from app.bsky.actor.getProfiles (profileViewDetailed.followersCount; at most 25 actors a call).
 */
import type { NormalisedIdentity } from '../types';
import { profileBasic, profileDetailed, profilesOutput, type ProfileBasic, type ProfileDetailed } from './schemas';
import type { XrpcClient } from './xrpc';

const PROFILES_PER_CALL = 25;

export async function loadProfiles(x: XrpcClient, dids: Iterable<string>): Promise<Map<string, ProfileDetailed>> {
  const unique = [...new Set(dids)];
  const found = new Map<string, ProfileDetailed>();
  for (let i = 0; i < unique.length; i += PROFILES_PER_CALL) {
    const body = profilesOutput.safeParse(await x.query('app.bsky.actor.getProfiles', { actors: unique.slice(i, i + PROFILES_PER_CALL) }));
    // Follower counts rank threads; they are not worth failing a page over.
    if (!body.success) continue;
    for (const raw of body.data.profiles) {
      const p = profileDetailed.safeParse(raw);
      if (p.success) found.set(p.data.did, p.data);
    }
  }
  return found;
}

/** Profiles seen along the way (post authors, conversation members), by DID. */
export class Directory {
  private readonly known = new Map<string, ProfileBasic>();

  add(raw: unknown): void {
    const p = profileBasic.safeParse(raw);
    if (p.success && !this.known.has(p.data.did)) this.known.set(p.data.did, p.data);
  }

  identity(did: string, details: Map<string, ProfileDetailed>): NormalisedIdentity {
    const d = details.get(did);
    const p = d ?? this.known.get(did);
    const handle = p?.handle && p.handle !== 'handle.invalid' ? `@${p.handle}` : did;
    return {
      externalId: did,
      handle,
      displayName: p?.displayName?.trim() || (p ? p.handle : did),
      followerCount: d?.followersCount ?? null,
    };
  }
}

/** The DID an at:// URI belongs to (`at://did:plc:…/collection/rkey`). */
export function didOfUri(uri: string): string | null {
  const m = /^at:\/\/(did:[^/]+)\//.exec(uri);
  return m?.[1] ?? null;
}
