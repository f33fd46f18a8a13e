import { LoaderCircle } from 'lucide-react';

/** A page or panel waiting for the server. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="nf-state" role="status">
      <LoaderCircle className="nf-spin" aria-hidden />
      <span>{label}</span>
    </div>
  );
}

/** A failed load, with the server's own message and a way to try again. */
export function LoadError({ title, message, onRetry }: { title: string; message: string; onRetry?: () => void }) {
  return (
    <div className="nf-state nf-state--error" role="alert">
      <p className="nf-state__title">{title}</p>
      <p>{message}</p>
      {onRetry ? (
        <button type="button" className="nf-button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
