import { describe, expect, it } from 'vitest';
import { isTrustedFrame, safeExternalUrl } from '../../main/api/trust';

describe('Electron trust rules', () => {
  it.each([
    ['app://care/index.html', true, true],
    ['app://care/index.html', false, false],
    ['app://evil/index.html', true, false],
    ['https://care/index.html', true, false],
    ['file:///work/main/dist/renderer/index.html', true, false],
    ['not a url', true, false],
  ])('a frame at %s (top: %s) may call the API: %s', (url, top, ok) => {
    expect(isTrustedFrame(url, top)).toBe(ok);
  });

  it.each([
    ['https://developer.x.com/en/portal/dashboard', 'https://developer.x.com/en/portal/dashboard'],
    ['http://example.com', 'http://example.com/'],
    ['mailto:help@example.com', 'mailto:help@example.com'],
    ['javascript:alert(1)', null],
    ['file:///etc/passwd', null],
    ['app://care/index.html', null],
    ['smb://server/share', null],
    ['https://user:pass@example.com/', null],
    ['not a url', null],
  ])('an external link %s opens as %s', (raw, expected) => {
    expect(safeExternalUrl(raw)).toBe(expected);
  });
});
