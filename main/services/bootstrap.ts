/**
 * First launch: agent settings from the OS user, the starter canned library, and the demo
 * accounts with their history, so the console is never empty. Runs once per database.
 */
import { userInfo } from 'node:os';
import { createAccount } from '../../db/accounts';
import { insertCanned } from '../../db/canned';
import type { Db } from '../../db/open';
import { getSetting, setSetting } from '../../db/settings';
import { resolveAnsweredBefore } from '../../db/threads';
import { ensureAssignee } from '../../db/workflow';
import type { Network } from '../../preload/contract';
import { SETTINGS_KEY } from '../api/common';
import { STARTER_CANNED } from '../canned/starter';
import type { Clock } from './clock';
import type { Poller } from './poller';

const DEMO_ACCOUNTS: ReadonlyArray<{ network: Network; name: string; handle: string }> = [
  { network: 'x', name: 'Harbor Coffee · X', handle: '@harborcoffee' },
  { network: 'facebook', name: 'Harbor Coffee Roasters · Facebook', handle: 'Harbor Coffee Roasters' },
  { network: 'instagram', name: 'Harbor Coffee · Instagram', handle: '@harbor.coffee' },
  { network: 'telegram', name: 'Harbor Coffee · Telegram', handle: '@HarborCoffeeBot' },
  { network: 'mastodon', name: 'Harbor Coffee · Mastodon', handle: '@harbor@mastodon.social' },
  { network: 'bluesky', name: 'Harbor Coffee · Bluesky', handle: '@harborcoffee.bsky.social' },
];

export async function bootstrap(db: Db, clock: Clock, poller: Poller): Promise<void> {
  if (getSetting(db, 'bootstrapped', false)) return;
  const now = clock.now();
  db.transaction(() => {
    const name = defaultAgentName();
    setSetting(db, SETTINGS_KEY, { agentName: name, agentSignature: `^${initials(name)}` });
    for (const c of STARTER_CANNED) insertCanned(db, { ...c, now });
    // Where a small team escalates to; colleagues are added by name the first time a thread is handed over.
    ensureAssignee(db, 'Tier 2 support', 'queue');
    ensureAssignee(db, 'Billing team', 'queue');
    DEMO_ACCOUNTS.forEach((a, i) =>
      createAccount(db, { channel: 'demo', network: a.network, name: a.name, handle: a.handle, config: { seed: 1000 + i, startedAt: now }, now }),
    );
  })();
  await poller.pollAll();
  // History that was answered a while ago is done, and so is anything quiet for three days (someone
  // dealt with it before the app was installed); the recent and unanswered rest is today's work.
  resolveAnsweredBefore(db, now - 6 * 3600_000, now - 2 * 86400_000, now - 3 * 86400_000);
  setSetting(db, 'bootstrapped', true);
}

function defaultAgentName(): string {
  let user = '';
  try {
    user = userInfo().username;
  } catch {
    // No user database entry (some containers): fall through to a neutral name.
  }
  if (!user || user === 'root') return 'Alex';
  return user.charAt(0).toUpperCase() + user.slice(1);
}

function initials(name: string): string {
  return (name.match(/\p{L}/gu) ?? ['A']).slice(0, 2).join('').toUpperCase();
}
