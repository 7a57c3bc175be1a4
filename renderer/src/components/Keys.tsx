/** Key labels as keycaps: one spec ("g i", "Mod+Enter") already split by keyLabels. */
import { Fragment } from 'react';

export function Keys({ chords }: { chords: string[][] }) {
  return (
    <span className="keys">
      {chords.map((chord, i) => (
        <Fragment key={i}>
          {i > 0 && <span className="keys-then">then</span>}
          {chord.map((k, j) => (
            <kbd key={j}>{k}</kbd>
          ))}
        </Fragment>
      ))}
    </span>
  );
}

/** Several specs for one command ("j" or "↓"). */
export function KeyList({ specs }: { specs: string[][][] }) {
  return (
    <span className="key-list">
      {specs.map((chords, i) => (
        <Fragment key={i}>
          {i > 0 && <span className="keys-or">or</span>}
          <Keys chords={chords} />
        </Fragment>
      ))}
    </span>
  );
}
