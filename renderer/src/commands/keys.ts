/**
 * Key specs ("j", "Mod+Enter", "Shift+Tab", "g i") and keyboard events reduced to one canonical
 * chord string, so matching is a string comparison.
 *
 * Printable keys are matched on `event.key`, which already reflects the layout: "?" is "?"
 * whether it takes Shift (US) or not. So for symbols and digits Shift is part of the character,
 * not a modifier; for letters it stays a modifier ("J" is Shift+j) so that `j` never fires on
 * Shift+J. Ctrl, Alt and Meta must match exactly. "Mod" is Meta on macOS and Ctrl elsewhere.
 */

export type Platform = 'mac' | 'other';

export interface Chord {
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
  key: string;
}

export interface KeyEventLike {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
  isComposing?: boolean;
  getModifierState?(key: string): boolean;
}

const NAMED: Record<string, string> = {
  esc: 'Escape',
  escape: 'Escape',
  enter: 'Enter',
  return: 'Enter',
  tab: 'Tab',
  space: 'Space',
  ' ': 'Space',
  spacebar: 'Space',
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  arrowup: 'ArrowUp',
  arrowdown: 'ArrowDown',
  arrowleft: 'ArrowLeft',
  arrowright: 'ArrowRight',
  del: 'Delete',
  delete: 'Delete',
  backspace: 'Backspace',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pagedown: 'PageDown',
};

/** Keys that are only modifiers or input-method noise: never a command on their own. */
const IGNORED = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock', 'NumLock', 'Fn', 'FnLock', 'Hyper', 'Super', 'OS', 'Dead', 'Unidentified', 'Process', 'Compose']);

function isPrintable(key: string): boolean {
  return key !== ' ' && [...key].length === 1;
}

function isLetter(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase();
}

function canonicalName(key: string): string {
  return NAMED[key.toLowerCase()] ?? key;
}

export function chordString(c: Chord): string {
  return [c.ctrl && 'Ctrl', c.alt && 'Alt', c.shift && 'Shift', c.meta && 'Meta', c.key].filter(Boolean).join('+');
}

/** One chord of a spec: "Mod+Enter", "Shift+?", "J", "Ctrl+Alt+k", "Mod++". */
export function parseChord(spec: string, platform: Platform): Chord {
  const tokens = spec.split('+');
  // "Mod++" splits into ['Mod', '', '']: the key itself is "+".
  let raw = tokens.pop() ?? '';
  if (raw === '' && tokens.at(-1) === '') {
    tokens.pop();
    raw = '+';
  }
  const c: Chord = { ctrl: false, alt: false, shift: false, meta: false, key: '' };
  for (const t of tokens) {
    const m = t.toLowerCase();
    if (m === 'mod') c[platform === 'mac' ? 'meta' : 'ctrl'] = true;
    else if (m === 'ctrl' || m === 'control') c.ctrl = true;
    else if (m === 'alt' || m === 'option') c.alt = true;
    else if (m === 'shift') c.shift = true;
    else if (m === 'meta' || m === 'cmd' || m === 'command') c.meta = true;
    else throw new Error(`Unknown modifier "${t}" in key spec "${spec}"`);
  }
  if (isPrintable(raw)) {
    if (isLetter(raw)) {
      if (raw !== raw.toLowerCase()) c.shift = true;
      c.key = raw.toLowerCase();
    } else {
      c.shift = false;
      c.key = raw;
    }
  } else {
    c.key = canonicalName(raw);
  }
  return c;
}

/** A whole spec as chord strings: "g i" → ["g", "i"]. */
export function parseKeys(spec: string, platform: Platform): string[] {
  return spec
    .trim()
    .split(/\s+/)
    .map((part) => chordString(parseChord(part, platform)));
}

/** The chord a keydown means, or null for modifier presses and IME composition. */
export function chordFromEvent(e: KeyEventLike): Chord | null {
  if (e.isComposing || IGNORED.has(e.key)) return null;
  let { ctrlKey: ctrl, altKey: alt } = e;
  const key = e.key;
  if (isPrintable(key)) {
    // AltGr (Ctrl+Alt on Windows) is how many layouts type @, { or ;: the character is what counts.
    if (!isLetter(key) && e.getModifierState?.('AltGraph')) ctrl = alt = false;
    if (isLetter(key)) return { ctrl, alt, meta: e.metaKey, shift: e.shiftKey, key: key.toLowerCase() };
    return { ctrl, alt, meta: e.metaKey, shift: false, key };
  }
  return { ctrl, alt, meta: e.metaKey, shift: e.shiftKey, key: canonicalName(key) };
}

const MAC_SYMBOLS: Record<string, string> = { Meta: '⌘', Ctrl: '⌃', Alt: '⌥', Shift: '⇧' };
const KEY_LABELS: Record<string, string> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  Delete: 'Del',
};

/** A spec for people: one array per chord, one label per key ("Mod+Enter" → [["Ctrl", "Enter"]]). */
export function keyLabels(spec: string, platform: Platform): string[][] {
  return spec
    .trim()
    .split(/\s+/)
    .map((part) => {
      const c = parseChord(part, platform);
      const mods = (['Ctrl', 'Alt', 'Shift', 'Meta'] as const).filter((m) => c[m.toLowerCase() as 'ctrl' | 'alt' | 'shift' | 'meta']);
      const modLabels = mods.map((m) => (platform === 'mac' ? (MAC_SYMBOLS[m] ?? m) : m === 'Meta' ? 'Win' : m));
      // Letters read as capitals, like keycaps; "?" and ";" stay as typed.
      const key = c.key.length === 1 && isLetter(c.key) ? c.key.toUpperCase() : (KEY_LABELS[c.key] ?? c.key);
      return [...modLabels, key];
    });
}
