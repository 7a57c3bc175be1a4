/**
 * Files in and out: a thread as HTML (prints well) or JSON (with raw payloads), the canned
 * library as CSV or JSON, and a canned library file read back in (`canned.import`), whose
 * outcome — added, updated, skipped and why — is shown until dismissed.
 */
import { call, errorText } from '../care';
import { formatOf, saveFile } from '../lib/download';
import type { Slice } from './types';

export interface CannedImportResult {
  fileName: string;
  added: number;
  updated: number;
  skipped: string[];
}

export interface TransferSlice {
  cannedImportResult: CannedImportResult | null;
  threadExportRequested(format: 'html' | 'json'): Promise<void>;
  cannedExportRequested(format: 'csv' | 'json'): Promise<void>;
  /** A file the agent picked: its extension says CSV or JSON. */
  cannedImportRequested(file: { name: string; text(): Promise<string> }): Promise<void>;
  cannedImportDismissed(): void;
}

/** Bigger than this is not a canned library (the contract caps the content at 5 MB). */
const MAX_IMPORT_CHARS = 5_000_000;

export const createTransferSlice: Slice<TransferSlice> = (set, get) => ({
  cannedImportResult: null,

  async threadExportRequested(format) {
    const t = get().shownSummary();
    if (!t) {
      get().toastShown('Open a thread first: that is the one exported.', 'error');
      return;
    }
    try {
      const file = await call('export.thread', { threadId: t.id, format });
      saveFile(file);
      get().toastShown(`Exported ${file.filename}.`);
    } catch (err) {
      get().toastShown(`Could not export the thread: ${errorText(err)}`, 'error');
    }
  },

  async cannedExportRequested(format) {
    try {
      const file = await call('canned.export', { format });
      saveFile(file);
      get().toastShown(`Exported ${file.filename}.`);
    } catch (err) {
      get().toastShown(`Could not export canned responses: ${errorText(err)}`, 'error');
    }
  },

  async cannedImportRequested(file) {
    const format = formatOf(file.name);
    if (!format) {
      get().toastShown(`“${file.name}” is neither a .csv nor a .json file: export one from here to see the format.`, 'error');
      return;
    }
    try {
      const content = await file.text();
      if (content.length > MAX_IMPORT_CHARS) throw new Error('The file is larger than 5 MB: that is not a canned library.');
      const r = await call('canned.import', { format, content });
      set({ cannedImportResult: { fileName: file.name, ...r } });
      get().overlayOpened('canned-import', 'canned-list');
      await get().cannedLoaded();
    } catch (err) {
      get().toastShown(`Could not import “${file.name}”: ${errorText(err)}`, 'error');
    }
  },

  cannedImportDismissed() {
    set({ cannedImportResult: null });
    get().overlayClosed('canned-list');
  },
});
