import type { ReactNode } from 'react';
import { Dialog } from './Dialog';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** The action cannot be undone: the button is red. */
  destructive?: boolean;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before doing something. Cancel gets the focus first, so Enter never destroys by accident. */
export function ConfirmDialog({ title, children, confirmLabel, destructive, busy, onConfirm, onCancel }: ConfirmDialogProps) {
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="nf-button" data-autofocus onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className={destructive ? 'nf-button nf-button--danger' : 'nf-button nf-button--primary'} disabled={busy} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
