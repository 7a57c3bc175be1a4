/** The care workflow's slices (issue 4), joined: triage pickers, bulk selection, crisis mode, customers. */
import { createBulkSlice, type BulkSlice } from './bulk';
import { createCrisisSlice, type CrisisSlice } from './crisis';
import { createCustomerSlice, type CustomerSlice } from './customer';
import type { Slice } from './types';
import { createWorkflowSlice, type WorkflowSlice } from './workflow';

export type WorkflowSlices = WorkflowSlice & BulkSlice & CrisisSlice & CustomerSlice;

export const createWorkflowSlices: Slice<WorkflowSlices> = (...a) => ({
  ...createWorkflowSlice(...a),
  ...createBulkSlice(...a),
  ...createCrisisSlice(...a),
  ...createCustomerSlice(...a),
});
