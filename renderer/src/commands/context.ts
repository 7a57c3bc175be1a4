/** What commands see when deciding whether they apply: the store and where focus is. */
import { currentRegion, type Region } from '../lib/focus';
import { store, type State } from '../store';

export interface CommandContext {
  s: State;
  region: Region | null;
}

export function currentContext(): CommandContext {
  return { s: store.getState(), region: currentRegion() };
}

/** The inbox screen with nothing on top of it. */
export const onInboxScreen = ({ s }: CommandContext) => s.view === 'inbox' && s.overlay === null;

/** Moving through the list: the list (or nothing) has focus and search isn't covering it. */
export const browsingList = (ctx: CommandContext) =>
  onInboxScreen(ctx) && !ctx.s.searchOpen && (ctx.region === 'inbox' || ctx.region === null);

export const hasThread = ({ s }: CommandContext) => s.shownId !== null;
