// Issue 4's offline review, keyboard only: find a message with a filtered search (status, a
// typed date range, a word) and open it at that message; save the search and find it again in
// the panel and the palette; look at the report's charts in both themes; export a thread.
import { readFile } from 'node:fs/promises';
import { expect, shoot, test } from './fixtures';

/** YYYY-MM-DD of a local day, as the filter's date fields take it. */
function day(offsetDays: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test('find a message by a filtered search, save the search, read the report, export a thread', async ({ app: page }) => {
  await expect(page.locator('[data-testid=thread-row]').first()).toBeVisible();

  // / then Mod+F: the filter menu. Typing narrows it, Enter toggles and it stays open.
  await page.keyboard.press('/');
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.keyboard.press('Control+f');
  const menu = page.getByTestId('filter-menu');
  await expect(menu).toBeVisible();
  await page.keyboard.type('resolved');
  await page.keyboard.press('Enter');
  await expect(menu.locator('[data-filter-id="status:resolved"]')).toHaveAttribute('aria-checked', 'true');

  // A date range typed as days: the last seven, both ends included.
  await page.keyboard.type('custom range');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('range-from')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(day(-6));
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+a');
  await page.keyboard.type(day(0));
  await page.keyboard.press('Enter');
  await expect(menu.locator('[data-filter-id="date:custom"]')).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(page.getByTestId('search-input')).toBeFocused();

  // The filters are chips; with a word, the results come grouped by thread, all resolved.
  const chips = page.getByTestId('filter-chip');
  await expect(chips).toHaveCount(2);
  await expect(chips.nth(0)).toContainText('Date');
  await expect(chips.nth(1)).toContainText('Status');
  await expect(chips.nth(1)).toContainText('Resolved');
  // Filters alone already list messages; the word narrows them.
  const count = page.getByTestId('search-count');
  await expect(count).toContainText(/\d+ messages? in \d+ threads?/);
  const unfiltered = await count.textContent();
  await page.keyboard.type('refund');
  await expect(count).not.toHaveText(unfiltered!);
  await expect(count).toContainText(/\d+ messages? in \d+ threads?/);
  const groups = page.getByTestId('search-group');
  await expect(groups.first()).toBeVisible();
  const groupCount = await groups.count();
  for (let i = 0; i < groupCount; i++) await expect(groups.nth(i).locator('.status-chip')).toHaveText('Resolved');
  await expect(page.getByTestId('search-result').first().locator('mark').first()).toBeVisible();
  await shoot(page, 'search-filtered');

  // ↓ then Enter: the thread opens at that message, which is lit up.
  await page.keyboard.press('ArrowDown');
  const chosen = page.locator('[data-testid=search-result][aria-selected=true]');
  const threadId = await chosen.getAttribute('data-thread-id');
  const messageId = await chosen.getAttribute('data-message-id');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('thread')).toHaveAttribute('data-thread-id', threadId!);
  const lit = page.locator(`[data-testid=message][data-message-id="${messageId}"]`);
  await expect(lit).toHaveAttribute('data-spotlight', 'true');
  await expect(lit).toBeInViewport();
  await expect(lit).toContainText(/refund/i);
  await shoot(page, 'search-opened');

  // / again: the same search is still there. Mod+S names it and saves it.
  await page.keyboard.press('/');
  await expect(chips).toHaveCount(2);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-search-name')).toBeFocused();
  await page.keyboard.type('Refunds resolved this week');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('toast').filter({ hasText: 'Saved search “Refunds resolved this week”' })).toBeVisible();
  await expect(page.getByTestId('search-input')).toBeFocused();

  // Clear the words, then Backspace drops the chips one by one: the saved search is listed.
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(chips).toHaveCount(1);
  await page.keyboard.press('Backspace');
  await expect(chips).toHaveCount(0);
  await expect(page.getByTestId('saved-search')).toHaveCount(1);
  await expect(page.getByTestId('saved-search')).toContainText('Refunds resolved this week');

  // The palette offers it too, and it puts the words and filters back.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('Search: Refunds');
  await expect(page.getByTestId('palette').getByRole('option').first()).toContainText('Search: Refunds resolved this week');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-input')).toHaveValue('refund');
  await expect(chips).toHaveCount(2);
  await expect(page.getByTestId('search-group').first()).toBeVisible();

  // g o: the report of the last seven days, as charts, in light and dark.
  await page.keyboard.press('Escape');
  await page.keyboard.press('g');
  await page.keyboard.press('o');
  const reports = page.getByTestId('reports');
  await expect(reports).toBeVisible();
  await expect(page.getByTestId('volume-chart').locator('rect.net-fill').first()).toBeVisible();
  await expect(page.getByTestId('first-response')).toContainText('median');
  await expect(page.getByTestId('sla-card')).toContainText('Met');
  await expect(page.getByTestId('by-network').locator('tbody tr').first()).toBeVisible();
  await expect(page.locator('[role=radio][aria-checked=true]')).toHaveText('7 days');
  // Let the "saved" toast go, so the screenshots show the charts only.
  await expect(page.getByTestId('toast')).toHaveCount(0, { timeout: 15_000 });
  await page.emulateMedia({ colorScheme: 'light' });
  await shoot(page, 'reports-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shoot(page, 'reports-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // [ steps back one period of the same length; 3 picks the last 30 days.
  const label = page.getByTestId('period-label');
  const before = await label.textContent();
  await page.keyboard.press('[');
  await expect(label).not.toHaveText(before!);
  await page.keyboard.press('3');
  await expect(page.locator('[role=radio][aria-checked=true]')).toHaveText('30 days');
  await expect(page.locator('[role=radio][aria-checked=true]')).toBeFocused();

  // Back to the inbox: export the thread on screen as JSON from the palette.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('thread')).toBeVisible();
  const shownId = await page.getByTestId('thread').getAttribute('data-thread-id');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('Export thread as JSON');
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`thread-${shownId}.json`);
  const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as { format: string; thread: { id: number }; messages: { text: string; raw: unknown }[] };
  expect(exported.format).toBe('care-console.thread/1');
  expect(exported.thread.id).toBe(Number(shownId));
  expect(exported.messages.length).toBeGreaterThan(0);
  expect(exported.messages.every((m) => typeof m.text === 'string' && 'raw' in m)).toBe(true);
});
