// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDispatcher, type DispatchEvent } from '../../renderer/src/commands/dispatcher';
import type { Platform } from '../../renderer/src/commands/keys';
import type { Command } from '../../renderer/src/commands/registry';

interface Ctx {
  mode: string;
}

function key(k: string, mods: Partial<Pick<DispatchEvent, 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey'>> = {}, target: EventTarget | null = document.body): DispatchEvent & { prevented: boolean } {
  const e = {
    key: k,
    ctrlKey: false,
    altKey: false,
    shiftKey: false,
    metaKey: false,
    ...mods,
    target,
    prevented: false,
    preventDefault() {
      e.prevented = true;
    },
  };
  return e;
}

function setup(commands: Command<Ctx>[], platform: Platform = 'other', ctx: Ctx = { mode: 'list' }) {
  let t = 1000;
  const clock = { advance: (ms: number) => (t += ms) };
  const d = createDispatcher<Ctx>({ commands: () => commands, context: () => ctx, platform, now: () => t, sequenceTimeout: 1000 });
  return { d, clock };
}

function cmd(id: string, keys: string[], extra: Partial<Command<Ctx>> = {}): Command<Ctx> & { run: ReturnType<typeof vi.fn> } {
  return { id, title: id, group: 'General', keys, when: () => true, run: vi.fn(), ...extra } as Command<Ctx> & { run: ReturnType<typeof vi.fn> };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('exact modifiers', () => {
  it('a plain key does not fire with Ctrl, Alt or Meta held, and Mod+Enter needs exactly Mod', () => {
    const j = cmd('j', ['j']);
    const send = cmd('send', ['Mod+Enter']);
    const { d } = setup([j, send]);
    expect(d.handle(key('j', { ctrlKey: true }))).toBe(false);
    expect(d.handle(key('j', { altKey: true }))).toBe(false);
    expect(d.handle(key('j', { metaKey: true }))).toBe(false);
    expect(j.run).not.toHaveBeenCalled();
    expect(d.handle(key('Enter', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(d.handle(key('Enter'))).toBe(false);
    expect(send.run).not.toHaveBeenCalled();
    const e = key('Enter', { ctrlKey: true });
    expect(d.handle(e)).toBe(true);
    expect(e.prevented).toBe(true);
    expect(send.run).toHaveBeenCalledTimes(1);
  });

  it('Shift+J is not j, but J is Shift+j', () => {
    const j = cmd('j', ['j']);
    const bigJ = cmd('J', ['J']);
    const { d } = setup([j, bigJ]);
    d.handle(key('J', { shiftKey: true }));
    expect(j.run).not.toHaveBeenCalled();
    expect(bigJ.run).toHaveBeenCalledTimes(1);
  });

  it('matches symbols on event.key whatever Shift it took (layout-aware): Shift+? and ?', () => {
    const help = cmd('help', ['Shift+?']);
    const { d } = setup([help]);
    expect(d.handle(key('?', { shiftKey: true }))).toBe(true); // US layout
    expect(d.handle(key('?'))).toBe(true); // a layout where ? needs no Shift
    expect(d.handle(key('/', { shiftKey: true }))).toBe(false); // the physical key doesn't matter
    expect(help.run).toHaveBeenCalledTimes(2);
  });

  it('Shift stays significant for named keys: Tab vs Shift+Tab', () => {
    const next = cmd('next', ['Tab']);
    const prev = cmd('prev', ['Shift+Tab']);
    const { d } = setup([next, prev]);
    d.handle(key('Tab', { shiftKey: true }));
    expect(prev.run).toHaveBeenCalledTimes(1);
    expect(next.run).not.toHaveBeenCalled();
  });
});

describe('Mod', () => {
  it('is Ctrl on Linux and Windows', () => {
    const palette = cmd('palette', ['Mod+k']);
    const { d } = setup([palette], 'other');
    expect(d.handle(key('k', { metaKey: true }))).toBe(false);
    expect(d.handle(key('k', { ctrlKey: true }))).toBe(true);
    expect(palette.run).toHaveBeenCalledTimes(1);
  });

  it('is Meta (⌘) on macOS', () => {
    const palette = cmd('palette', ['Mod+k']);
    const { d } = setup([palette], 'mac');
    expect(d.handle(key('k', { ctrlKey: true }))).toBe(false);
    expect(d.handle(key('k', { metaKey: true }))).toBe(true);
    expect(palette.run).toHaveBeenCalledTimes(1);
  });
});

describe('sequences', () => {
  it('g then i runs "g i"; the first key is swallowed while waiting', () => {
    const inbox = cmd('inbox', ['g i']);
    const resolved = cmd('resolved', ['g r']);
    const { d } = setup([inbox, resolved]);
    const g = key('g');
    expect(d.handle(g)).toBe(true);
    expect(g.prevented).toBe(true);
    expect(inbox.run).not.toHaveBeenCalled();
    expect(d.handle(key('i'))).toBe(true);
    expect(inbox.run).toHaveBeenCalledTimes(1);
    expect(resolved.run).not.toHaveBeenCalled();
  });

  it('times out: a second key after the timeout is a fresh key', () => {
    const inbox = cmd('inbox', ['g i']);
    const i = cmd('i-alone', ['i']);
    const { d, clock } = setup([inbox, i]);
    d.handle(key('g'));
    clock.advance(1500);
    d.handle(key('i'));
    expect(inbox.run).not.toHaveBeenCalled();
    expect(i.run).toHaveBeenCalledTimes(1);
  });

  it('an unknown second key ends the sequence and is handled on its own', () => {
    const inbox = cmd('inbox', ['g i']);
    const j = cmd('j', ['j']);
    const { d } = setup([inbox, j]);
    d.handle(key('g'));
    d.handle(key('j'));
    expect(j.run).toHaveBeenCalledTimes(1);
    d.handle(key('i'));
    expect(inbox.run).not.toHaveBeenCalled();
  });

  it('a modifier press between the two keys does not break the sequence', () => {
    const inbox = cmd('inbox', ['g i']);
    const { d } = setup([inbox]);
    d.handle(key('g'));
    d.handle(key('Shift', { shiftKey: true }));
    d.handle(key('i'));
    expect(inbox.run).toHaveBeenCalledTimes(1);
  });
});

describe('typing in a field', () => {
  const field = (tag: 'input' | 'textarea' | 'div') => {
    const el = document.createElement(tag);
    if (tag === 'div') el.setAttribute('contenteditable', 'true');
    document.body.append(el);
    return el;
  };

  it.each(['input', 'textarea', 'div'] as const)('single keys never fire in a %s', (tag) => {
    const j = cmd('j', ['j']);
    const slash = cmd('search', ['/']);
    const seq = cmd('inbox', ['g i']);
    const { d } = setup([j, slash, seq]);
    const target = field(tag);
    const e = key('j', {}, target);
    expect(d.handle(e)).toBe(false);
    expect(e.prevented).toBe(false);
    d.handle(key('/', {}, target));
    d.handle(key('g', {}, target));
    d.handle(key('i', {}, target));
    expect(j.run).not.toHaveBeenCalled();
    expect(slash.run).not.toHaveBeenCalled();
    expect(seq.run).not.toHaveBeenCalled();
  });

  it('Escape, Mod+Enter and keys with Ctrl/Alt still fire there', () => {
    const esc = cmd('esc', ['Escape']);
    const send = cmd('send', ['Mod+Enter']);
    const insert = cmd('insert', ['Mod+;']);
    const { d } = setup([esc, send, insert]);
    const ta = field('textarea');
    d.handle(key('Escape', {}, ta));
    d.handle(key('Enter', { ctrlKey: true }, ta));
    d.handle(key(';', { ctrlKey: true }, ta));
    expect(esc.run).toHaveBeenCalledTimes(1);
    expect(send.run).toHaveBeenCalledTimes(1);
    expect(insert.run).toHaveBeenCalledTimes(1);
  });

  it('a key the field owns (inField) fires there, and declining lets Tab through', () => {
    const tab = cmd('tab', ['Tab'], { inField: true, run: vi.fn(() => false) });
    const { d } = setup([tab]);
    const ta = field('textarea');
    const e = key('Tab', {}, ta);
    expect(d.handle(e)).toBe(false);
    expect(tab.run).toHaveBeenCalledTimes(1);
    expect(e.prevented).toBe(false);
  });

  it('Enter on a focused button stays the button’s', () => {
    const open = cmd('open', ['Enter']);
    const { d } = setup([open]);
    const button = document.createElement('button');
    document.body.append(button);
    expect(d.handle(key('Enter', {}, button))).toBe(false);
    expect(open.run).not.toHaveBeenCalled();
  });
});

describe('choosing a command', () => {
  it('first match wins, and `when` decides which commands are in the running', () => {
    const inList = cmd('list-next', ['j'], { when: (c) => c.mode === 'list' });
    const inThread = cmd('thread-next', ['j'], { when: (c) => c.mode === 'thread' });
    const { d } = setup([inList, inThread], 'other', { mode: 'thread' });
    d.handle(key('j'));
    expect(inList.run).not.toHaveBeenCalled();
    expect(inThread.run).toHaveBeenCalledTimes(1);
    const again = setup([inList, inThread], 'other', { mode: 'list' });
    again.d.handle(key('j'));
    expect(inList.run).toHaveBeenCalledTimes(1);
  });

  it('ignores keys during IME composition', () => {
    const j = cmd('j', ['j']);
    const { d } = setup([j]);
    expect(d.handle({ ...key('j'), isComposing: true })).toBe(false);
    expect(j.run).not.toHaveBeenCalled();
  });
});
