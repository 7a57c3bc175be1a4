/**
 * The command registry: every keyboard action is one entry here. The keydown dispatcher, the
 * command palette and the cheat sheet all read this list, so a key shown to the agent is
 * always the key that works.
 */
import { keyLabels, type Platform } from './keys';

export type CommandGroup = 'Inbox' | 'Thread' | 'Composer' | 'Search' | 'Canned responses' | 'Go to' | 'General' | 'Lists' | 'Reports' | 'Accounts' | 'Customer';

export interface Command<C> {
  id: string;
  title: string;
  group: CommandGroup;
  /** Default keys, like 'j', 'ArrowDown', 'Mod+Enter', 'Shift+?', 'g i'. */
  keys: string[];
  when: (ctx: C) => boolean;
  /** Return `false` to decline: the key then goes on to the next match, or to the browser. */
  run: (ctx: C) => unknown;
  /**
   * The key belongs to the focused field itself (Tab in the composer, arrows in a result list),
   * so it may fire while typing. Never set this on a printable key.
   */
  inField?: boolean;
  /** Not offered in the palette: keys that only make sense inside a widget that is open. */
  hidden?: boolean;
}

export interface Registry<C> {
  register(...commands: Command<C>[]): void;
  all(): readonly Command<C>[];
  byId(id: string): Command<C> | undefined;
}

export function createRegistry<C>(): Registry<C> {
  const list: Command<C>[] = [];
  return {
    register(...commands) {
      for (const c of commands) {
        if (list.some((x) => x.id === c.id)) throw new Error(`Command ${c.id} is registered twice`);
        list.push(c);
      }
    },
    all: () => list,
    byId: (id) => list.find((c) => c.id === id),
  };
}

export interface CommandEntry {
  id: string;
  title: string;
  group: CommandGroup;
  /** Per key spec, per chord, the key labels: [[['Ctrl', 'K']]], [[['G'], ['I']]]. */
  keys: string[][][];
}

function entry<C>(c: Command<C>, platform: Platform): CommandEntry {
  return { id: c.id, title: c.title, group: c.group, keys: c.keys.map((k) => keyLabels(k, platform)) };
}

/** What the palette offers: commands usable in `ctx`, in registry order. */
export function paletteEntries<C>(commands: readonly Command<C>[], ctx: C, platform: Platform): CommandEntry[] {
  return commands.filter((c) => !c.hidden && c.when(ctx)).map((c) => entry(c, platform));
}

const GROUP_ORDER: CommandGroup[] = ['Inbox', 'Thread', 'Customer', 'Composer', 'Canned responses', 'Search', 'Reports', 'Accounts', 'Go to', 'Lists', 'General'];

/**
 * Every command, grouped, for the cheat sheet, whether usable now or not. Commands that read
 * the same (one title, one set of keys: "Next item ↓" in each overlay's list) appear once.
 */
export function cheatSheetGroups<C>(commands: readonly Command<C>[], platform: Platform): { group: CommandGroup; entries: CommandEntry[] }[] {
  return GROUP_ORDER.map((group) => {
    const seen = new Set<string>();
    const entries = commands
      .filter((c) => c.group === group && c.keys.length > 0)
      .filter((c) => {
        const sig = [c.title, ...c.keys].join('\n');
        if (seen.has(sig)) return false;
        seen.add(sig);
        return true;
      })
      .map((c) => entry(c, platform));
    return { group, entries };
  }).filter((g) => g.entries.length > 0);
}
