/**
 * Connecting accounts: credentials are checked with the platform first, then kept in the OS
 * keychain only; the database gets the account's name, handle and non-secret settings.
 */
import { createAccount, deleteAccount, getAccount, listAccounts, resetPollHealth, setAccountState, updateAccount } from '../../db/accounts';
import type { AccountSummary, Channel, ChannelSetupInfo, Handlers } from '../../preload/contract';
import { NETWORK_RULES } from '../../preload/shared/length';
import { ChannelError } from '../channels/types';
import type { CoreContext } from '../core';
import { Failure } from './failure';
import { accountSummary } from './views';

type AccountHandlers = Pick<
  Handlers,
  'accounts.list' | 'channels.list' | 'accounts.connect' | 'accounts.disconnect' | 'accounts.pollNow' | 'accounts.removeWebhook'
>;

export function createAccountHandlers(ctx: CoreContext): AccountHandlers {
  const { db } = ctx;
  const summary = (id: number): AccountSummary => {
    const a = getAccount(db, id);
    if (!a) throw new Failure('not_found', `Account ${id} does not exist.`);
    return accountSummary(db, a);
  };
  const changed = (id: number) => {
    ctx.emitAccounts();
    return summary(id);
  };

  return {
    'accounts.list': () => listAccounts(db).map((a) => accountSummary(db, a)),

    'channels.list': () =>
      Object.entries(ctx.modules).flatMap(([, m]): ChannelSetupInfo[] => (m?.setup ? [{ ...m.setup }] : [])),

    'accounts.connect': async ({ channel, fields, accountId }) => {
      const module = ctx.modules[channel];
      if (!module?.setup || !module.verify) throw new Failure('refused', `Accounts on ${channel} cannot be connected from here.`);
      const config: Record<string, unknown> = {};
      const secrets: Record<string, string> = {};
      for (const f of module.setup.fields) {
        const value = (fields[f.key] ?? '').trim();
        if (!value && !f.optional) throw new Failure('bad_request', `${f.label} is required.`);
        if (!value) continue;
        if (f.secret) secrets[f.key] = value;
        else config[f.key] = value;
      }
      let who;
      try {
        who = await module.verify({ config, secrets, fetch: ctx.fetch });
      } catch (err) {
        if (err instanceof ChannelError) {
          const why = err.kind === 'auth_failed' ? 'the platform refused these credentials' : err.message;
          throw new Failure('refused', `Could not connect: ${why}. Nothing was saved.`);
        }
        throw err;
      }
      const fullConfig = { ...config, ...who.config, externalId: who.externalId };
      const network = channel === 'demo' ? 'x' : (channel as Exclude<Channel, 'demo'>);
      let id = accountId;
      if (id !== undefined) {
        const existing = getAccount(db, id);
        if (!existing || existing.channel !== channel) throw new Failure('not_found', `Account ${id} is not a ${channel} account.`);
        updateAccount(db, id, { name: who.name, handle: who.handle, config: { ...existing.config, ...fullConfig } });
      } else {
        id = createAccount(db, {
          channel,
          network,
          name: `${who.name} · ${NETWORK_RULES[network].label}`,
          handle: who.handle,
          config: fullConfig,
          now: ctx.clock.now(),
        });
      }
      try {
        await ctx.credentials.write(id, secrets);
      } catch (err) {
        // No secret, no account: never leave an account that looks connected but cannot be polled.
        if (accountId === undefined) deleteAccount(db, id);
        throw new Failure('refused', (err as Error).message);
      }
      setAccountState(db, id, 'active');
      resetPollHealth(db, id);
      ctx.dropAdapter(id);
      ctx.poller.watch(id);
      return changed(id);
    },

    'accounts.disconnect': async ({ accountId }) => {
      summary(accountId);
      ctx.poller.unwatch(accountId);
      setAccountState(db, accountId, 'paused');
      ctx.dropAdapter(accountId);
      await ctx.credentials.remove(accountId);
      return changed(accountId);
    },

    'accounts.pollNow': async ({ accountId }) => {
      const a = summary(accountId);
      if (a.state !== 'active') throw new Failure('refused', 'This account is not connected; reconnect it first.');
      const adapter = ctx.adapterFor(accountId);
      if (adapter) for (const stream of adapter.streams) await ctx.poller.pollNow(accountId, stream);
      return changed(accountId);
    },

    'accounts.removeWebhook': async ({ accountId }) => {
      const a = getAccount(db, accountId);
      const module = a ? ctx.modules[a.channel as Channel] : undefined;
      const adapterCtx = ctx.contextFor(accountId);
      if (!module?.removeWebhook || !adapterCtx) throw new Failure('refused', 'Only Telegram bots have a webhook to remove.');
      await module.removeWebhook(adapterCtx);
      resetPollHealth(db, accountId);
      ctx.poller.watch(accountId);
      return changed(accountId);
    },
  };
}
