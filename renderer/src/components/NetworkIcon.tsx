/**
 * One small monochrome glyph per network, drawn here (no brand assets, no network requests),
 * coloured by `currentColor` so they follow the theme. Each carries its network's name.
 */
import type { ReactElement } from 'react';
import type { Network } from '../../../preload/contract';
import { NETWORK_RULES } from '../../../preload/shared/length';

const STROKE = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

const GLYPHS: Record<Network, ReactElement> = {
  x: (
    <>
      <path d="M3 2.75h2.9l7.1 10.5h-2.9z" fill="currentColor" />
      <path d="M12.6 2.75 3.4 13.25" {...STROKE} strokeWidth={1.4} />
    </>
  ),
  facebook: (
    <>
      <circle cx="8" cy="8" r="6.25" {...STROKE} />
      <path d="M9.9 4.9h-.8a1.7 1.7 0 0 0-1.7 1.7v7.6M5.9 8.6h3.8" {...STROKE} />
    </>
  ),
  instagram: (
    <>
      <rect x="2.25" y="2.25" width="11.5" height="11.5" rx="3.4" {...STROKE} />
      <circle cx="8" cy="8" r="2.7" {...STROKE} />
      <circle cx="11.35" cy="4.65" r="0.85" fill="currentColor" />
    </>
  ),
  telegram: (
    <>
      <path d="M14 2.6 1.9 7.4l4.3 1.6 1.5 4.6 2.4-2.9 3.4 2.6z" {...STROKE} />
      <path d="m6.2 9 7.8-6.4" {...STROKE} />
    </>
  ),
  mastodon: (
    <>
      <path d="M13.2 5.2c0-2.6-1.9-3.3-1.9-3.3-1.9-.9-6.7-.9-8.6 0 0 0-1.9.7-1.9 3.3 0 3.1-.2 6.9 3.1 7.8 1.2.3 2.3.4 3.1.3 1.6-.1 2.4-.6 2.4-.6l-.1-1.2s-1.1.4-2.4.3c-1.2 0-2.5-.1-2.7-1.7 2 .5 4 .4 4 .4 2-.2 3.8-1.4 4-2.6.4-1.7.4-2.7.4-2.7z" {...STROKE} strokeWidth={1.3} />
      <path d="M4.9 8.4V5.6a1.2 1.2 0 0 1 2.4 0v1.6M7.3 7.2V5.6a1.2 1.2 0 0 1 2.4 0v2.8" {...STROKE} strokeWidth={1.2} />
    </>
  ),
  bluesky: (
    <path
      d="M8 7.3C7.1 5.4 4.6 2.6 2.6 2.6c-1 0-1 1.1-.9 2.1.2 1.6.7 3 2.9 3.2-2.2.5-2.6 1.9-1.4 3.1 2 2 3.3.2 4.8-2.2 1.5 2.4 2.8 4.2 4.8 2.2 1.2-1.2.8-2.6-1.4-3.1 2.2-.2 2.7-1.6 2.9-3.2.1-1 .1-2.1-.9-2.1C11.4 2.6 8.9 5.4 8 7.3z"
      fill="currentColor"
    />
  ),
};

export function NetworkIcon({ network, size = 16, title }: { network: Network; size?: number; title?: string }) {
  const label = title ?? NETWORK_RULES[network].label;
  return (
    <svg className="network-icon" role="img" aria-label={label} width={size} height={size} viewBox="0 0 16 16" focusable="false">
      <title>{label}</title>
      {GLYPHS[network]}
    </svg>
  );
}
