/**
 * What the snooze, assign and label pickers offer for what the agent typed, as pure functions:
 * the components draw these lists and Enter chooses from the very same list, so what is
 * highlighted is always what happens.
 */
import Fuse from 'fuse.js';
import type { Assignee, Label } from '../../../preload/contract';
import { parseWhen, quickChoices } from '../lib/when';

export interface SnoozeOption {
  id: string;
  title: string;
  at: number;
}

/** The typed time first when it reads as one, then the quick choices. */
export function snoozeOptions(query: string, now: number): SnoozeOption[] {
  const quick = quickChoices(now).map((c) => ({ id: c.id, title: c.title, at: c.at }));
  const q = query.trim();
  if (!q) return quick;
  const at = parseWhen(q, now);
  return at === null ? quick : [{ id: 'typed', title: q, at }, ...quick];
}

export type AssignOption =
  | { kind: 'assignee'; name: string; type: Assignee['kind'] }
  | { kind: 'create'; name: string }
  | { kind: 'take-back'; from: string | null };

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * Colleagues and queues matching the words (queues first, as the server lists them); a new
 * name offered as "Hand to …"; "Take back" at the end when the thread is handed to someone (or
 * always in a bulk selection, which may mix).
 */
export function assignOptions(assignees: readonly Assignee[], query: string, current: string | null, bulk: boolean): AssignOption[] {
  const q = query.trim();
  const matches = q ? fuzzy(assignees, ['name'], q) : [...assignees];
  const out: AssignOption[] = matches.filter((a) => bulk || !current || !sameName(a.name, current)).map((a) => ({ kind: 'assignee', name: a.name, type: a.kind }));
  if (q && !assignees.some((a) => sameName(a.name, q))) out.push({ kind: 'create', name: q });
  // Last, so that `a` + Enter straight away never unassigns by accident (↑ reaches it).
  if (!q && (current !== null || bulk)) out.push({ kind: 'take-back', from: bulk ? null : current });
  return out;
}

export type LabelOption = { kind: 'label'; label: Label; on: boolean } | { kind: 'create'; name: string };

/** Labels matching the words, ticked when the thread has them; a new name offered as "Create …". */
export function labelOptions(labels: readonly Label[], query: string, onThread: readonly number[]): LabelOption[] {
  const q = query.trim();
  const matches = q ? fuzzy(labels, ['name'], q) : [...labels];
  const out: LabelOption[] = matches.map((label) => ({ kind: 'label', label, on: onThread.includes(label.id) }));
  if (q && !labels.some((l) => sameName(l.name, q))) out.push({ kind: 'create', name: q });
  return out;
}

const fuses = new WeakMap<readonly object[], Fuse<object>>();

function fuzzy<T extends object>(list: readonly T[], keys: string[], q: string): T[] {
  let f = fuses.get(list) as Fuse<T> | undefined;
  if (!f) {
    f = new Fuse(list as T[], { keys, threshold: 0.4, ignoreLocation: true });
    fuses.set(list, f as unknown as Fuse<object>);
  }
  return f.search(q).map((r) => r.item);
}
