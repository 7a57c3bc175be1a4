/**
 * Crisis mode groups the spike's threads at the top of the inbox under a heading, and the rest
 * under another. The list is virtualised with fixed rows, so the headings are spacing added to
 * the first row of each group: these helpers say how much, and where a row starts.
 */
import { useStore } from '../store';
import { ROW_HEIGHT } from './InboxRow';
import '../styles/workflow.css';

export const GROUP_HEAD = 30;

/** Extra space above row `index` for a group heading (none when nothing is grouped). */
export function groupGap(index: number, pinned: number): number {
  return pinned > 0 && (index === 0 || index === pinned) ? GROUP_HEAD : 0;
}

/** Where row `index` starts, headings included. */
export function rowTop(index: number, pinned: number): number {
  if (pinned === 0) return index * ROW_HEIGHT;
  return index * ROW_HEIGHT + (index >= pinned ? 2 : 1) * GROUP_HEAD;
}

export function GroupHeadings({ pinned, total }: { pinned: number; total: number }) {
  const minutes = useStore((s) => s.crisis?.windowMinutes ?? null);
  if (pinned === 0) return null;
  return (
    <>
      <div className="group-head group-head--spike" style={{ transform: 'translateY(0px)' }} data-testid="spike-heading">
        <span className="group-pulse" aria-hidden="true" />
        Spike
        <span className="group-count">{pinned}</span>
        <span className="group-note">negative messages{minutes ? ` · last ${minutes} min` : ''}</span>
      </div>
      {total > pinned && (
        <div className="group-head" style={{ transform: `translateY(${pinned * ROW_HEIGHT + GROUP_HEAD}px)` }}>
          Everything else
          <span className="group-count">{total - pinned}</span>
        </div>
      )}
    </>
  );
}
