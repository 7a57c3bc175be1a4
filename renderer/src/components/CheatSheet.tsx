/** `?`: every command, grouped, with its keys — generated from the registry. */
import { registry } from '../commands/defaults';
import { cheatSheetGroups } from '../commands/registry';
import { PLATFORM } from '../lib/platform';
import { Dialog } from './Dialog';
import { KeyList } from './Keys';

export function CheatSheet() {
  const groups = cheatSheetGroups(registry.all(), PLATFORM);
  return (
    <Dialog region="cheatsheet" label="Keyboard shortcuts" testId="cheatsheet" className="cheatsheet">
      <div className="cheatsheet-body" tabIndex={-1} data-focus="cheatsheet" ref={(el) => el?.focus()}>
        <h2 className="dialog-title">Keyboard shortcuts</h2>
        <div className="cheatsheet-grid">
          {groups.map((g) => (
            <section key={g.group} className="cheatsheet-group">
              <h3>{g.group}</h3>
              <dl>
                {g.entries.map((e) => (
                  <div key={e.id} className="cheatsheet-row">
                    <dt>{e.title}</dt>
                    <dd>
                      <KeyList specs={e.keys} />
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
        <p className="dialog-foot">Esc or ? to close</p>
      </div>
    </Dialog>
  );
}
