/**
 * Connecting a Bluesky account: the connect form, and the check of pasted credentials
 * (com.atproto.server.createSession, then app.bsky.actor.getProfile for the name and follower
 * count). It also tries chat.bsky.convo.listConvos once: an app password created without DM
 * access gets "Bad token method", and the account is then connected for posts only (`dms: false`).
 */
import { ChannelError, type AccountVerifier, type AdapterState, type ChannelSetup } from '../types';
import { DEFAULT_BASE_URL, readConfig } from './config';
import { DM_ACCESS_MISSING } from './errors';
import { profileDetailed } from './schemas';
import { XrpcClient } from './xrpc';

export const BLUESKY_SETUP: ChannelSetup = {
  channel: 'bluesky',
  label: 'Bluesky',
  help:
    'In Bluesky, open Settings → Privacy and security → App passwords and add one for this console. ' +
    'Tick “Allow access to your direct messages” so customers’ DMs can be read and answered here. ' +
    'Enter the account’s handle (or DID) and paste that app password — never the account’s main password. ' +
    'An account hosted elsewhere than Bluesky: enter its hosting provider’s address.',
  docsUrl: 'https://bsky.app/settings/app-passwords',
  fields: [
    { key: 'identifier', label: 'Handle or DID', secret: false, placeholder: 'yourbrand.bsky.social' },
    { key: 'appPassword', label: 'App password', secret: true, placeholder: 'xxxx-xxxx-xxxx-xxxx' },
    { key: 'baseUrl', label: 'Hosting provider (PDS)', secret: false, placeholder: DEFAULT_BASE_URL, optional: true },
  ],
};

export const verifyBluesky: AccountVerifier = async ({ config, secrets, fetch }) => {
  const cfg = readConfig(config);
  if (!cfg.identifier) throw new ChannelError('refused', 'Enter the Bluesky handle, for example yourbrand.bsky.social.');
  if (!secrets['appPassword']) throw new ChannelError('refused', 'Paste an app password created in Bluesky’s settings.');
  // A scratch keychain and state: nothing is stored until the person confirms the account.
  const scratch = new Map<string, string>([['appPassword', secrets['appPassword']]]);
  const state: AdapterState = { get: () => null, set: () => {} };
  const x = new XrpcClient(
    {
      fetch,
      now: Date.now,
      state,
      secrets: { get: async (k) => scratch.get(k) ?? null, set: async (k, v) => void scratch.set(k, v) },
    },
    cfg,
  );
  const session = await x.signIn();
  if (tokenScope(session.accessJwt) === 'com.atproto.access') {
    throw new ChannelError('refused', 'That is the account’s main password. Create an app password in Bluesky’s settings and paste that instead.');
  }
  const profile = profileDetailed.safeParse(await x.query('app.bsky.actor.getProfile', { actor: session.did }));
  if (!profile.success) throw new ChannelError('bad_payload', 'Bluesky answered the profile lookup unreadably.');
  let dms = true;
  try {
    await x.query('chat.bsky.convo.listConvos', { limit: 1 }, { chat: true });
  } catch (err) {
    if (!(err instanceof ChannelError && err.message === DM_ACCESS_MISSING)) throw err;
    dms = false;
  }
  return {
    name: profile.data.displayName?.trim() || profile.data.handle,
    handle: `@${profile.data.handle}`,
    externalId: session.did,
    config: { ...withoutSecrets(config), identifier: cfg.identifier, did: session.did, dms },
  };
};

/**
 * The `scope` claim of an access token, read without verifying it (only to tell a main password
 * from an app password: 'com.atproto.access' vs 'com.atproto.appPass…'). Null when unreadable.
 */
function tokenScope(jwt: string): string | null {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { scope?: unknown };
    return typeof payload.scope === 'string' ? payload.scope : null;
  } catch {
    return null;
  }
}

function withoutSecrets(config: Record<string, unknown>): Record<string, unknown> {
  const { appPassword: _drop, ...rest } = config;
  return rest;
}
