/** A search snippet with its matched terms in <mark>: split strings, text nodes only. */
import { splitHighlights } from '../lib/highlight';

export function Highlighted({ snippet }: { snippet: string }) {
  return (
    <>
      {splitHighlights(snippet).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
