// Issue 3's flow on one real adapter, keyboard only: connect a Mastodon account from the UI
// against the fake Mastodon server (the token goes to the OS keychain: this runs inside the
// throwaway GNOME Keyring session of test/keychain-session.sh), poll it, see its thread
// arrive, reply, and see the reply land on the fake exactly once, threaded under the mention.
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon';
import { expect, shoot, test } from './fixtures';

let fake: MastodonFake;

test.beforeEach(async () => {
  fake = await startMastodonFake({ token: 'e2e-mastodon-token-7f3a' });
});

test.afterEach(async () => {
  await fake.close();
});

test('connect a Mastodon account, see its mention arrive, and reply to it', async ({ app: page }) => {
  const customer = fake.addAccount({ username: 'ines', domain: 'social.example', displayName: 'Inês Duarte', followers: 312 });
  const mention = fake.mention(customer, 'my zeppelin grinder order never arrived, can someone check?');
  await expect(page.locator('[data-testid=thread-row]').first()).toBeVisible();

  // g m: the accounts view; n: connect; the channel list takes arrows and Enter.
  await page.keyboard.press('g');
  await page.keyboard.press('m');
  await expect(page.getByTestId('accounts-view')).toBeVisible();
  await page.keyboard.press('n');
  const mastodon = page.locator('[data-testid=channel-option][data-channel=mastodon]');
  await expect(mastodon).toBeVisible();
  for (let i = 0; i < 10 && (await mastodon.getAttribute('aria-selected')) !== 'true'; i++) await page.keyboard.press('ArrowDown');
  await expect(mastodon).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');

  // The form asks for what the channel needs; the token is a password field.
  const server = page.getByTestId('connect-field-baseUrl');
  await expect(server).toBeFocused();
  await expect(page.getByTestId('connect-form')).toContainText('Preferences → Development');
  await expect(page.getByTestId('connect-field-accessToken')).toHaveAttribute('type', 'password');

  // A wrong token is refused by the platform, said in words, and nothing is saved.
  await page.keyboard.type(fake.baseUrl);
  await page.keyboard.press('Tab');
  await page.keyboard.type('not-the-token');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('connect-error')).toContainText('Could not connect: the platform refused these credentials. Nothing was saved.');
  await expect(page.getByTestId('connect-field-accessToken')).toHaveValue('');
  const accountsBefore = await page.getByTestId('account-row').count();

  // The right token connects; the new account is selected, and p polls it now.
  // Focus went back to the field that needs typing again.
  await expect(page.getByTestId('connect-field-accessToken')).toBeFocused();
  await page.keyboard.type(fake.token);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('toast').filter({ hasText: /Connected Harbor Coffee · Mastodon/ })).toBeVisible();
  await expect(page.getByTestId('account-row')).toHaveCount(accountsBefore + 1);
  const detail = page.getByTestId('account-detail');
  await expect(detail).toContainText('@harbor@127.0.0.1');
  await expect(page.getByTestId('accounts-view').locator('[data-testid=account-row][aria-selected=true]')).toContainText('@harbor@127.0.0.1');
  await page.keyboard.press('p');
  await expect(page.getByTestId('toast').filter({ hasText: 'Polled Harbor Coffee · Mastodon.' })).toBeVisible();
  await expect(detail.getByTestId('account-last-poll')).toContainText(/just now|min ago/);
  await expect(page.getByTestId('statusbar')).toContainText('Harbor Coffee · Mastodon');
  await shoot(page, 'accounts');
  // Whatever the form held, no secret is in the page any more.
  expect(await page.content()).not.toContain(fake.token);

  // The mention is a thread now: search finds it, Enter opens it.
  await page.keyboard.press('/');
  await page.keyboard.type('zeppelin grinder');
  const group = page.getByTestId('search-group').filter({ hasText: 'Inês Duarte' });
  await expect(group).toHaveCount(1);
  await expect(group).toContainText('Mastodon');
  await page.keyboard.press('Enter');
  const thread = page.getByTestId('thread');
  await expect(thread).toContainText('Inês Duarte');
  await expect(page.getByTestId('message').filter({ hasText: 'zeppelin grinder order never arrived' })).toBeVisible();

  // r, type, Mod+Enter: the reply goes to the fake once, in reply to the mention.
  await page.keyboard.press('r');
  await expect(page.getByTestId('composer')).toBeFocused();
  await page.keyboard.type('Hi Inês, sorry about that! Checking your zeppelin grinder order now.');
  await page.keyboard.press('Control+Enter');
  const reply = page.locator('[data-testid=message][data-direction=out]').filter({ hasText: 'Checking your zeppelin grinder order now' });
  await expect(reply).toHaveAttribute('data-send-state', 'sent', { timeout: 20_000 });
  await expect.poll(() => fake.replies.length).toBe(1);
  expect(fake.replies[0]).toMatchObject({ inReplyToId: mention.id, visibility: 'public' });
  expect(fake.replies[0]!.status).toContain('Checking your zeppelin grinder order now.');
  expect(fake.replies[0]!.idempotencyKey).toBeTruthy();
  // A second look a little later: still exactly one.
  await page.waitForTimeout(2000);
  expect(fake.replies).toHaveLength(1);
  await shoot(page, 'mastodon-reply');
});
