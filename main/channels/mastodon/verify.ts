/**
 * Connecting a Mastodon account: the pasted token is checked with "who am I"
 * (GET /api/v1/accounts/verify_credentials), and the server's post length is read from its
 * instance information, so the composer counts against the right limit from the start.
 */
import { ChannelError, type AccountVerifier, type ChannelSetup } from '../types';
import { baseUrlOf, MastodonClient, timeoutOf } from './client';
import { handleOf } from './mapping';
import { AccountSchema, describeIssue, InstanceSchema } from './schemas';

/** What Mastodon allows when a server says nothing (the upstream default). */
export const DEFAULT_MAX_CHARACTERS = 500;

export const MASTODON_SETUP: ChannelSetup = {
  channel: 'mastodon',
  label: 'Mastodon',
  help:
    'On your Mastodon server, open Preferences → Development → New application. Give it a name (for example "Care Console"), ' +
    'tick only these scopes: read:notifications, read:statuses, read:accounts and write:statuses, and save. ' +
    'Open the application you just created and copy "Your access token". Paste it below together with your server\'s address ' +
    '(for example https://mastodon.social). The token is kept in this computer\'s keychain only; delete the application on ' +
    'Mastodon to revoke it.',
  docsUrl: 'https://docs.joinmastodon.org/api/oauth-scopes/',
  fields: [
    { key: 'baseUrl', label: 'Server address', secret: false, placeholder: 'https://mastodon.social' },
    { key: 'accessToken', label: 'Access token', secret: true, placeholder: 'From Preferences → Development → your application' },
  ],
};

export const verifyMastodon: AccountVerifier = async ({ config, secrets, fetch }) => {
  const baseUrl = baseUrlOf(config);
  const token = secrets['accessToken']?.trim() ?? '';
  if (!token) throw new ChannelError('auth_failed', 'An access token is required.');
  const client = new MastodonClient({ baseUrl, fetch, now: Date.now, timeoutMs: timeoutOf(config), token: async () => token });
  const res = await client.call<unknown>('/api/v1/accounts/verify_credentials');
  const me = AccountSchema.safeParse(res.body);
  if (!me.success) throw new ChannelError('bad_payload', `${client.host} answered "who am I" with an unexpected account (${describeIssue(me.error)}).`);
  const maxCharacters = (await fetchMaxCharacters(client)) ?? DEFAULT_MAX_CHARACTERS;
  return {
    name: me.data.display_name?.trim() || me.data.username,
    handle: handleOf(me.data, client.host),
    externalId: me.data.id,
    config: { baseUrl, maxCharacters },
  };
};

/**
 * configuration.statuses.max_characters from /api/v2/instance (4.0+), else from /api/v1/instance
 * (3.4.2+, or `max_toot_chars` on forks); null when neither says. Never fails: the limit is a
 * convenience for the counter, the server has the last word (422) anyway.
 */
export async function fetchMaxCharacters(client: MastodonClient): Promise<number | null> {
  for (const path of ['/api/v2/instance', '/api/v1/instance']) {
    try {
      const res = await client.call<unknown>(path, { tokenOptional: true });
      const parsed = InstanceSchema.safeParse(res.body);
      if (!parsed.success) continue;
      const max = parsed.data.configuration?.statuses?.max_characters ?? parsed.data.max_toot_chars;
      if (max !== undefined) return max;
    } catch (err) {
      if (!(err instanceof ChannelError)) throw err;
    }
  }
  return null;
}
