/**
 * Search snippets mark matched terms with private-use characters (preload/shared/highlight).
 * Splitting on them yields plain strings that React renders as text nodes inside <mark>;
 * nothing here ever becomes markup, whatever the customer wrote.
 */
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../../preload/shared/highlight';

export interface SnippetPart {
  text: string;
  marked: boolean;
}

export function splitHighlights(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  let text = '';
  const flush = () => {
    if (text) parts.push({ text, marked });
    text = '';
  };
  for (const ch of snippet) {
    // Unbalanced markers (a cut snippet) just toggle nothing: a stray END outside a mark is dropped.
    if (ch === HIGHLIGHT_START && !marked) {
      flush();
      marked = true;
    } else if (ch === HIGHLIGHT_END && marked) {
      flush();
      marked = false;
    } else if (ch !== HIGHLIGHT_START && ch !== HIGHLIGHT_END) {
      text += ch;
    }
  }
  flush();
  return parts;
}
