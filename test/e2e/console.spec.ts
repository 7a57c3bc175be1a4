// The core flow of issue 2, keyboard only, in real Chromium against the headless host (or in
// Electron when ELECTRON_OVERRIDE_DIST_PATH is set): open, move, reply from a canned response,
// fill its blanks, edit, send, see it sent, resolve, find it again.
import { expect, shoot, test } from './fixtures';

const rows = '[data-testid=thread-row]';
const selected = `${rows}[aria-selected=true]`;

test('answer a customer from a canned response, by keyboard only', async ({ app: page }) => {
  await expect(page.locator(rows).first()).toBeVisible();
  await expect(page.getByTestId('filter-open')).toContainText(/Open\s*\d+/);
  await shoot(page, 'inbox');

  // j moves to the second thread; Enter opens it.
  const first = await page.locator(selected).getAttribute('data-thread-id');
  await page.keyboard.press('j');
  const threadId = await page.locator(selected).getAttribute('data-thread-id');
  expect(threadId).not.toBe(first);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('thread')).toHaveAttribute('data-thread-id', threadId!);
  await expect(page.getByTestId('message').first()).toBeVisible();
  await shoot(page, 'thread');

  // r, then ;order + Tab expands the canned response with its first blank selected.
  await page.keyboard.press('r');
  const composer = page.getByTestId('composer');
  await expect(composer).toBeFocused();
  await page.keyboard.type(';order');
  await page.keyboard.press('Tab');
  await expect(composer).toHaveValue(/I’ve checked order ⟦order number⟧ and ⟦what you found⟧/);
  await expect(page.getByTestId('composer-problems')).toContainText('order number');

  // Fill both blanks: typing replaces the selected blank, Tab goes to the next one.
  await page.keyboard.type('#HC-48213');
  await page.keyboard.press('Tab');
  await page.keyboard.type('it left our roastery on Monday');
  await expect(composer).not.toHaveValue(/⟦/);

  // Edit a word: the greeting.
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.type('Hello');
  await expect(composer).toHaveValue(/^Hello .*#HC-48213 and it left our roastery on Monday\./s);
  await expect(page.getByTestId('length-count')).toContainText(/\d+ \/ [\d,]+/);
  await shoot(page, 'composer');

  await page.keyboard.press('Control+Enter');
  const sent = page.locator('[data-testid=message][data-direction=out]').filter({ hasText: '#HC-48213' });
  await expect(sent).toHaveCount(1);
  await expect(sent).toHaveAttribute('data-send-state', 'sent');
  await expect(composer).toHaveValue('');
  await shoot(page, 'sent');

  // Esc leaves the composer; e resolves and moves on to another thread.
  await page.keyboard.press('Escape');
  await page.keyboard.press('e');
  await expect(page.getByTestId('toast').filter({ hasText: /resolved/i })).toBeVisible();
  await expect(page.locator(`${rows}[data-thread-id="${threadId}"]`)).toHaveCount(0);

  // / finds the reply again; Enter opens its thread.
  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.keyboard.type('HC-48213 roastery');
  const hit = page.getByTestId('search-result').filter({ hasText: 'roastery' });
  await expect(hit).toHaveCount(1);
  await expect(hit.locator('mark').first()).toBeVisible();
  await shoot(page, 'search');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('thread')).toHaveAttribute('data-thread-id', threadId!);
  await expect(page.locator('[data-testid=message][data-direction=out]').filter({ hasText: '#HC-48213' })).toHaveAttribute('data-send-state', 'sent');
});

test('the canned picker stacks responses at the cursor, and a reply with a blank left is not sent', async ({ app: page }) => {
  await expect(page.locator(rows).first()).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.press(';');
  await expect(page.getByTestId('canned-picker')).toBeVisible();
  await page.keyboard.type('thanks kind');
  await expect(page.getByTestId('canned-item').first()).toContainText('Thanks for the kind words');
  await shoot(page, 'canned-picker');
  await page.keyboard.press('Enter');
  const composer = page.getByTestId('composer');
  await expect(composer).toBeFocused();
  await expect(composer).toHaveValue(/That made our day\. I’ll pass this on to ⟦team or person⟧/);

  // A second response stacks after the first, at the cursor.
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' ');
  await page.keyboard.press('Control+;');
  await page.keyboard.type('opening hours');
  await page.keyboard.press('Enter');
  await expect(composer).toHaveValue(/That made our day[\s\S]*Our cafés are open 7:00–18:00/);

  // Blanks are still open: sending is refused, and the reason is on screen.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('composer-problems')).toContainText('team or person');
  await expect(page.locator('[data-testid=message][data-direction=out]').filter({ hasText: 'made our day' })).toHaveCount(0);

  // The ? cheat sheet and the palette come from the same registry.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await expect(page.getByTestId('cheatsheet')).toContainText('Insert canned response');
  await shoot(page, 'cheatsheet');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('palette')).toBeVisible();
  await page.keyboard.type('resolved');
  await expect(page.getByTestId('palette')).toContainText(/Resolved/);
  await page.keyboard.press('Escape');
});
