// @vitest-environment jsdom
import { act, cleanup, render, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registry } from '../../renderer/src/commands/defaults';
import { keyLabels } from '../../renderer/src/commands/keys';
import { cheatSheetGroups, createRegistry, paletteEntries } from '../../renderer/src/commands/registry';
import { CheatSheet } from '../../renderer/src/components/CheatSheet';
import { Palette } from '../../renderer/src/components/Palette';
import { PLATFORM } from '../../renderer/src/lib/platform';
import { store } from '../../renderer/src/store';

// jsdom does no layout; the lists call this to keep the selected item in view.
Element.prototype.scrollIntoView = function scrollIntoView() {};

afterEach(() => {
  cleanup();
  act(() => store.getState().overlayClosed());
});

describe('one registry feeds the palette and the cheat sheet', () => {
  const make = () => {
    const r = createRegistry<{ inThread: boolean }>();
    r.register(
      { id: 'a', title: 'Always', group: 'General', keys: ['Mod+k'], when: () => true, run: vi.fn() },
      { id: 't', title: 'Only in a thread', group: 'Thread', keys: ['e'], when: (c) => c.inThread, run: vi.fn() },
      { id: 'h', title: 'Hidden widget key', group: 'Lists', keys: ['ArrowDown'], hidden: true, when: () => true, run: vi.fn() },
    );
    return r;
  };

  it('the palette offers only what works now, never hidden widget keys', () => {
    const r = make();
    expect(paletteEntries(r.all(), { inThread: false }, 'other').map((e) => e.id)).toEqual(['a']);
    expect(paletteEntries(r.all(), { inThread: true }, 'other').map((e) => e.id)).toEqual(['a', 't']);
    expect(paletteEntries(r.all(), { inThread: true }, 'other')[0]!.keys).toEqual([[['Ctrl', 'K']]]);
  });

  it('the cheat sheet lists every command with keys, grouped', () => {
    const groups = cheatSheetGroups(make().all(), 'mac');
    expect(groups.map((g) => g.group)).toEqual(['Thread', 'Lists', 'General']);
    expect(groups.find((g) => g.group === 'General')!.entries[0]!.keys).toEqual([[['⌘', 'K']]]);
  });

  it('refuses two commands with one id', () => {
    const r = make();
    expect(() => r.register({ id: 'a', title: 'again', group: 'General', keys: [], when: () => true, run: () => {} })).toThrow(/twice/);
  });

  it('the rendered cheat sheet shows every registered command that has keys, with its keys', () => {
    const { getByTestId } = render(<CheatSheet />);
    const sheet = getByTestId('cheatsheet');
    for (const c of registry.all()) {
      if (c.keys.length === 0) continue;
      expect(within(sheet).getAllByText(c.title).length).toBeGreaterThan(0);
    }
    // The keys shown are the registry's: "g" then "c" for the canned manager.
    const row = within(sheet).getByText('Canned responses', { selector: 'dt' }).closest('.cheatsheet-row')!;
    expect([...row.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(keyLabels('g c', PLATFORM).flat());
  });

  it('the rendered palette lists exactly the ids it was opened with, titles from the registry', () => {
    const ids = ['search.open', 'go.canned', 'help.cheatsheet'];
    act(() => store.getState().paletteOpened(ids, null));
    const { getByTestId } = render(<Palette />);
    const items = within(getByTestId('palette')).getAllByRole('option');
    expect(items.map((li) => li.querySelector('.palette-title')!.textContent)).toEqual(ids.map((id) => registry.byId(id)!.title));
    act(() => store.getState().paletteTyped('canned'));
    expect(within(getByTestId('palette')).getAllByRole('option').map((li) => li.querySelector('.palette-title')!.textContent)).toEqual(['Canned responses']);
  });

  it('every default key spec parses', () => {
    for (const c of registry.all()) for (const k of c.keys) expect(() => keyLabels(k, 'other')).not.toThrow();
  });
});

describe('cheat sheet grouping', () => {
  it('lists commands that read the same only once (one line for every overlay list’s ↓)', () => {
    const r = createRegistry<object>();
    r.register(
      { id: 'p.down', title: 'Next item', group: 'Lists', keys: ['ArrowDown'], hidden: true, when: () => true, run: () => {} },
      { id: 's.down', title: 'Next item', group: 'Lists', keys: ['ArrowDown'], hidden: true, when: () => true, run: () => {} },
      { id: 'c.down', title: 'Next response', group: 'Lists', keys: ['ArrowDown'], when: () => true, run: () => {} },
    );
    expect(cheatSheetGroups(r.all(), 'other')[0]!.entries.map((e) => e.id)).toEqual(['p.down', 'c.down']);
  });
});
