/**
 * The Electron shell's trust decisions as plain functions, so they are tested without Electron:
 * which frames may call the API, which links may leave the app.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://care';

/** Only our own top-level page may call the API; no iframe, no other origin. */
export function isTrustedFrame(url: string, isTopFrame: boolean): boolean {
  if (!isTopFrame) return false;
  try {
    // Node's URL gives a custom scheme the origin "null", so compare scheme and host instead.
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === 'care';
  } catch {
    return false;
  }
}

const EXTERNAL_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

/** The link as the OS should open it, or null when it must not leave the app (file:, javascript:, custom schemes). */
export function safeExternalUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return null;
    if (url.protocol !== 'mailto:' && (url.username || url.password)) return null;
    return url.toString();
  } catch {
    return null;
  }
}
