/** The care workflow's overlays: the pickers, the note, the crisis confirmation, the customer profile. */
import type { Overlay } from '../store/ui';
import { CustomerProfile } from './CustomerProfile';
import { AssignPicker, ConfirmBulk, LabelPicker, NoteDialog, SnoozePicker } from './TriagePickers';

export function WorkflowOverlays({ overlay }: { overlay: Overlay | null }) {
  switch (overlay) {
    case 'snooze':
      return <SnoozePicker />;
    case 'assign':
      return <AssignPicker />;
    case 'label':
      return <LabelPicker />;
    case 'note':
      return <NoteDialog />;
    case 'confirm-bulk':
      return <ConfirmBulk />;
    case 'customer':
      return <CustomerProfile />;
    default:
      return null;
  }
}
