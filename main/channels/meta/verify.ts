/**
 * Checking a pasted Page access token before anything is stored: GET /me answers with the Page
 * the token belongs to (a Page token's "me" is the Page), and for Instagram the Page's linked
 * professional account. Nothing is written anywhere; the token only goes out as a bearer header.
 */
import { z } from 'zod';
import { ChannelError } from '../types';
import { readMetaConfig, TOKEN_SECRET } from './config';
import { graphClient, type GraphClient } from './graph';

const me = z.object({ id: z.string().min(1), name: z.string().default('') });
const pageWithInstagram = z.object({
  id: z.string().min(1),
  instagram_business_account: z.object({ id: z.string().min(1), username: z.string().optional(), followers_count: z.number().optional() }).optional(),
});

export interface VerifyInput {
  config: Record<string, unknown>;
  secrets: Record<string, string>;
  fetch: typeof fetch;
}

export function verifierClient(input: VerifyInput, network: string): GraphClient {
  const token = input.secrets[TOKEN_SECRET]?.trim();
  if (!token) throw new ChannelError('refused', `Paste the Page access token of the ${network} account.`);
  return graphClient({ fetch: input.fetch, now: Date.now, cfg: readMetaConfig(input.config), network, token: async () => token });
}

/** The Page behind the token; refuses when a Page id was typed and the token belongs to another. */
export async function verifyPage(g: GraphClient, config: Record<string, unknown>, network: string): Promise<{ id: string; name: string }> {
  const r = me.safeParse(await g.get('me', { fields: 'id,name' }));
  if (!r.success) throw new ChannelError('bad_payload', `${network} answered /me with something that is not a Page.`);
  const typed = readMetaConfig(config).pageId;
  if (typed && typed !== r.data.id) {
    throw new ChannelError('refused', `This token belongs to the Page "${r.data.name}" (${r.data.id}), not to Page ${typed}. Create the token for the right Page, or clear the Page id.`);
  }
  return r.data;
}

export async function linkedInstagram(g: GraphClient, pageId: string): Promise<{ id: string; username: string; followers: number | null }> {
  const r = pageWithInstagram.safeParse(await g.get(pageId, { fields: 'instagram_business_account{id,username,followers_count}' }));
  if (!r.success) throw new ChannelError('bad_payload', 'Facebook answered the Page lookup with an unexpected shape.');
  const ig = r.data.instagram_business_account;
  if (!ig) {
    throw new ChannelError(
      'refused',
      'This Page has no linked Instagram professional account. Link the Instagram business or creator account to the Page (Instagram settings → Accounts Center, or the Page settings), then connect again.',
    );
  }
  return { id: ig.id, username: ig.username ?? ig.id, followers: ig.followers_count ?? null };
}
