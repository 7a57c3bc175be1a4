/**
 * Across the top while crisis mode is on: why (a detected spike, in numbers, or an agent's
 * say-so), since when, and the keys to see the spike and to switch it off. The slot is always
 * there (empty when calm) so the window's grid keeps its rows.
 */
import { keyLabels } from '../commands/keys';
import { PLATFORM } from '../lib/platform';
import { store, useStore } from '../store';
import { Keys } from './Keys';
import '../styles/workflow.css';

export function CrisisBanner() {
  const crisis = useStore((s) => s.crisis);
  const spike = useStore((s) => s.inbox.pinned);
  if (!crisis?.active) return <div className="crisis-slot" />;
  const why = crisis.manual
    ? `switched on by an agent${crisis.recentNegative > 0 ? ` · ${crisis.recentNegative} negative ${crisis.recentNegative === 1 ? 'message' : 'messages'} in the last ${crisis.windowMinutes} minutes; usually about ${Math.max(1, Math.round(crisis.baseline))}` : ''}`
    : crisis.reason.replace(/\.$/, '');
  const since = crisis.since === null ? null : new Date(crisis.since).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return (
    <div className="crisis-slot">
      <div className="crisis-banner" role="status" data-testid="crisis-banner">
        <svg className="crisis-glyph" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M8 1.8 15 14H1z" fill="currentColor" opacity="0.18" />
          <path d="M8 1.8 15 14H1z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
          <path d="M8 6v3.6" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          <circle cx="8" cy="11.8" r="0.9" fill="currentColor" />
        </svg>
        <p className="crisis-text">
          <strong>Crisis mode:</strong> <span dir="auto">{why}</span>
          {since && <span className="crisis-since"> · since {since}</span>}
        </p>
        <p className="crisis-keys">
          <button type="button" className="crisis-action" onClick={() => void store.getState().spikeShown()}>
            <Keys chords={[['G'], ['!']]} /> see the spike{spike > 0 ? ` (${spike})` : ''}
          </button>
          <span className="crisis-sep" aria-hidden="true">
            ·
          </span>
          <span>
            crisis responses come first · bulk actions ask first · <Keys chords={keyLabels('Mod+k', PLATFORM)} /> “crisis” to switch off
          </span>
        </p>
      </div>
    </div>
  );
}
