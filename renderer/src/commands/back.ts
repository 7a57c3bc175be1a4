/** Escape: back out exactly one level — overlay, editor, view, composer, thread, search. */
import { focusRegion } from '../lib/focus';
import type { CommandContext } from './context';
import { backOutOfReview } from './review';
import { backOutOfWorkflow } from './workflow';

export function backOut({ s, region }: CommandContext): boolean {
  if (backOutOfWorkflow({ s, region })) return true;
  if (s.overlay) {
    s.overlayClosed();
    return true;
  }
  if (s.view === 'canned' && s.editor) {
    s.editorEscaped();
    return true;
  }
  if (backOutOfReview({ s, region })) return true;
  if (s.view !== 'inbox') {
    s.viewChosen('inbox');
    return true;
  }
  if (region === 'composer') {
    focusRegion('thread');
    return true;
  }
  if (region === 'thread') {
    focusRegion(s.searchOpen ? 'search' : 'inbox');
    return true;
  }
  if (s.searchOpen) {
    s.searchClosed();
    return true;
  }
  return false;
}
