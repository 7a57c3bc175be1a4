/** Offline review and accounts, joined once so the store's index lists them in one line. */
import { createAccountsSlice, type AccountsSlice } from './accounts';
import { createFilterMenuSlice, type FilterMenuSlice } from './filterMenu';
import { createReportsSlice, type ReportsSlice } from './reports';
import { createSavedSearchSlice, type SavedSearchSlice } from './savedSearches';
import { createTransferSlice, type TransferSlice } from './transfer';
import type { Slice } from './types';

export type ReviewSlices = FilterMenuSlice & SavedSearchSlice & ReportsSlice & TransferSlice & AccountsSlice;

export const createReviewSlices: Slice<ReviewSlices> = (...a) => ({
  ...createFilterMenuSlice(...a),
  ...createSavedSearchSlice(...a),
  ...createReportsSlice(...a),
  ...createTransferSlice(...a),
  ...createAccountsSlice(...a),
});
