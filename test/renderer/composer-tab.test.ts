import { describe, expect, it } from 'vitest';
import type { CannedResponse } from '../../preload/contract';
import type { TemplateContext } from '../../preload/shared/template';
import { insertAt, tabInComposer } from '../../renderer/src/composer/edit';

const ctx: TemplateContext = {
  customer: { name: 'Ana Souza', firstName: 'Ana', handle: '@ana' },
  agent: { name: 'Sam', signature: '— Sam' },
  channel: 'X',
};

const canned = (id: number, shortcut: string, body: string): CannedResponse => ({ id, title: shortcut, crisis: false, shortcut, body, useCount: 0, updatedAt: 0 });
const list = [canned(1, 'refund', 'Hi {{customer.first_name}}, your refund for order {{blank:order number}} is on its way. {{agent.signature}}'), canned(2, 'thanks', 'Thanks {{customer.first_name | "there"}}!')];

const at = (text: string, cursor = text.length) => ({ text, selectionStart: cursor, selectionEnd: cursor });

describe('Tab in the composer', () => {
  it('expands ;shortcut before the cursor and selects the first blank', () => {
    const r = tabInComposer(at('Hello! ;refund'), false, list, ctx)!;
    expect(r.text).toBe('Hello! Hi Ana, your refund for order ⟦order number⟧ is on its way. — Sam');
    expect(r.text.slice(r.selectionStart, r.selectionEnd)).toBe('⟦order number⟧');
    expect(r.cannedId).toBe(1);
  });

  it('puts the cursor after the expansion when it has no blank', () => {
    const r = tabInComposer(at(';thanks'), false, list, ctx)!;
    expect(r.text).toBe('Thanks Ana!');
    expect([r.selectionStart, r.selectionEnd]).toEqual([11, 11]);
  });

  it('expands in the middle of a text, keeping what follows', () => {
    const text = 'a ;thanks b';
    const r = tabInComposer(at(text, 9), false, list, ctx)!;
    expect(r.text).toBe('a Thanks Ana! b');
  });

  it('an unknown shortcut and no blanks: null, so Tab does what Tab does', () => {
    expect(tabInComposer(at('see ;nope'), false, list, ctx)).toBeNull();
    expect(tabInComposer(at('plain text'), false, list, ctx)).toBeNull();
  });

  it('moves to the next blank, wrapping, and Shift+Tab to the previous', () => {
    const text = 'A ⟦one⟧ B ⟦two⟧ C';
    const first = tabInComposer(at(text, 0), false, list, ctx)!;
    expect(text.slice(first.selectionStart, first.selectionEnd)).toBe('⟦one⟧');
    // From a selected blank, Tab moves on instead of selecting it again.
    const second = tabInComposer({ text, selectionStart: first.selectionStart, selectionEnd: first.selectionEnd }, false, list, ctx)!;
    expect(text.slice(second.selectionStart, second.selectionEnd)).toBe('⟦two⟧');
    const wrapped = tabInComposer({ text, selectionStart: second.selectionStart, selectionEnd: second.selectionEnd }, false, list, ctx)!;
    expect(text.slice(wrapped.selectionStart, wrapped.selectionEnd)).toBe('⟦one⟧');
    const back = tabInComposer({ text, selectionStart: second.selectionStart, selectionEnd: second.selectionEnd }, true, list, ctx)!;
    expect(text.slice(back.selectionStart, back.selectionEnd)).toBe('⟦one⟧');
    expect(back.text).toBe(text);
    expect(back.cannedId).toBeUndefined();
  });

  it('Shift+Tab never expands a shortcut', () => {
    expect(tabInComposer(at(';thanks'), true, list, ctx)).toBeNull();
  });
});

describe('inserting at the cursor', () => {
  it('replaces the selection and selects the first blank of what was inserted', () => {
    const r = insertAt({ text: 'Hi X, bye', selectionStart: 3, selectionEnd: 4 }, 'order ⟦number⟧');
    expect(r.text).toBe('Hi order ⟦number⟧, bye');
    expect(r.text.slice(r.selectionStart, r.selectionEnd)).toBe('⟦number⟧');
  });

  it('stacks: a second insert goes where the cursor is, after the first', () => {
    const one = insertAt(at(''), 'First.');
    const two = insertAt(one, ' Second.');
    expect(two.text).toBe('First. Second.');
    expect(two.selectionStart).toBe(two.text.length);
  });

  it('never eats a selected blank: the insert goes after it, with a space', () => {
    const text = 'Your order ⟦number⟧';
    const r = insertAt({ text, selectionStart: 11, selectionEnd: text.length }, 'Thanks!');
    expect(r.text).toBe('Your order ⟦number⟧ Thanks!');
  });

  it('ignores blanks that were already in the draft before the insertion point', () => {
    const r = insertAt(at('⟦old⟧ '), 'new ⟦fresh⟧');
    expect(r.text.slice(r.selectionStart, r.selectionEnd)).toBe('⟦fresh⟧');
  });
});
