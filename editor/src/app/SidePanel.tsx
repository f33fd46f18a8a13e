import { X } from 'lucide-react';
import type { ReactNode } from 'react';

export interface SidePanelProps {
  /** The heading, also the panel's accessible name. */
  title: string;
  /** Names the close button ("Close the test panel"). */
  closeLabel: string;
  onClose(): void;
  /** A modifier class of the panel (the column widens for some). */
  className: string;
  busy?: boolean;
  children: ReactNode;
}

/** A panel in the editor's right-hand column instead of the inspector (Test, Stats): a heading with a close button, then its sections. */
export function SidePanel({ title, closeLabel, onClose, className, busy, children }: SidePanelProps) {
  return (
    <section className={`nf-side-panel ${className}`} aria-label={title} {...(busy !== undefined ? { 'aria-busy': busy } : {})}>
      <header className="nf-side-panel__header">
        <h2>{title}</h2>
        <button type="button" className="nf-button nf-button--ghost nf-button--icon" aria-label={closeLabel} title="Close (the canvas goes back to normal)" onClick={onClose}>
          <X aria-hidden />
        </button>
      </header>
      {children}
    </section>
  );
}
