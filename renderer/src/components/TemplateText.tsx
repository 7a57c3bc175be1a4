/** Rendered template text with its ⟦blanks⟧ drawn as chips: text nodes only. */
import { findBlanks } from '../../../preload/shared/template';

export function TemplateText({ text }: { text: string }) {
  const parts: { text: string; blank: boolean }[] = [];
  let at = 0;
  for (const b of findBlanks(text)) {
    if (b.start > at) parts.push({ text: text.slice(at, b.start), blank: false });
    parts.push({ text: b.label || 'blank', blank: true });
    at = b.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), blank: false });
  return (
    <>
      {parts.map((p, i) =>
        p.blank ? (
          <span key={i} className="blank-chip">
            {p.text}
          </span>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
