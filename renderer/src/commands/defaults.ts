/**
 * The default commands. The keyboard flow they make:
 *
 *   Inbox (left)   j / ↓, k / ↑ move the selection; the middle pane follows it (read-only
 *                  preview). Enter or o opens the thread (focus moves into it, it is marked
 *                  read); r opens it straight into the composer.
 *   Thread         j / k open the next / previous thread in place. Tab reaches the Retry,
 *                  "Send again" and "Mark as sent" buttons of our replies. r replies.
 *   Composer       Type. ;shortcut + Tab expands a canned response; Tab / Shift+Tab go to the
 *                  next / previous ⟦blank⟧ (selected, so typing replaces it). Mod+; inserts a
 *                  canned response at the cursor. Mod+Enter sends.
 *   Anywhere       ; canned picker · / search · e resolve (reopen when resolved) and move on ·
 *                  u unread · z undo the last status change · g i / g r / g a Open, Resolved,
 *                  All · g c canned responses · g s settings · Mod+K palette · ? this list.
 *   Escape         backs out one level: overlay → editor/view → composer → thread → inbox
 *                  (→ closes search).
 *   Lists in overlays (palette, canned picker, search): ↑ / ↓ move, Enter chooses, typing filters.
 *
 *   Workflow       p pending · s snooze · a assign · l label · n note · c customer · x select,
 *                  g p / g z Pending, Snoozed · g ! the crisis spike: see commands/workflow.ts.
 *
 * Single keys never fire while typing in a field (the dispatcher's rule); keys a field owns
 * (Tab in the composer, arrows in a result list) say so with `inField`.
 */
import { pickerResults } from '../store/canned';
import { backOut } from './back';
import { goToFilter } from './goto';
import { browsingList, currentContext, hasThread, onInboxScreen, type CommandContext } from './context';
import { paletteResults } from './palette';
import { installSavedSearchCommands, reviewCommands } from './review';
import { workflowCommands } from './workflow';
import { createRegistry, paletteEntries, type Command } from './registry';
import { PLATFORM } from '../lib/platform';

type Cmd = Command<CommandContext>;

export const registry = createRegistry<CommandContext>();


/** Reads the composer's live text and selection (the store may be a keystroke behind). */
function composerTab(backwards: boolean) {
  return ({ s }: CommandContext) => {
    const ta = document.querySelector<HTMLTextAreaElement>('[data-focus="composer"]');
    if (!ta) return false;
    return s.composerTabbed(backwards, { text: ta.value, selectionStart: ta.selectionStart, selectionEnd: ta.selectionEnd });
  };
}

const inRegion = (ctx: CommandContext, ...regions: (string | null)[]) => regions.includes(ctx.region);

const commands: Cmd[] = [
  // Inbox
  { id: 'inbox.next', title: 'Next thread', group: 'Inbox', keys: ['j', 'ArrowDown'], when: browsingList, run: ({ s }) => s.selectionMoved(1) },
  { id: 'inbox.previous', title: 'Previous thread', group: 'Inbox', keys: ['k', 'ArrowUp'], when: browsingList, run: ({ s }) => s.selectionMoved(-1) },
  {
    id: 'inbox.open',
    title: 'Open thread',
    group: 'Inbox',
    keys: ['Enter', 'o'],
    when: (ctx) => browsingList(ctx) && hasThread(ctx),
    run: ({ s }) => s.threadOpened('thread'),
  },

  // Thread
  {
    id: 'thread.next',
    title: 'Open next thread',
    group: 'Thread',
    keys: ['j'],
    when: (ctx) => onInboxScreen(ctx) && !ctx.s.searchOpen && ctx.region === 'thread',
    run: ({ s }) => {
      s.selectionMoved(1);
      s.threadOpened(null);
    },
  },
  {
    id: 'thread.previous',
    title: 'Open previous thread',
    group: 'Thread',
    keys: ['k'],
    when: (ctx) => onInboxScreen(ctx) && !ctx.s.searchOpen && ctx.region === 'thread',
    run: ({ s }) => {
      s.selectionMoved(-1);
      s.threadOpened(null);
    },
  },
  {
    id: 'thread.reply',
    title: 'Reply',
    group: 'Thread',
    keys: ['r'],
    when: (ctx) => onInboxScreen(ctx) && hasThread(ctx) && ctx.region !== 'composer',
    run: ({ s }) => s.threadOpened('composer'),
  },
  {
    id: 'thread.resolve',
    title: 'Resolve and go to next (reopen if resolved)',
    group: 'Thread',
    keys: ['e'],
    // With a bulk selection, e is the selection's (bulk.resolve in commands/workflow.ts).
    when: (ctx) => onInboxScreen(ctx) && hasThread(ctx) && ctx.s.bulkIds.length === 0,
    run: ({ s }) => s.statusToggled(),
  },
  {
    id: 'thread.unread',
    title: 'Toggle unread',
    group: 'Thread',
    keys: ['u'],
    when: (ctx) => onInboxScreen(ctx) && hasThread(ctx),
    run: ({ s }) => s.unreadToggled(),
  },
  { id: 'thread.undo', title: 'Undo last status change', group: 'Thread', keys: ['z'], when: onInboxScreen, run: ({ s }) => s.undoRequested() },

  // Composer
  {
    id: 'composer.send',
    title: 'Send reply',
    group: 'Composer',
    keys: ['Mod+Enter'],
    when: (ctx) => onInboxScreen(ctx) && ctx.region === 'composer',
    run: ({ s }) => s.replySendRequested(),
  },
  {
    id: 'composer.next-blank',
    title: 'Expand ;shortcut, or select next blank',
    group: 'Composer',
    keys: ['Tab'],
    inField: true,
    hidden: true,
    when: (ctx) => onInboxScreen(ctx) && ctx.region === 'composer',
    run: composerTab(false),
  },
  {
    id: 'composer.previous-blank',
    title: 'Select previous blank',
    group: 'Composer',
    keys: ['Shift+Tab'],
    inField: true,
    hidden: true,
    when: (ctx) => onInboxScreen(ctx) && ctx.region === 'composer',
    run: composerTab(true),
  },
  {
    id: 'canned.insert',
    title: 'Insert canned response',
    group: 'Composer',
    keys: [';', 'Mod+;'],
    when: (ctx) => onInboxScreen(ctx) && hasThread(ctx),
    run: ({ s }) => s.pickerOpened(),
  },

  // Canned picker (overlay)
  { id: 'picker.down', title: 'Next item', group: 'Lists', keys: ['ArrowDown'], inField: true, hidden: true, when: ({ s }) => s.overlay === 'canned-picker', run: ({ s }) => s.pickerMoved(1) },
  { id: 'picker.up', title: 'Previous item', group: 'Lists', keys: ['ArrowUp'], inField: true, hidden: true, when: ({ s }) => s.overlay === 'canned-picker', run: ({ s }) => s.pickerMoved(-1) },
  {
    id: 'picker.choose',
    title: 'Choose item',
    group: 'Lists',
    keys: ['Enter'],
    inField: true,
    hidden: true,
    when: ({ s }) => s.overlay === 'canned-picker' && pickerResults(s).length > 0,
    run: ({ s }) => s.pickerChosen(),
  },

  // Search
  { id: 'search.open', title: 'Search messages', group: 'Search', keys: ['/'], when: ({ s }) => s.overlay === null, run: ({ s }) => s.searchOpened() },
  { id: 'search.down', title: 'Next item', group: 'Lists', keys: ['ArrowDown'], inField: true, hidden: true, when: (ctx) => onInboxScreen(ctx) && ctx.s.searchOpen && ctx.region === 'search', run: ({ s }) => s.searchMoved(1) },
  { id: 'search.up', title: 'Previous item', group: 'Lists', keys: ['ArrowUp'], inField: true, hidden: true, when: (ctx) => onInboxScreen(ctx) && ctx.s.searchOpen && ctx.region === 'search', run: ({ s }) => s.searchMoved(-1) },
  {
    id: 'search.choose',
    title: 'Choose item',
    group: 'Lists',
    keys: ['Enter'],
    inField: true,
    hidden: true,
    when: (ctx) => onInboxScreen(ctx) && ctx.s.searchOpen && ctx.region === 'search' && ctx.s.searchHits.length > 0,
    run: ({ s }) => s.searchResultChosen(),
  },

  // Go to
  goToFilter('open', 'Go to Open', 'g i'),
  goToFilter('resolved', 'Go to Resolved', 'g r'),
  goToFilter('all', 'Go to All', 'g a'),
  { id: 'go.canned', title: 'Canned responses', group: 'Go to', keys: ['g c'], when: ({ s }) => s.overlay === null, run: ({ s }) => s.viewChosen('canned') },
  { id: 'go.settings', title: 'Settings', group: 'Go to', keys: ['g s'], when: ({ s }) => s.overlay === null, run: ({ s }) => s.viewChosen('settings') },

  // Canned responses manager
  {
    id: 'canned.down',
    title: 'Next response',
    group: 'Canned responses',
    keys: ['j', 'ArrowDown'],
    when: ({ s, region }) => s.view === 'canned' && !s.overlay && !s.editor && region !== 'canned-form',
    run: ({ s }) => s.managerMoved(1),
  },
  {
    id: 'canned.up',
    title: 'Previous response',
    group: 'Canned responses',
    keys: ['k', 'ArrowUp'],
    when: ({ s, region }) => s.view === 'canned' && !s.overlay && !s.editor && region !== 'canned-form',
    run: ({ s }) => s.managerMoved(-1),
  },
  { id: 'canned.new', title: 'New canned response', group: 'Canned responses', keys: ['n'], when: ({ s }) => s.view === 'canned' && !s.overlay && !s.editor, run: ({ s }) => s.editorOpened(null) },
  {
    id: 'canned.edit',
    title: 'Edit canned response',
    group: 'Canned responses',
    keys: ['Enter'],
    when: (ctx) => ctx.s.view === 'canned' && !ctx.s.overlay && !ctx.s.editor && inRegion(ctx, 'canned-list', null) && ctx.s.managerSelectedId !== null,
    run: ({ s }) => s.editorOpened(s.managerSelectedId),
  },
  {
    id: 'canned.delete',
    title: 'Delete canned response',
    group: 'Canned responses',
    keys: ['Delete', 'Backspace'],
    when: ({ s, region }) => s.view === 'canned' && !s.overlay && !s.editor && region !== 'canned-form' && s.managerSelectedId !== null,
    run: ({ s }) => s.deleteRequested(),
  },
  {
    id: 'canned.save',
    title: 'Save canned response',
    group: 'Canned responses',
    keys: ['Mod+Enter', 'Mod+s'],
    when: ({ s }) => s.view === 'canned' && !s.overlay && s.editor !== null,
    run: ({ s }) => s.editorSaveRequested(),
  },
  {
    id: 'settings.save',
    title: 'Save settings',
    group: 'General',
    keys: ['Mod+Enter', 'Mod+s'],
    when: ({ s }) => s.view === 'settings' && !s.overlay,
    run: () => document.querySelector<HTMLFormElement>('[data-region="settings"] form')?.requestSubmit(),
  },

  // Palette (overlay)
  {
    id: 'palette.open',
    title: 'Command palette',
    group: 'General',
    keys: ['Mod+k'],
    hidden: true,
    when: ({ s }) => s.overlay === null || s.overlay === 'palette',
    run: (ctx) => {
      if (ctx.s.overlay === 'palette') return ctx.s.overlayClosed();
      // Offer what works where the agent is now, not inside the palette.
      const ids = paletteEntries(registry.all(), ctx, PLATFORM).map((e) => e.id);
      ctx.s.paletteOpened(ids, ctx.region);
    },
  },
  { id: 'palette.down', title: 'Next item', group: 'Lists', keys: ['ArrowDown'], inField: true, hidden: true, when: ({ s }) => s.overlay === 'palette', run: ({ s }) => s.paletteMoved(1, paletteResults(registry.all(), s.paletteIds, s.paletteQuery).length) },
  { id: 'palette.up', title: 'Previous item', group: 'Lists', keys: ['ArrowUp'], inField: true, hidden: true, when: ({ s }) => s.overlay === 'palette', run: ({ s }) => s.paletteMoved(-1, paletteResults(registry.all(), s.paletteIds, s.paletteQuery).length) },
  {
    id: 'palette.choose',
    title: 'Choose item',
    group: 'Lists',
    keys: ['Enter'],
    inField: true,
    hidden: true,
    when: ({ s }) => s.overlay === 'palette',
    run: ({ s }) => runFromPalette(paletteResults(registry.all(), s.paletteIds, s.paletteQuery)[s.paletteIndex]?.id),
  },

  // General
  {
    id: 'help.cheatsheet',
    title: 'Keyboard shortcuts',
    group: 'General',
    keys: ['Shift+?'],
    when: ({ s }) => s.overlay === null || s.overlay === 'cheatsheet',
    run: ({ s, region }) => (s.overlay === 'cheatsheet' ? s.overlayClosed() : s.overlayOpened('cheatsheet', region)),
  },
  { id: 'nav.back', title: 'Back out one level', group: 'General', keys: ['Escape'], hidden: true, when: () => true, run: (ctx) => backOut(ctx) },
];

registry.register(...commands);
// The care workflow (commands/workflow.ts): triage keys, bulk selection, crisis, customer.
registry.register(...workflowCommands);
// Offline review and accounts (commands/review.ts), and a palette entry per saved search.
registry.register(...reviewCommands);
installSavedSearchCommands(registry);

/** Closes the palette, puts focus back where it was, then runs the command from there. */
export function runFromPalette(id: string | undefined): void {
  const cmd = id === undefined ? undefined : registry.byId(id);
  if (!cmd) return;
  currentContext().s.overlayClosed();
  // Focus moves back synchronously when its target exists; give React one frame regardless.
  requestAnimationFrame(() => {
    const ctx = currentContext();
    if (cmd.when(ctx)) void cmd.run(ctx);
  });
}
