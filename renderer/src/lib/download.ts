/**
 * Saves what an export returned as a file the way a browser downloads: a Blob behind an
 * <a download> clicked from code. Works in Chromium and in Electron (which asks where to save).
 */
import type { ExportFile } from '../../../preload/contract';

export function saveFile(file: ExportFile): void {
  const blob = new Blob([file.content], { type: file.mimeType });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken its copy by the next tasks; a minute is generous.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** What a file's name says about its format, for imports. */
export function formatOf(name: string): 'csv' | 'json' | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext === 'csv' ? 'csv' : ext === 'json' ? 'json' : null;
}
