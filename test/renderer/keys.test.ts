// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chordFromEvent, chordString, keyLabels, parseKeys } from '../../renderer/src/commands/keys';

const ev = (key: string, mods: { ctrlKey?: boolean; altKey?: boolean; shiftKey?: boolean; metaKey?: boolean } = {}, altGraph = false) => ({
  key,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
  getModifierState: (k: string) => k === 'AltGraph' && altGraph,
});

describe('key specs', () => {
  it('parses sequences, Mod per platform and named keys', () => {
    expect(parseKeys('g i', 'other')).toEqual(['g', 'i']);
    expect(parseKeys('Mod+Enter', 'other')).toEqual(['Ctrl+Enter']);
    expect(parseKeys('Mod+Enter', 'mac')).toEqual(['Meta+Enter']);
    expect(parseKeys('Esc', 'other')).toEqual(['Escape']);
    expect(parseKeys('Shift+?', 'other')).toEqual(['?']);
    expect(parseKeys('Mod++', 'other')).toEqual(['Ctrl++']);
  });

  it('reads events the same way', () => {
    expect(chordString(chordFromEvent(ev('K', { ctrlKey: true, shiftKey: true }))!)).toBe('Ctrl+Shift+k');
    expect(chordString(chordFromEvent(ev(';', { shiftKey: true }))!)).toBe(';');
    expect(chordFromEvent(ev('Control', { ctrlKey: true }))).toBeNull();
    // Caps Lock on: "J" without Shift is still j.
    expect(chordString(chordFromEvent(ev('J'))!)).toBe('j');
    // AltGr+Q on a German layout types "@": the character counts, not Ctrl+Alt.
    expect(chordString(chordFromEvent(ev('@', { ctrlKey: true, altKey: true }, true))!)).toBe('@');
  });

  it('labels keys for people, per platform', () => {
    expect(keyLabels('Mod+k', 'other')).toEqual([['Ctrl', 'K']]);
    expect(keyLabels('Mod+k', 'mac')).toEqual([['⌘', 'K']]);
    expect(keyLabels('g i', 'other')).toEqual([['G'], ['I']]);
    expect(keyLabels('ArrowDown', 'other')).toEqual([['↓']]);
  });
});
