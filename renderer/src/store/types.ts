/** The whole store's shape: one slice per feature, joined. Slices reach each other through `get()`. */
import type { StateCreator } from 'zustand';
import type { CannedSlice } from './canned';
import type { ComposerSlice } from './composer';
import type { InboxSlice } from './inbox';
import type { ReviewSlices } from './review';
import type { SearchSlice } from './search';
import type { SettingsSlice } from './settings';
import type { ThreadSlice } from './thread';
import type { UiSlice } from './ui';
import type { WorkflowSlices } from './workflowSlices';

export type State = InboxSlice & ThreadSlice & ComposerSlice & CannedSlice & SearchSlice & ReviewSlices & SettingsSlice & UiSlice & WorkflowSlices;

export type Slice<T> = StateCreator<State, [], [], T>;
