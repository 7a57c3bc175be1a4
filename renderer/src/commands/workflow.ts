/**
 * Commands of the care workflow (issue 4). The keyboard flow they add:
 *
 *   Thread     p pending (waiting on the customer; again: reopen) · s snooze · a hand to a
 *              colleague or queue (with a private note) · l labels · n private note ·
 *              c the customer's profile.
 *   Pickers    type to filter (snooze: a time in words, read live) · ↑/↓ · Enter. The assign
 *              picker's note is a Tab away; Enter there hands over too (Shift+Enter: new line).
 *              The label picker stays open to toggle several; Esc closes any of them.
 *   Selection  x select the row · Shift+J / Shift+K extend · Mod+A all loaded rows · Esc clear.
 *              With a selection, e / p / s / l / a act on all of it (crisis mode asks first).
 *   Crisis     g ! the spike's threads (grouped at the top of the inbox); palette: crisis mode on/off.
 *   Go to      g p Pending · g z Snoozed.
 *   Profile    j/k move · Enter opens the thread (or links a suggestion) · Delete unlinks an
 *              identity · v VIP · n the note (saved on Mod+Enter or leaving it; Esc leaves it).
 *
 * With a selection `e` means the selection (the default `e` steps aside); Esc leaves the
 * profile's note before it closes the profile, and clears a selection (backOutOfWorkflow).
 */
import { focusRegion } from '../lib/focus';
import { profileRows } from '../store/customer';
import { triageOptionCount } from '../store/workflow';
import { browsingList, hasThread, onInboxScreen, type CommandContext } from './context';
import { goToFilter } from './goto';
import type { Command } from './registry';

type Cmd = Command<CommandContext>;

const PICKERS = new Set(['snooze', 'assign', 'label']);
const inPicker = ({ s }: CommandContext) => s.overlay !== null && PICKERS.has(s.overlay);
const inTextArea = () => document.activeElement?.tagName === 'TEXTAREA';
const hasSelection = ({ s }: CommandContext) => s.bulkIds.length > 0;
/** A thread on screen, or a selection to act on. */
const canTriage = (ctx: CommandContext) => onInboxScreen(ctx) && (hasThread(ctx) || hasSelection(ctx));
const inProfile = ({ s }: CommandContext) => s.overlay === 'customer';
const profileNote = () => document.querySelector<HTMLTextAreaElement>('[data-testid="profile-note"]');
const inProfileNote = (ctx: CommandContext) => inProfile(ctx) && document.activeElement === profileNote() && profileNote() !== null;


/**
 * Esc, before the general rule (commands/back.ts): leaving the profile's note (which saves it)
 * before closing the profile, and clearing a bulk selection before anything else in the list.
 */
export function backOutOfWorkflow(ctx: CommandContext): boolean {
  if (inProfileNote(ctx)) {
    focusRegion('customer');
    return true;
  }
  if (browsingList(ctx) && hasSelection(ctx)) {
    ctx.s.bulkCleared();
    return true;
  }
  return false;
}

export const workflowCommands: Cmd[] = [
  // Thread
  { id: 'thread.pending', title: 'Pending: waiting on the customer (again: reopen)', group: 'Thread', keys: ['p'], when: canTriage, run: ({ s }) => s.pendingToggled() },
  { id: 'thread.snooze', title: 'Snooze until…', group: 'Thread', keys: ['s'], when: canTriage, run: ({ s }) => s.snoozeOpened() },
  { id: 'thread.assign', title: 'Hand to a colleague or queue…', group: 'Thread', keys: ['a'], when: canTriage, run: ({ s }) => s.assignOpened() },
  { id: 'thread.label', title: 'Labels…', group: 'Thread', keys: ['l'], when: canTriage, run: ({ s }) => s.labelOpened() },
  { id: 'thread.note', title: 'Add a private note', group: 'Thread', keys: ['n'], when: (ctx) => onInboxScreen(ctx) && hasThread(ctx), run: ({ s }) => s.noteOpened() },
  { id: 'customer.open', title: 'Customer profile', group: 'Customer', keys: ['c'], when: (ctx) => onInboxScreen(ctx) && hasThread(ctx), run: ({ s }) => s.profileOpened() },

  // Selection
  {
    id: 'bulk.resolve',
    title: 'Resolve the selected threads (reopen if all resolved)',
    group: 'Inbox',
    keys: ['e'],
    when: (ctx) => onInboxScreen(ctx) && hasSelection(ctx),
    run: ({ s }) => {
      const all = s.bulkIds.every((id) => s.inbox.byId[id]?.status === 'resolved');
      return s.bulkRequested({ kind: 'status', status: all ? 'open' : 'resolved' }, all ? 'Reopened {n}' : 'Resolved {n}');
    },
  },
  { id: 'bulk.toggle', title: 'Select or unselect the thread', group: 'Inbox', keys: ['x'], when: (ctx) => browsingList(ctx) && ctx.s.inbox.selectedId !== null, run: ({ s }) => s.bulkToggled() },
  { id: 'bulk.extend-down', title: 'Extend the selection down', group: 'Inbox', keys: ['Shift+J', 'Shift+ArrowDown'], when: browsingList, run: ({ s }) => s.bulkExtended(1) },
  { id: 'bulk.extend-up', title: 'Extend the selection up', group: 'Inbox', keys: ['Shift+K', 'Shift+ArrowUp'], when: browsingList, run: ({ s }) => s.bulkExtended(-1) },
  { id: 'bulk.all', title: 'Select all threads in the list', group: 'Inbox', keys: ['Mod+a'], when: browsingList, run: ({ s }) => s.bulkAllSelected() },
  // Esc is nav.back's; backOutOfWorkflow clears the selection first. Listed for the cheat sheet.
  { id: 'bulk.clear', title: 'Clear the selection', group: 'Inbox', keys: ['Escape'], hidden: true, when: (ctx) => browsingList(ctx) && hasSelection(ctx), run: ({ s }) => s.bulkCleared() },

  // Go to
  goToFilter('pending', 'Go to Pending', 'g p'),
  goToFilter('snoozed', 'Go to Snoozed', 'g z'),
  {
    id: 'crisis.spike',
    title: 'See the spike (crisis mode)',
    group: 'Go to',
    keys: ['g !'],
    when: ({ s }) => s.overlay === null && s.crisis?.active === true,
    run: ({ s }) => s.spikeShown(),
  },

  // Crisis mode, from the palette
  { id: 'crisis.on', title: 'Turn crisis mode on', group: 'General', keys: [], when: ({ s }) => s.overlay === null && s.crisis?.active !== true, run: ({ s }) => s.crisisSwitched(true) },
  { id: 'crisis.off', title: 'Turn crisis mode off', group: 'General', keys: [], when: ({ s }) => s.overlay === null && s.crisis?.active === true, run: ({ s }) => s.crisisSwitched(false) },

  // Pickers (overlays)
  {
    id: 'triage.down',
    title: 'Next item',
    group: 'Lists',
    keys: ['ArrowDown'],
    inField: true,
    hidden: true,
    when: (ctx) => inPicker(ctx) && !inTextArea(),
    run: ({ s }) => s.triageMoved(1),
  },
  {
    id: 'triage.up',
    title: 'Previous item',
    group: 'Lists',
    keys: ['ArrowUp'],
    inField: true,
    hidden: true,
    when: (ctx) => inPicker(ctx) && !inTextArea(),
    run: ({ s }) => s.triageMoved(-1),
  },
  {
    id: 'triage.choose',
    title: 'Choose item',
    group: 'Lists',
    keys: ['Enter'],
    inField: true,
    hidden: true,
    when: (ctx) => inPicker(ctx) && triageOptionCount(ctx.s) > 0,
    run: ({ s }) => s.triageChosen(),
  },
  {
    id: 'note.save',
    title: 'Add the note',
    group: 'Thread',
    keys: ['Mod+Enter'],
    inField: true,
    hidden: true,
    when: ({ s }) => s.overlay === 'note',
    run: ({ s }) => s.noteSaved(s.triageNote),
  },

  // Customer profile (overlay)
  { id: 'customer.down', title: 'Next row', group: 'Customer', keys: ['j', 'ArrowDown'], when: (ctx) => inProfile(ctx) && !inProfileNote(ctx), run: ({ s }) => s.profileMoved(1) },
  { id: 'customer.up', title: 'Previous row', group: 'Customer', keys: ['k', 'ArrowUp'], when: (ctx) => inProfile(ctx) && !inProfileNote(ctx), run: ({ s }) => s.profileMoved(-1) },
  {
    id: 'customer.choose',
    title: 'Open the thread, or link the suggestion',
    group: 'Customer',
    keys: ['Enter'],
    when: (ctx) => inProfile(ctx) && !inProfileNote(ctx) && profileRowsOf(ctx).length > 0,
    run: ({ s }) => s.profileRowChosen(),
  },
  {
    id: 'customer.unlink',
    title: 'Unlink the identity',
    group: 'Customer',
    keys: ['Delete', 'Backspace'],
    when: (ctx) => inProfile(ctx) && !inProfileNote(ctx) && profileRowsOf(ctx)[ctx.s.profileIndex]?.kind === 'identity',
    run: ({ s }) => s.identityUnlinkRequested(),
  },
  { id: 'customer.vip', title: 'Toggle VIP', group: 'Customer', keys: ['v'], when: (ctx) => inProfile(ctx) && !inProfileNote(ctx), run: ({ s }) => s.vipToggled() },
  {
    id: 'customer.note',
    title: 'Edit the customer note',
    group: 'Customer',
    keys: ['n'],
    when: (ctx) => inProfile(ctx) && !inProfileNote(ctx),
    run: () => {
      const ta = profileNote();
      if (!ta) return false;
      ta.focus();
      ta.setSelectionRange(ta.value.length, ta.value.length);
      return true;
    },
  },
  {
    id: 'customer.note.save',
    title: 'Save the customer note',
    group: 'Customer',
    keys: ['Mod+Enter'],
    inField: true,
    when: inProfileNote,
    // Leaving the field saves it (on blur), once.
    run: () => focusRegion('customer'),
  },
];

function profileRowsOf({ s }: CommandContext) {
  const p = s.profileCustomerId === null ? undefined : s.customerProfiles[s.profileCustomerId];
  return p ? profileRows(p) : [];
}
