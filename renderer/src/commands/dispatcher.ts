/**
 * The one keydown dispatcher. Rules, in order:
 * - exact modifiers; printable keys by `event.key` (see keys.ts);
 * - two-key sequences ("g i"): the first key waits up to `sequenceTimeout` ms for the second;
 * - while focus is in a text field, a key without Ctrl/Meta/Alt only fires if it is Escape or
 *   the command says `inField` (so typing "j" types a j);
 * - Enter/Space on a focused button or link stay the button's;
 * - first match wins; a command whose `run` returns false lets the key go on.
 */
import { isActivatable, isEditable } from '../lib/focus';
import { chordFromEvent, chordString, parseKeys, type Chord, type KeyEventLike, type Platform } from './keys';
import type { Command } from './registry';

export interface DispatchEvent extends KeyEventLike {
  target: EventTarget | null;
  preventDefault(): void;
}

export interface DispatcherOptions<C> {
  commands: () => readonly Command<C>[];
  context: () => C;
  platform: Platform;
  now?: () => number;
  sequenceTimeout?: number;
  /** Told when a sequence starts (its first key) and ends (null), for an on-screen hint. */
  onPending?: (firstKey: string | null) => void;
}

export interface Dispatcher {
  /** Handles one keydown; true when a command took it (and the default was prevented). */
  handle(e: DispatchEvent): boolean;
  reset(): void;
}

export function createDispatcher<C>(opts: DispatcherOptions<C>): Dispatcher {
  const now = opts.now ?? (() => Date.now());
  const timeout = opts.sequenceTimeout ?? 1200;
  const parsed = new Map<string, string[]>();
  let pending: { chord: string; at: number } | null = null;

  const keysOf = (spec: string) => {
    let p = parsed.get(spec);
    if (!p) parsed.set(spec, (p = parseKeys(spec, opts.platform)));
    return p;
  };

  const setPending = (next: { chord: string; at: number } | null) => {
    const changed = (pending === null) !== (next === null);
    pending = next;
    if (changed || next) opts.onPending?.(next?.chord ?? null);
  };

  const allowedHere = (cmd: Command<C>, chord: Chord, e: DispatchEvent) => {
    const plain = !chord.ctrl && !chord.meta && !chord.alt;
    if (plain && chord.key !== 'Escape' && !cmd.inField && isEditable(e.target)) return false;
    if (plain && (chord.key === 'Enter' || chord.key === 'Space') && isActivatable(e.target)) return false;
    return true;
  };

  function handle(e: DispatchEvent): boolean {
    const chord = chordFromEvent(e);
    if (!chord) return false;
    const key = chordString(chord);
    const at = now();
    let ctx: C | undefined;
    const context = () => (ctx ??= opts.context());
    const commands = opts.commands();

    if (pending && at - pending.at <= timeout) {
      const first = pending.chord;
      setPending(null);
      for (const cmd of commands) {
        if (!cmd.keys.some((s) => { const k = keysOf(s); return k.length === 2 && k[0] === first && k[1] === key; })) continue;
        if (!allowedHere(cmd, chord, e) || !cmd.when(context())) continue;
        if (cmd.run(context()) === false) continue;
        e.preventDefault();
        return true;
      }
      // Not a known second key: treat it as a fresh key press.
    } else if (pending) {
      setPending(null);
    }

    for (const cmd of commands) {
      let starts = false;
      let whole = false;
      for (const s of cmd.keys) {
        const k = keysOf(s);
        if (k[0] !== key) continue;
        if (k.length === 1) whole = true;
        else starts = true;
      }
      if (!whole && !starts) continue;
      if (!allowedHere(cmd, chord, e) || !cmd.when(context())) continue;
      if (whole) {
        if (cmd.run(context()) === false) continue;
      } else {
        setPending({ chord: key, at });
      }
      e.preventDefault();
      return true;
    }
    return false;
  }

  return {
    handle,
    reset: () => setPending(null),
  };
}
