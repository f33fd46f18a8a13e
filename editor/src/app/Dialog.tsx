import { X } from 'lucide-react';
import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Buttons along the bottom (the dialog's own actions). */
  footer?: ReactNode;
  wide?: boolean;
}

/**
 * A modal dialog on the native <dialog>: showModal() makes the rest of the page inert, keeps focus
 * inside and gives it the dialog role; Escape and the close button both go through onClose, so the
 * caller decides when it goes away. Focus starts on the element marked `data-autofocus` (if any)
 * and returns to where it was when the dialog closes.
 */
export function Dialog({ title, onClose, children, footer, wide }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    const cancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', cancel);
    if (!dialog.open) dialog.showModal();
    // showModal focuses the first focusable element (the close button); a dialog may name a better start.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      dialog.removeEventListener('cancel', cancel);
      dialog.close();
      before?.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className={wide ? 'nf-dialog nf-dialog--wide' : 'nf-dialog'} aria-labelledby={titleId} aria-modal="true">
      <div className="nf-dialog__body">
        <header className="nf-dialog__header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="nf-button nf-button--ghost nf-button--icon" aria-label="Close" onClick={onClose}>
            <X aria-hidden />
          </button>
        </header>
        <div className="nf-dialog__content">{children}</div>
        {footer ? <footer className="nf-dialog__footer">{footer}</footer> : null}
      </div>
    </dialog>
  );
}
