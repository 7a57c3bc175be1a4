/** Mod+K: the commands usable where the agent was, fuzzy-filtered, with their keys. */
import { registry, runFromPalette } from '../commands/defaults';
import { keyLabels } from '../commands/keys';
import { paletteResults } from '../commands/palette';
import { PLATFORM } from '../lib/platform';
import { store, useStore } from '../store';
import { Dialog } from './Dialog';
import { KeyList } from './Keys';
import { useSelectedInView } from '../lib/useSelectedInView';

export function Palette() {
  const ids = useStore((s) => s.paletteIds);
  const query = useStore((s) => s.paletteQuery);
  const index = useStore((s) => s.paletteIndex);
  const results = paletteResults(registry.all(), ids, query);
  const list = useSelectedInView(index);

  return (
    <Dialog region="palette" label="Command palette" testId="palette" className="palette">
      <input
        className="dialog-input"
        data-focus="palette"
        aria-label="Type a command"
        aria-controls="palette-list"
        aria-activedescendant={results[index] ? `palette-${results[index].id}` : undefined}
        placeholder="Type a command…"
        autoFocus
        value={query}
        onChange={(e) => store.getState().paletteTyped(e.target.value)}
      />
      <ul className="dialog-list" id="palette-list" role="listbox" ref={list}>
        {results.length === 0 && <li className="dialog-empty">No command matches.</li>}
        {results.map((c, i) => (
          <li
            key={c.id}
            id={`palette-${c.id}`}
            role="option"
            aria-selected={i === index}
            className="palette-item"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => runFromPalette(c.id)}
          >
            <span className="palette-title">{c.title}</span>
            <span className="palette-group">{c.group}</span>
            <KeyList specs={c.keys.map((k) => keyLabels(k, PLATFORM))} />
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
