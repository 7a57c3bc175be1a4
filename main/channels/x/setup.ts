/**
 * Connecting an X account: the form, and the check of pasted tokens against GET /2/users/me
 * before anything is stored.
 */
import { requestJson } from '../http';
import { ChannelError, type AccountVerifier, type ChannelSetup } from '../types';
import { baseUrlOf, classifyX, timeoutOf } from './client';
import { MeSchema } from './schemas';

export const X_SETUP: ChannelSetup = {
  channel: 'x',
  label: 'X',
  help:
    'In the X Developer Console, open your app (inside a Project) and turn on OAuth 2.0 as a public ' +
    'client (Native App). Sign in as the brand account through the app with the scopes tweet.read, ' +
    'tweet.write, users.read, dm.read, dm.write and offline.access, then paste the access token and ' +
    'the refresh token here with the app’s Client ID. The access token lasts two hours; with the ' +
    'refresh token and Client ID the console renews it by itself. Tokens stay in this computer’s keychain.',
  docsUrl: 'https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code',
  fields: [
    { key: 'accessToken', label: 'Access token (OAuth 2.0, user context)', secret: true },
    { key: 'refreshToken', label: 'Refresh token', secret: true, optional: true },
    { key: 'clientId', label: 'OAuth 2.0 Client ID', secret: false, optional: true, placeholder: 'From Keys and tokens in the Developer Console' },
  ],
};

export const verifyX: AccountVerifier = async ({ config, secrets, fetch }) => {
  const token = secrets['accessToken']?.trim();
  if (!token) throw new ChannelError('refused', 'Paste the access token of the brand account.');
  const clientId = typeof config['clientId'] === 'string' ? config['clientId'].trim() : '';
  if (secrets['refreshToken'] && !clientId) {
    throw new ChannelError('refused', 'A refresh token can only be used with the app’s OAuth 2.0 Client ID: paste it too.');
  }
  const res = await requestJson<unknown>(fetch, `${baseUrlOf(config)}/2/users/me?user.fields=username,name,public_metrics`, {
    headers: { Authorization: `Bearer ${token}` },
    timeoutMs: timeoutOf(config),
    classify: (f) =>
      f.status === 401
        ? new ChannelError('auth_failed', 'X did not accept this access token (it lasts two hours: paste a fresh one).')
        : classifyX(f, Date.now(), 'the account check'),
  });
  const me = MeSchema.safeParse(res.body);
  if (!me.success) throw new ChannelError('bad_payload', 'X answered the account check with an unexpected body.');
  const { id, name, username } = me.data.data;
  return { name: name || username, handle: `@${username}`, externalId: id, config: { userId: id } };
};
