// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S } from '../../preload/shared/highlight';
import { Highlighted } from '../../renderer/src/components/Highlighted';
import { splitHighlights } from '../../renderer/src/lib/highlight';

afterEach(cleanup);

describe('search snippet highlighting', () => {
  it('splits on the markers', () => {
    expect(splitHighlights(`my ${S}refund${E} is late`)).toEqual([
      { text: 'my ', marked: false },
      { text: 'refund', marked: true },
      { text: ' is late', marked: false },
    ]);
  });

  it('survives unbalanced markers from a cut snippet', () => {
    expect(splitHighlights(`…fund${E} and ${S}late`)).toEqual([
      { text: '…fund and ', marked: false },
      { text: 'late', marked: true },
    ]);
  });

  it('renders marks as text nodes and customer HTML as text, never markup', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const { container } = render(
      <p>
        <Highlighted snippet={`${evil} ${S}refund${E} <b>now</b> ${S}<script>x()</script>${E}`} />
      </p>,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    const marks = [...container.querySelectorAll('mark')];
    expect(marks.map((m) => m.textContent)).toEqual(['refund', '<script>x()</script>']);
    // Every mark holds exactly one text node.
    for (const m of marks) expect([...m.childNodes].map((n) => n.nodeType)).toEqual([Node.TEXT_NODE]);
    expect(container.textContent).toBe(`${evil} refund <b>now</b> <script>x()</script>`);
  });
});
