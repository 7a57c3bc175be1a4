/** Which modifier "Mod" means here: ⌘ on macOS, Ctrl everywhere else. */
import type { Platform } from '../commands/keys';

export function detectPlatform(): Platform {
  const nav = typeof navigator === 'undefined' ? null : navigator;
  const hint = (nav as { userAgentData?: { platform?: string } } | null)?.userAgentData?.platform ?? nav?.platform ?? nav?.userAgent ?? '';
  return /mac|iphone|ipad|ipod/i.test(hint) ? 'mac' : 'other';
}

export const PLATFORM: Platform = detectPlatform();
