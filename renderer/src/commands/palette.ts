/** The palette's list: the commands offered when it opened, fuzzy-filtered by what is typed. */
import Fuse from 'fuse.js';
import type { CommandContext } from './context';
import type { Command } from './registry';

let lastIds: string[] | null = null;
let lastQuery = '';
let lastResult: Command<CommandContext>[] = [];

export function paletteResults(all: readonly Command<CommandContext>[], ids: string[], query: string): Command<CommandContext>[] {
  if (ids === lastIds && query === lastQuery) return lastResult;
  const offered = ids.map((id) => all.find((c) => c.id === id)).filter((c): c is Command<CommandContext> => c !== undefined);
  const q = query.trim();
  lastIds = ids;
  lastQuery = query;
  lastResult = q === '' ? offered : new Fuse(offered, { keys: ['title', 'group'], threshold: 0.45, ignoreLocation: true }).search(q).map((r) => r.item);
  return lastResult;
}
