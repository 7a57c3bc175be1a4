/**
 * `c`: one customer across networks. Left: who they are on each network (Delete unlinks one),
 * who else looks like them (Enter links), VIP and a free-text note. Right: every message of
 * every thread in one timeline (Enter opens that thread). j/k move one cursor through it all.
 */
import { useEffect, useRef } from 'react';
import type { CustomerProfile as Profile, ThreadSummary } from '../../../preload/contract';
import { NETWORK_RULES } from '../../../preload/shared/length';
import { keyLabels } from '../commands/keys';
import { PLATFORM } from '../lib/platform';
import { absoluteTime, ago, compactCount } from '../lib/time';
import { useNow } from '../lib/useNow';
import { store, useStore } from '../store';
import { profileRows, type ProfileRow } from '../store/customer';
import { Dialog } from './Dialog';
import { KIND_LABEL } from './InboxRow';
import { Keys } from './Keys';
import { NetworkIcon } from './NetworkIcon';
import '../styles/customer.css';

const STATUS_WORD = { open: 'open', pending: 'pending', snoozed: 'snoozed', resolved: 'resolved' } as const;

export function CustomerProfile() {
  const p = useStore((s) => (s.profileCustomerId === null ? undefined : s.customerProfiles[s.profileCustomerId]));
  const index = useStore((s) => s.profileIndex);
  const busy = useStore((s) => s.profileBusy);
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    body.current?.querySelector('[data-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [index, p]);

  return (
    <Dialog region="customer" label={p ? `Customer profile: ${p.displayName}` : 'Customer profile'} testId="customer-profile" className="profile">
      <div className="profile-body" ref={body} tabIndex={-1} data-focus="customer" aria-busy={!p || busy}>
        {p ? <ProfileContent p={p} index={index} /> : <ProfileSkeleton />}
      </div>
      <p className="dialog-foot profile-foot">
        <Keys chords={[['J']]} />
        <Keys chords={[['K']]} /> move · <Keys chords={[['Enter']]} /> open thread / link · <Keys chords={[['Del']]} /> unlink · <Keys chords={[['V']]} /> VIP ·{' '}
        <Keys chords={[['N']]} /> note · <Keys chords={keyLabels('Mod+Enter', PLATFORM)} /> save it · <Keys chords={[['Esc']]} /> close
      </p>
    </Dialog>
  );
}

function ProfileSkeleton() {
  return (
    <div className="profile-loading" aria-label="Loading the customer">
      <span className="sk" style={{ width: '40%', height: 22 }} />
      <span className="sk" style={{ width: '70%', height: 14 }} />
      <span className="sk" style={{ width: '55%', height: 14 }} />
    </div>
  );
}

function ProfileContent({ p, index }: { p: Profile; index: number }) {
  const now = useNow();
  const rows = profileRows(p);
  const threadsById = new Map(p.threads.map((t) => [t.id, t]));
  const rowIndex = (pred: (r: ProfileRow) => boolean) => rows.findIndex(pred);
  const initials = [...p.displayName.trim()].find((ch) => /\p{L}|\p{N}/u.test(ch))?.toUpperCase() ?? '?';
  const open = p.threads.filter((t) => t.status !== 'resolved').length;
  const networks = [...new Set(p.identities.map((i) => i.network))];

  return (
    <div className="profile-grid">
      <section className="profile-side" aria-label="Who they are">
        <header className="profile-id">
          <span className="avatar avatar--large" aria-hidden="true">
            {initials}
          </span>
          <div className="profile-who">
            <h2 className="profile-name" dir="auto">
              {p.displayName}
              {p.vip && (
                <span className="vip-badge" data-testid="vip-badge">
                  ★ VIP
                </span>
              )}
            </h2>
            <p className="profile-sub">
              {networks.map((n) => NETWORK_RULES[n].label).join(' · ')} · {p.threads.length} {p.threads.length === 1 ? 'thread' : 'threads'}
              {open > 0 ? `, ${open} open` : ''}
            </p>
          </div>
        </header>

        <button type="button" className={`vip-toggle ${p.vip ? 'vip-toggle--on' : ''}`} aria-pressed={p.vip} data-testid="vip-toggle" onClick={() => void store.getState().vipToggled(p.id)}>
          <span aria-hidden="true">{p.vip ? '★' : '☆'}</span> {p.vip ? 'VIP customer' : 'Mark as VIP'} <Keys chords={[['V']]} />
        </button>

        <div className="profile-section">
          <h3>{p.identities.length === 1 ? 'Identity' : `Identities · ${p.identities.length}`}</h3>
          <ul className="identity-list">
            {p.identities.map((i) => {
              const at = rowIndex((r) => r.kind === 'identity' && r.identity.id === i.id);
              const current = at >= 0 && at === index;
              return (
                <li key={i.id} className={`identity ${current ? 'profile-row--current' : ''}`} data-current={current} data-testid="identity">
                  <span className="identity-icon">
                    <NetworkIcon network={i.network} size={14} />
                  </span>
                  <span className="identity-who">
                    <span className="identity-handle" dir="auto">
                      {i.handle}
                    </span>
                    <span className="identity-meta" dir="auto">
                      {i.displayName !== p.displayName ? `${i.displayName} · ` : ''}
                      {NETWORK_RULES[i.network].label}
                      {i.followerCount !== null ? ` · ${compactCount(i.followerCount)} followers` : ''}
                    </span>
                  </span>
                  {at >= 0 && (
                    <button type="button" className="row-action" tabIndex={-1} onClick={() => void store.getState().identityUnlinkRequested(at)}>
                      {current && <Keys chords={[['Del']]} />} unlink
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </div>

        {p.suggestions.length > 0 && (
          <div className="profile-section">
            <h3>Looks like the same person</h3>
            <ul className="identity-list">
              {p.suggestions.map((sug) => {
                const at = rowIndex((r) => r.kind === 'suggestion' && r.customerId === sug.customerId);
                const current = at === index;
                return (
                  <li key={sug.customerId} className={`identity identity--suggestion ${current ? 'profile-row--current' : ''}`} data-current={current} data-testid="suggestion">
                    <span className="identity-icon">
                      <NetworkIcon network={sug.network} size={14} />
                    </span>
                    <span className="identity-who">
                      <span className="identity-handle" dir="auto">
                        {sug.displayName} <span className="muted">{sug.handle}</span>
                      </span>
                      <span className="identity-meta">{sug.reason}</span>
                    </span>
                    <button type="button" className="row-action row-action--link" tabIndex={-1} onClick={() => void store.getState().profileRowChosen(at)}>
                      {current && <Keys chords={[['Enter']]} />} link
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        )}

        <div className="profile-section">
          <h3>
            <label htmlFor="profile-note">Note</label>
          </h3>
          <CustomerNote key={p.id} customerId={p.id} note={p.note} />
        </div>
      </section>

      <section className="profile-timeline" aria-label="Every message, every network">
        <h3>
          Timeline <span className="muted">· {p.timeline.length === 1 ? '1 message' : `${p.timeline.length} messages`} across {threadsById.size} {threadsById.size === 1 ? 'thread' : 'threads'}</span>
        </h3>
        {p.timeline.length === 0 ? (
          <p className="muted">No messages yet.</p>
        ) : (
          <ol className="timeline-list">
            {p.timeline.map((e) => {
              const at = rowIndex((r) => r.kind === 'entry' && r.entry.messageId === e.messageId);
              const current = at === index;
              const t = threadsById.get(e.threadId);
              return (
                <li
                  key={e.messageId}
                  className={`tl-entry tl-entry--${e.direction} ${current ? 'profile-row--current' : ''}`}
                  data-current={current}
                  data-testid="timeline-entry"
                  onClick={() => void store.getState().profileRowChosen(at)}
                >
                  <span className="tl-icon">
                    <NetworkIcon network={e.network} size={13} />
                  </span>
                  <div className="tl-main">
                    <p className="tl-head">
                      <span className="tl-author" dir="auto">
                        {e.direction === 'out' ? `${e.authorName} (us)` : e.authorName}
                      </span>
                      <ThreadTag kind={e.kind} network={e.network} t={t} threadId={e.threadId} />
                      <time className="tl-time" title={absoluteTime(e.createdAt)} dateTime={new Date(e.createdAt).toISOString()}>
                        {ago(e.createdAt, now)}
                      </time>
                    </p>
                    <p className="tl-text" dir="auto">
                      {e.text}
                    </p>
                  </div>
                  {current && (
                    <span className="tl-open">
                      <Keys chords={[['Enter']]} /> open
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </div>
  );
}

function ThreadTag({ kind, network, t, threadId }: { kind: keyof typeof KIND_LABEL; network: Profile['timeline'][number]['network']; t: ThreadSummary | undefined; threadId: number }) {
  return (
    <span className="tl-thread" title={`Thread #${threadId}`}>
      {NETWORK_RULES[network].label} · {KIND_LABEL[kind]}
      {t && <span className={`tl-status tl-status--${t.status}`}>{STATUS_WORD[t.status]}</span>}
    </span>
  );
}

/** Saved when the agent leaves the field (Esc, Mod+Enter, Tab, a click elsewhere). */
function CustomerNote({ customerId, note }: { customerId: number; note: string }) {
  return (
    <textarea
      id="profile-note"
      className="profile-note"
      data-testid="profile-note"
      rows={4}
      placeholder="What colleagues should know about this customer (saved when you leave the field)"
      defaultValue={note}
      dir="auto"
      onBlur={(e) => void store.getState().customerNoteSaved(e.currentTarget.value, customerId)}
    />
  );
}
