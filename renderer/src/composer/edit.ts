/**
 * What Tab and "insert canned response" do to the composer's text, as pure functions of the
 * text and selection. The component only applies the result to the textarea.
 */
import type { CannedResponse } from '../../../preload/contract';
import { expandShortcutAt, findBlanks, nextBlank, renderTemplate, type TemplateContext } from '../../../preload/shared/template';

export interface TextState {
  text: string;
  selectionStart: number;
  selectionEnd: number;
}

export interface TabResult extends TextState {
  /** Set when a canned response was expanded, so the reply can record which. */
  cannedId?: number;
}

/**
 * Inserts at the cursor, replacing a selection the agent made. A selected ⟦blank⟧ (which Tab
 * and earlier inserts select for typing) is kept and the insert goes after it, so stacking
 * canned responses never eats a blank. A space separates it from a word right before it.
 * Then the first blank of what was inserted is selected, or the cursor goes after it.
 */
export function insertAt(state: TextState, insertion: string): TextState {
  let start = Math.min(state.selectionStart, state.selectionEnd);
  const end = Math.max(state.selectionStart, state.selectionEnd);
  const selected = state.text.slice(start, end);
  const blank = findBlanks(selected)[0];
  if (blank && blank.start === 0 && blank.end === selected.length) start = end;
  const before = state.text[start - 1];
  const glue = before !== undefined && !/\s/u.test(before) && !/^\s/u.test(insertion) ? ' ' : '';
  return replaceRange(state.text, start, end, glue + insertion);
}

function replaceRange(text: string, start: number, end: number, insertion: string): TextState {
  const next = text.slice(0, start) + insertion + text.slice(end);
  const blank = findBlanks(insertion)[0];
  if (blank) return { text: next, selectionStart: start + blank.start, selectionEnd: start + blank.end };
  const cursor = start + insertion.length;
  return { text: next, selectionStart: cursor, selectionEnd: cursor };
}

/**
 * Tab in the composer. In order: `;shortcut` right before the cursor with a matching canned
 * response → the rendered template replaces it; else a blank in the draft → it is selected
 * (Shift+Tab: the previous one, wrapping); else null, and Tab does what Tab does.
 */
export function tabInComposer(
  state: TextState,
  backwards: boolean,
  canned: readonly CannedResponse[],
  ctx: TemplateContext,
): TabResult | null {
  const { text, selectionStart, selectionEnd } = state;
  if (!backwards && selectionStart === selectionEnd) {
    const typed = expandShortcutAt(text, selectionStart);
    const match = typed ? canned.find((c) => c.shortcut !== '' && c.shortcut === typed.shortcut) : undefined;
    if (typed && match) {
      const rendered = renderTemplate(match.body, ctx).text;
      return { ...replaceRange(text, typed.start, selectionStart, rendered), cannedId: match.id };
    }
  }
  const blank = nextBlank(text, backwards ? selectionStart : selectionEnd, backwards);
  if (!blank) return null;
  return { text, selectionStart: blank.start, selectionEnd: blank.end };
}
