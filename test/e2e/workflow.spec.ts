// The care workflow of issue 4, keyboard only, in real Chromium against the headless host (or
// in Electron when ELECTRON_OVERRIDE_DIST_PATH is set): snooze a thread and find it in
// Snoozed, hand one to a queue with a private note, label one, resolve three at once, switch
// crisis mode on from the palette, and open a customer's profile across networks.
import type { Page } from '@playwright/test';
import { expect, shoot, test } from './fixtures';

const rows = '[data-testid=thread-row]';
const selected = `${rows}[aria-selected=true]`;

const selectedId = async (page: Page) => (await page.locator(selected).getAttribute('data-thread-id'))!;
const toast = (page: Page, text: string | RegExp) => page.getByTestId('toast').filter({ hasText: text });

test('triage a day by keyboard: snooze, escalate with a note, label, bulk resolve, crisis, customer', async ({ app: page }) => {
  await expect(page.locator(rows).first()).toBeVisible();
  await expect(page.getByTestId('filter-pending')).toContainText('Pending');
  await expect(page.getByTestId('filter-snoozed')).toContainText('Snoozed');

  // s: "in 3 hours" is read as a time while it is typed; Enter snoozes; the thread leaves Open.
  const snoozedId = await selectedId(page);
  await page.keyboard.press('s');
  await expect(page.getByTestId('snooze-picker')).toBeVisible();
  await expect(page.getByTestId('snooze-input')).toBeFocused();
  await page.keyboard.type('in 3 hours');
  await expect(page.getByTestId('snooze-parsed')).toContainText(/Comes back .* · in (2 h 59 min|3 h)/);
  await shoot(page, 'snooze-picker');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('snooze-picker')).toBeHidden();
  await expect(toast(page, /^Snoozed .* until .* press z to undo/)).toBeVisible();
  await expect(page.locator(`${rows}[data-thread-id="${snoozedId}"]`)).toHaveCount(0);

  // g z: the Snoozed tab has it, with the time it comes back.
  await page.keyboard.press('g');
  await page.keyboard.press('z');
  await expect(page.getByTestId('filter-snoozed')).toHaveAttribute('aria-selected', 'true');
  const snoozedRow = page.locator(`${rows}[data-thread-id="${snoozedId}"]`);
  await expect(snoozedRow).toBeVisible();
  await expect(snoozedRow.getByTestId('snoozed-until')).toContainText(/today|tomorrow/);
  await expect(page.getByTestId('thread-meta').getByTestId('snoozed-until')).toBeVisible();
  await shoot(page, 'snoozed');

  // g i, then a: hand the top thread to "Billing team" with a private note (Tab reaches it).
  await page.keyboard.press('g');
  await page.keyboard.press('i');
  await expect(page.getByTestId('filter-open')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator(selected)).toBeVisible();
  const escalatedId = await selectedId(page);
  await page.keyboard.press('a');
  await expect(page.getByTestId('assign-input')).toBeFocused();
  await page.keyboard.type('Billing team');
  await expect(page.getByTestId('assign-option').first()).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('assign-option').first()).toContainText('Billing team');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('assign-note')).toBeFocused();
  await page.keyboard.type('Charged twice for one order: please refund the second charge.');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('assign-picker')).toBeHidden();
  await expect(toast(page, /Handed .* to Billing team with a note/)).toBeVisible();
  // The assignee everywhere the thread is: its row, the header, the customer pane.
  const escalatedRow = page.locator(`${rows}[data-thread-id="${escalatedId}"]`);
  await expect(escalatedRow.getByTestId('assignee-chip')).toContainText('Billing team');
  await expect(page.getByTestId('thread-meta').getByTestId('assignee-chip')).toContainText('Billing team');
  await expect(page.getByTestId('customer-care')).toContainText('Billing team');
  // The note is in the timeline, marked as never sent; the hand-over is a quiet log line.
  const note = page.getByTestId('note').filter({ hasText: 'please refund the second charge' });
  await expect(note).toBeVisible();
  await expect(note).toContainText('Private note · never sent');
  await expect(page.getByTestId('event').filter({ hasText: 'handed to Billing team' })).toBeVisible();
  await shoot(page, 'escalated');

  // l: a new label is created with Enter and put on the thread; Esc closes the picker.
  await page.keyboard.press('l');
  await expect(page.getByTestId('label-input')).toBeFocused();
  await page.keyboard.type('refund');
  await expect(page.getByTestId('label-option').first()).toContainText(/refund/);
  await page.keyboard.press('Enter');
  await expect(toast(page, /Labelled .* “refund”/)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('label-picker')).toBeHidden();
  await expect(escalatedRow.getByTestId('label-chip')).toHaveText('refund');
  await expect(page.getByTestId('thread-meta').getByTestId('label-chip')).toHaveText('refund');

  // x on three rows, e resolves all three (during a crisis it would ask first).
  await page.keyboard.press('j');
  const picked: string[] = [];
  for (let i = 0; i < 3; i++) {
    if (i > 0) await page.keyboard.press('j');
    picked.push(await selectedId(page));
    await page.keyboard.press('x');
  }
  await expect(page.getByTestId('bulk-bar')).toContainText('3 selected');
  for (const id of picked) await expect(page.locator(`${rows}[data-thread-id="${id}"]`)).toHaveAttribute('aria-checked', 'true');
  await shoot(page, 'bulk-selection');
  await page.keyboard.press('e');
  const resolved = toast(page, 'Resolved 3 threads.');
  await expect(resolved.or(page.getByTestId('confirm-bulk'))).toBeVisible();
  if (await page.getByTestId('confirm-bulk').isVisible()) await page.keyboard.press('Enter');
  await expect(resolved).toBeVisible();
  await expect(page.getByTestId('bulk-bar')).toBeHidden();
  for (const id of picked) await expect(page.locator(`${rows}[data-thread-id="${id}"]`)).toHaveCount(0);

  // Crisis mode from the palette: the banner says so, the crisis set of canned responses leads.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('Turn crisis mode on');
  await expect(page.getByTestId('palette').locator('[aria-selected=true]')).toContainText('Turn crisis mode on');
  await page.keyboard.press('Enter');
  const banner = page.getByTestId('crisis-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Crisis mode: switched on by an agent');
  await expect(banner).toContainText('see the spike');
  await page.keyboard.press('g');
  await page.keyboard.press('!');
  await expect(page.getByTestId('inbox')).toBeFocused();
  await shoot(page, 'crisis-banner');
  await page.keyboard.press(';');
  await expect(page.getByTestId('canned-item').first().getByTestId('crisis-badge')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('canned-picker')).toBeHidden();

  // c on the snoozed thread's customer: identities, look-alikes on other networks, every
  // message in one timeline. Enter on a suggestion links it; v marks VIP; Esc closes.
  await page.keyboard.press('g');
  await page.keyboard.press('z');
  await expect(page.locator(`${selected}[data-thread-id="${snoozedId}"]`)).toBeVisible();
  await page.keyboard.press('c');
  const profile = page.getByTestId('customer-profile');
  await expect(profile).toBeVisible();
  await expect(profile.getByTestId('identity').first()).toBeVisible();
  await expect(profile.getByTestId('timeline-entry').first()).toBeVisible();
  await expect(profile.locator('[data-current=true]')).toHaveCount(1);
  if ((await profile.getByTestId('suggestion').count()) > 0) {
    const identities = await profile.getByTestId('identity').count();
    await expect(profile.getByTestId('suggestion').first()).toHaveAttribute('data-current', 'true');
    await page.keyboard.press('Enter');
    await expect(toast(page, /^Linked /)).toBeVisible();
    await expect(profile.getByTestId('identity')).toHaveCount(identities + 1);
  }
  await page.keyboard.press('v');
  await expect(profile.getByTestId('vip-badge')).toBeVisible();
  await shoot(page, 'customer-profile');
  await page.keyboard.press('Escape');
  await expect(profile).toBeHidden();
  await expect(page.locator('.pane-customer').getByTestId('vip-badge')).toBeVisible();
});
