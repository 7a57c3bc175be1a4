/** "Go to" commands for the inbox's filters, shared by the default and the workflow commands. */
import type { InboxFilter } from '../../../preload/contract';
import { focusRegion } from '../lib/focus';
import type { CommandContext } from './context';
import type { Command } from './registry';

export function goToFilter(filter: InboxFilter, title: string, key: string): Command<CommandContext> {
  return {
    id: `go.${filter}`,
    title,
    group: 'Go to',
    keys: [key],
    when: ({ s }) => s.overlay === null,
    run: ({ s }) => {
      if (s.searchOpen) s.searchClosed();
      if (s.view !== 'inbox') s.viewChosen('inbox');
      else focusRegion('inbox');
      void s.filterChosen(filter);
    },
  };
}
